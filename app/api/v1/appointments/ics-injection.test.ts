// Names typed before control characters were refused (or put in with SQL) must not forge events:
// calendar files are read back with ical.js, the way a calendar app reads them.
import { sql } from "drizzle-orm";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import * as ics from "@/app/api/v1/appointments/[id]/ics/route";
import * as feed from "@/app/api/v1/workers/[ref]/calendar.ics/route";
import { getDb } from "@/db/client";
import { appointmentsApi as api, bookingScene } from "@/testing/booking";
import { call } from "@/testing/http";

/** A forged event, with the TEXT specials `;`, `,` and `\` that must come back as typed. */
const forged = (who: string) =>
  `${who}\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:forged-${who}\r\nSUMMARY:Free money; call, now \\o/\r\n` +
  `DTSTART:20300101T000000Z\r\nDTEND:20300101T010000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\nX-${who}:1\r`;
/** TEXT values keep their line breaks, written as `\n` (RFC 5545 3.3.11): CR LF and a lone CR read as LF. */
const asRead = (text: string) => text.replace(/\r\n?/g, "\n");
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// RFC 7986 NAME and the de-facto X-WR-CALNAME are TEXT, as calendar apps read them; ical.js does
// not know them and would hand back the escaped form.
ICAL.design.icalendar.property.name = { defaultType: "text" };
ICAL.design.icalendar.property["x-wr-calname"] = { defaultType: "text" };

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => ({
    uid: vevent.getFirstPropertyValue("uid"),
    summary: vevent.getFirstPropertyValue("summary"),
    location: vevent.getFirstPropertyValue("location"),
    description: vevent.getFirstPropertyValue("description"),
  }));
  return {
    name: calendar.getFirstPropertyValue("name"),
    calname: calendar.getFirstPropertyValue("x-wr-calname"),
    components: calendar.getAllSubcomponents().length,
    events,
  };
}

async function sceneWithForgedNames() {
  const s = await bookingScene();
  const { json: a } = await api.create(s.client.token, s.slot(0));
  const names = {
    worker: forged("worker"),
    service: forged("service"),
    client: forged("client"),
    location: forged("location"),
    notes: forged("notes"),
  };
  const db = await getDb();
  await db.execute(sql`update workers set name = ${names.worker} where id = ${s.worker.id}`);
  await db.execute(sql`update services set name = ${names.service} where id = ${s.service.id}`);
  await db.execute(sql`update clients set name = ${names.client} where id = ${a.client.id}`);
  await db.execute(sql`update locations set name = ${names.location} where id = ${s.location.id}`);
  await db.execute(sql`update appointments set notes = ${names.notes} where id = ${a.id}`);
  return { s, a, names };
}

describe("calendar files escape every text they carry", () => {
  it("the appointment's .ics holds exactly its one event, the names read back as text", async () => {
    const { s, a, names } = await sceneWithForgedNames();
    const res = await call(ics.GET, "GET", `/api/v1/appointments/${a.id}/ics`, {
      token: s.client.token,
      params: { id: a.id },
    });
    expect(res.status).toBe(200);
    expect(parse(res.json)).toEqual({
      name: "Slotwise appointment",
      calname: "Slotwise appointment",
      components: 1,
      events: [
        {
          uid: `${a.id}@slotwise`,
          summary: asRead(`${names.service} · ${names.worker}`),
          location: asRead(names.location),
          // The notes as text, then the business's name and the appointment's page, one a paragraph.
          description: expect.stringMatching(
            new RegExp(
              `^${escapeRegExp(asRead(names.notes).trim())}\n\nSlotwise\n\nhttps?://\\S+/appointments/${a.id}$`,
            ),
          ),
        },
      ],
    });
  });

  it("the worker's feed holds exactly the worker's events, its name read back as text", async () => {
    const { s, a, names } = await sceneWithForgedNames();
    const res = await call(feed.GET, "GET", `/api/v1/workers/${s.worker.slug}/calendar.ics`, {
      token: s.admin.token,
      params: { ref: s.worker.slug },
    });
    expect(res.status).toBe(200);
    const calendarName = asRead(`Slotwise · ${names.worker}`);
    expect(parse(res.json)).toEqual({
      name: calendarName,
      calname: calendarName,
      components: 1,
      events: [
        {
          uid: `${a.id}@slotwise`,
          summary: asRead(`${names.service} · ${names.client}`),
          location: asRead(names.location),
          description: asRead(names.notes),
        },
      ],
    });
  });
});
