// Calendar files, read back with ical.js the way a calendar app would read them.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import * as ics from "@/app/api/v1/appointments/[id]/ics/route";
import * as feed from "@/app/api/v1/workers/[ref]/calendar.ics/route";
import * as token from "@/app/api/v1/workers/[ref]/calendar-token/route";
import { appointmentsApi as api, bookingScene } from "@/testing/booking";
import { call } from "@/testing/http";

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    const start = vevent.getFirstPropertyValue("dtstart") as ICAL.Time;
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      utc: start.zone?.tzid === "UTC",
      status: vevent.getFirstPropertyValue("status"),
      summary: event.summary,
    };
  });
}

const appointmentIcs = (tok: string, id: string) =>
  call(ics.GET, "GET", `/api/v1/appointments/${id}/ics`, { token: tok, params: { id } });
const workerFeed = (ref: string, query: string, tok?: string) =>
  call(feed.GET, "GET", `/api/v1/workers/${ref}/calendar.ics?${query}`, { token: tok, params: { ref } });

describe("GET /appointments/{id}/ics", () => {
  it("is one event in UTC whose UID stays the same when the appointment is cancelled", async () => {
    const s = await bookingScene();
    const { json: a } = await api.create(s.client.token, s.slot(0));
    const res = await appointmentIcs(s.client.token, a.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(res.json).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    const [event, ...rest] = events(res.json);
    expect(rest).toEqual([]);
    expect(event).toEqual({
      uid: `${a.id}@slotwise`,
      start: new Date(a.start).toISOString(),
      end: new Date(a.end).toISOString(),
      utc: true,
      status: "CONFIRMED",
      summary: `${s.service.name} · ${s.worker.name}`,
    });
    await api.cancel(s.client.token, a.id);
    const [cancelled] = events((await appointmentIcs(s.client.token, a.id)).json);
    expect(cancelled).toMatchObject({ uid: `${a.id}@slotwise`, status: "CANCELLED" });
  });
});

describe("GET /workers/{ref}/calendar.ics", () => {
  it("serves the worker's appointments to staff, cancelled ones marked CANCELLED", async () => {
    const s = await bookingScene();
    const kept = await api.create(s.client.token, s.slot(0));
    const dropped = await api.create(s.otherClient.token, s.slot(60));
    await api.cancel(s.admin.token, dropped.json.id);
    const res = await workerFeed(s.worker.slug, "", s.admin.token);
    expect(res.status).toBe(200);
    const byUid = new Map(events(res.json).map((e) => [e.uid, e]));
    expect(byUid.size).toBe(2);
    expect(byUid.get(`${kept.json.id}@slotwise`)).toMatchObject({
      status: "CONFIRMED",
      summary: `${s.service.name} · Client One`,
      utc: true,
    });
    expect(byUid.get(`${dropped.json.id}@slotwise`)?.status).toBe("CANCELLED");
  });

  it("serves a calendar app holding the feed token, until the token is rotated", async () => {
    const s = await bookingScene();
    await api.create(s.client.token, s.slot(0));
    const ref = { ref: s.worker.id };
    const issued = await call(token.GET, "GET", "/x", { token: s.admin.token, params: ref });
    expect(issued.json.path).toBe(`/api/v1/workers/${s.worker.slug}/calendar.ics?token=${issued.json.token}`);
    const subscribed = await workerFeed(s.worker.slug, `token=${issued.json.token}`);
    expect(subscribed.status).toBe(200);
    expect(events(subscribed.json)).toHaveLength(1);
    // Fetching again gives the same UIDs, so the calendar app updates rather than duplicates.
    expect(events((await workerFeed(s.worker.slug, `token=${issued.json.token}`)).json)).toEqual(
      events(subscribed.json),
    );
    expect((await workerFeed(s.worker.slug, "token=guessed")).status).toBe(404);
    expect((await workerFeed(s.worker.slug, "")).status).toBe(401);

    const rotated = await call(token.POST, "POST", "/x", { token: s.manager.token, params: ref });
    expect(rotated.json.token).not.toBe(issued.json.token);
    expect((await workerFeed(s.worker.slug, `token=${issued.json.token}`)).status).toBe(404);
    expect((await workerFeed(s.worker.slug, `token=${rotated.json.token}`)).status).toBe(200);
  });
});
