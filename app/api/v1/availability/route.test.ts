// GET /api/v1/availability against a real database, with the clock fixed at Monday 2026-03-02 10:07
// in Moscow (only Date is faked).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { type Location, type Service, type Specialty, type Worker, workers } from "@/db/schema";
import { zonedDateTimeToInstant } from "@/lib/time/zoned";
import { fixClock } from "@/testing/clock";
import {
  everyCaller,
  makeAppointment,
  makeLocation,
  makeService,
  makeShift,
  makeSpecialty,
  makeWorker,
} from "@/testing/fixtures";
import { call } from "@/testing/http";
import { GET } from "./route";

const NOW = new Date("2026-03-02T07:07:00Z");
const DAY = "2026-03-03";

fixClock(NOW);

const availability = (query: string, token?: string) => call(GET, "GET", `/api/v1/availability?${query}`, { token });
type Item = { worker: { slug: string }; timezone: string; slots: { start: string; end: string }[] };
const summary = (items: Item[]) =>
  Object.fromEntries(items.map((i) => [i.worker.slug, i.slots.map((s) => s.start.slice(11, 16))]));

describe("GET /availability", () => {
  let moscow: Location;
  let berlin: Location;
  let service: Service;
  let barber: Specialty;
  let dentist: Specialty;
  let anna: Worker;
  let boris: Worker;
  let vera: Worker;

  beforeAll(async () => {
    moscow = await makeLocation({ timezone: "Europe/Moscow" });
    berlin = await makeLocation({ timezone: "Europe/Berlin" });
    service = await makeService({ durationMinutes: 60 });
    const otherService = await makeService();
    [barber, dentist] = [await makeSpecialty(), await makeSpecialty()];
    const worker = (name: string, values: Partial<Worker>, services = [service.id]) =>
      makeWorker({ name, slug: name.toLowerCase(), ...values }, services);
    anna = await worker("Anna", { specialtyId: barber.id, locationId: moscow.id });
    boris = await worker("Boris", { specialtyId: dentist.id, locationId: berlin.id });
    vera = await worker("Vera", { specialtyId: barber.id, locationId: moscow.id });
    await worker("Dmitry", { specialtyId: barber.id, locationId: moscow.id, active: false });
    await worker("Elena", { specialtyId: barber.id, locationId: moscow.id }, [otherService.id]);
    const shift = (w: Worker, at: Location, from: string, to: string) =>
      makeShift({
        workerId: w.id,
        locationId: at.id,
        startAt: zonedDateTimeToInstant(DAY, from, at.timezone),
        endAt: zonedDateTimeToInstant(DAY, to, at.timezone),
      });
    await shift(anna, moscow, "09:00", "12:00");
    // Anna also works an afternoon in Berlin, where Boris has the morning.
    await shift(anna, berlin, "15:00", "17:00");
    await shift(boris, berlin, "09:00", "11:00");
    await makeAppointment({
      workerId: anna.id,
      locationId: moscow.id,
      startAt: zonedDateTimeToInstant(DAY, "10:00", "Europe/Moscow"),
      endAt: zonedDateTimeToInstant(DAY, "11:00", "Europe/Moscow"),
    });
  });

  it("lists every active worker performing the service, by name, with slots in their own zone", async () => {
    for (const token of await everyCaller()) {
      const res = await availability(`service=${service.slug}&date=${DAY}`, token);
      expect(res.status).toBe(200);
      // Anna's Berlin afternoon counts too; Vera has no shift that day and is listed with no slots.
      expect(summary(res.json.items)).toEqual({
        anna: ["09:00", "11:00", "17:00", "18:00"],
        boris: ["09:00", "10:00"],
        vera: [],
      });
      expect(res.json.items.map((i: Item) => i.worker.slug)).toEqual(["anna", "boris", "vera"]);
      expect(res.json.items.map((i: Item) => i.timezone)).toEqual(["Europe/Moscow", "Europe/Berlin", "Europe/Moscow"]);
    }
  });

  it("describes each worker as the catalog does", async () => {
    const res = await availability(`service=${service.id}&date=${DAY}`);
    const [first] = res.json.items;
    expect(first.worker).toMatchObject({
      id: anna.id,
      slug: "anna",
      active: true,
      specialty: { id: barber.id, slug: barber.slug, name: barber.name },
      location: { id: moscow.id, timezone: "Europe/Moscow", kind: "workplace" },
      services: [{ id: service.id, durationMinutes: 60 }],
    });
    expect(first.slots[0]).toEqual({ start: `${DAY}T09:00:00+03:00`, end: `${DAY}T10:00:00+03:00` });
  });

  it("filters by specialty", async () => {
    const res = await availability(`service=${service.slug}&date=${DAY}&specialty=${dentist.slug}`);
    expect(summary(res.json.items)).toEqual({ boris: ["09:00", "10:00"] });
  });

  it("filters by location: workers at home there or with a shift there, with the shifts there only", async () => {
    const res = await availability(`service=${service.slug}&date=${DAY}&location=${berlin.slug}`);
    expect(summary(res.json.items)).toEqual({ anna: ["15:00", "16:00"], boris: ["09:00", "10:00"] });
    expect(res.json.items[0].timezone).toBe("Europe/Berlin");
    const home = await availability(`service=${service.slug}&date=${DAY}&location=${moscow.id}&specialty=${barber.id}`);
    expect(summary(home.json.items)).toEqual({ anna: ["09:00", "11:00"], vera: [] });
  });

  it("pages with limit and offset", async () => {
    const res = await availability(`service=${service.slug}&date=${DAY}&limit=1&offset=1`);
    expect(res.json.items.map((i: Item) => i.worker.slug)).toEqual(["boris"]);
  });

  it("defaults to today and leaves the past out", async () => {
    await makeShift({
      workerId: vera.id,
      locationId: moscow.id,
      startAt: zonedDateTimeToInstant("2026-03-02", "09:00", "Europe/Moscow"),
      endAt: zonedDateTimeToInstant("2026-03-02", "13:00", "Europe/Moscow"),
    });
    const res = await availability(`service=${service.slug}&empty=&date=`);
    expect(res.status).toBe(200);
    expect(summary(res.json.items).vera).toEqual(["11:00", "12:00"]);
  });

  it("answers 404 for unknown service, specialty or location refs, and for an inactive service", async () => {
    const inactive = await makeService({ active: false });
    for (const query of [
      "service=nope",
      `service=${inactive.slug}`,
      `service=${service.slug}&specialty=nope`,
      `service=${service.slug}&location=${crypto.randomUUID()}`,
    ]) {
      const res = await availability(`${query}&date=${DAY}`);
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
  });

  it("answers 400 for a missing service, a bad date or a bad page", async () => {
    for (const [query, path] of [
      [`date=${DAY}`, "service"],
      [`service=${service.slug}&date=2026-13-01`, "date"],
      [`service=${service.slug}&limit=500`, "limit"],
    ]) {
      const res = await availability(query as string);
      expect(res.status).toBe(400);
      expect(res.json.error.details.issues.map((i: { path: string }) => i.path)).toEqual([path]);
    }
  });

  it("answers with the catalog and bookings as they are now, after any earlier answer", async () => {
    const massage = await makeService({ durationMinutes: 60 });
    const spa = await makeLocation({ timezone: "Europe/Moscow" });
    const galina = await makeWorker({ name: "Galina", slug: "galina", locationId: spa.id }, [massage.id]);
    const at = (time: string) => zonedDateTimeToInstant(DAY, time, "Europe/Moscow");
    await makeShift({ workerId: galina.id, locationId: spa.id, startAt: at("09:00"), endAt: at("11:00") });
    const query = `service=${massage.slug}&date=${DAY}`;
    const before = await availability(query);
    expect(summary(before.json.items)).toEqual({ galina: ["09:00", "10:00"] });

    const db = await getDb();
    await db.update(workers).set({ name: "Galina R.", slug: "galina-r" }).where(eq(workers.id, galina.id));
    await makeWorker({ name: "Hanna", slug: "hanna", locationId: berlin.id }, [massage.id]);
    await makeAppointment({ workerId: galina.id, locationId: spa.id, startAt: at("09:00"), endAt: at("10:00") });
    const after = await availability(query);
    expect(after.json.items.map((i: Item & { worker: { name: string } }) => i.worker.name)).toEqual([
      "Galina R.",
      "Hanna",
    ]);
    expect(summary(after.json.items)).toEqual({ "galina-r": ["10:00"], hanna: [] });
  });
});
