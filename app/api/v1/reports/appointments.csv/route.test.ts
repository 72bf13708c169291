import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { clients } from "@/db/schema/appointments";
import { withCallers } from "@/testing/catalog";
import { makeAppointment, makeClient, makeLocation, makeService, makeWorker } from "@/testing/fixtures";
import { call } from "@/testing/http";
import { GET } from "./route";

const callers = withCallers();
const csv = (query: string, token: string | null = callers.admin) =>
  call(GET, "GET", `/api/v1/reports/appointments.csv?${query}`, { token: token ?? undefined });

const at = (iso: string, minutes = 30) => ({
  startAt: new Date(iso),
  endAt: new Date(new Date(iso).getTime() + minutes * 60_000),
});

/** A strict RFC 4180 reader: every record ends with CRLF; a quoted field may hold anything, quotes doubled. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r") {
        if (text[i] === '"' || text[i] === "\n") throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ",") i++;
    else if (text.startsWith("\r\n", i)) {
      records.push(record);
      record = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  if (record.length > 0) throw new Error("last record has no CRLF");
  return records;
}

const HEADER = "id,start,end,timezone,status,worker,service,location,client,phone,email,price,currency,notes";

describe("GET /api/v1/reports/appointments.csv", () => {
  it("sends RFC 4180 CSV with local times, quoted fields and neutralised formulas", async () => {
    const place = await makeLocation({ timezone: "Europe/Moscow", name: "Main, first floor" });
    const worker = await makeWorker({ name: "Anna" });
    const service = await makeService({ name: "Cut" });
    const client = await makeClient('=HYPERLINK("http://evil")');
    await (await getDb())
      .update(clients)
      .set({ phone: "+7 900 000-00-00", email: "@x.test" })
      .where(eq(clients.id, client.id));
    const note = 'Said "hi", then\r\nleft;\nback\rlater';
    const first = await makeAppointment({
      locationId: place.id,
      workerId: worker.id,
      serviceId: service.id,
      clientId: client.id,
      ...at("2026-03-02T07:00:00Z", 45),
      status: "completed",
      price: 1500.5,
      notes: note,
    });
    const second = await makeAppointment({ locationId: place.id, ...at("2026-03-02T21:10:00Z"), notes: "-1+2" });
    // After the range in Moscow (00:10 on the 4th).
    await makeAppointment({ locationId: place.id, ...at("2026-03-03T21:10:00Z") });

    const res = await csv("from=2026-03-02&to=2026-03-03");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="appointments-2026-03-02-2026-03-03.csv"',
    );
    const text = res.json as string;
    expect(text.startsWith(`${HEADER}\r\n`)).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(HEADER.split(","));
    expect(rows.slice(1)).toEqual([
      [
        first.id,
        "2026-03-02T10:00:00+03:00",
        "2026-03-02T10:45:00+03:00",
        "Europe/Moscow",
        "completed",
        "Anna",
        "Cut",
        "Main, first floor",
        '\'=HYPERLINK("http://evil")',
        "'+7 900 000-00-00",
        "'@x.test",
        "1500.50",
        "RUB",
        note,
      ],
      [
        second.id,
        "2026-03-03T00:10:00+03:00",
        "2026-03-03T00:40:00+03:00",
        "Europe/Moscow",
        "booked",
        "",
        "",
        "Main, first floor",
        expect.any(String),
        "",
        "",
        "0.00",
        "RUB",
        "'-1+2",
      ],
    ]);
    expect(text).toContain('"Said ""hi"", then\r\nleft;\nback\rlater"');

    const completed = parseCsv((await csv("from=2026-03-02&to=2026-03-03&status=completed")).json);
    expect(completed.map((r) => r[0])).toEqual(["id", first.id]);
    const none = await csv(`from=2026-03-02&to=2026-03-03&workerId=${worker.slug}&status=booked`);
    expect(none.json).toBe(`${HEADER}\r\n`);
  });

  it("filters by worker and location", async () => {
    const place = await makeLocation({ timezone: "Asia/Tokyo" });
    const other = await makeLocation({ timezone: "Asia/Tokyo" });
    const anna = await makeWorker();
    const boris = await makeWorker();
    const a1 = await makeAppointment({ locationId: place.id, workerId: anna.id, ...at("2026-04-01T01:00:00Z") });
    const a2 = await makeAppointment({ locationId: other.id, workerId: anna.id, ...at("2026-04-01T02:00:00Z") });
    const b1 = await makeAppointment({ locationId: place.id, workerId: boris.id, ...at("2026-04-01T03:00:00Z") });
    const ids = async (query: string) =>
      parseCsv((await csv(`from=2026-04-01&to=2026-04-01${query}`)).json)
        .slice(1)
        .map((r) => r[0]);
    expect(await ids("")).toEqual([a1.id, a2.id, b1.id]);
    expect(await ids(`&workerId=${anna.slug}`)).toEqual([a1.id, a2.id]);
    expect(await ids(`&locationId=${place.slug}`)).toEqual([a1.id, b1.id]);
    expect(await ids(`&workerId=${anna.id}&locationId=${other.id}`)).toEqual([a2.id]);
  });

  it("answers 401 without credentials, 403 to a client, 400 to bad parameters", async () => {
    const range = "from=2026-01-01&to=2026-01-02";
    expect((await csv(range, null)).status).toBe(401);
    expect((await csv(range, callers.client)).status).toBe(403);
    expect((await csv(range, callers.manager)).status).toBe(200);
    const issues = async (query: string) => {
      const res = await csv(query);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("validation_failed");
      return res.json.error.details.issues.map((i: { path: string }) => i.path).sort();
    };
    expect(await issues("")).toEqual(["from", "to"]);
    expect(await issues("from=2026-03-05&to=2026-03-01")).toEqual(["to"]);
    expect(await issues(`${range}&status=lost`)).toEqual(["status"]);
    expect(await issues(`${range}&workerId=nobody`)).toEqual(["workerId"]);
    expect(await issues(`${range}&locationId=nowhere`)).toEqual(["locationId"]);
  });
});
