// API.md v1 extensions "Waitlist": an entry of a client waiting for time on one day.
import { z } from "zod";
import type { WaitlistRow } from "@/db/queries/waitlist";
import { WAITLIST_STATUSES } from "@/db/schema/waitlist";
import { formatInstant } from "@/lib/time/zoned";
import { brief, day, instant } from "./common";

export const waitlistEntrySchema = z
  .object({
    id: z.uuid(),
    status: z
      .enum(WAITLIST_STATUSES)
      .describe(
        "waiting; notified (emailed about a freed time, still on the list); booked (the client booked a fitting time); removed.",
      ),
    date: day,
    from: z.string().nullable().describe("Earliest start wanted, local HH:MM; null: the start of the day."),
    to: z.string().nullable().describe("Latest end wanted, local HH:MM; null: the end of the day."),
    timezone: z.string().describe("The zone `date`, `from` and `to` are read in."),
    start: instant.describe("The window's first instant."),
    end: instant.describe("The window's end (exclusive)."),
    worker: brief.nullable().describe("null: any worker who performs the service."),
    service: brief,
    client: z.object({ id: z.uuid(), name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
    createdAt: instant,
    notifiedAt: instant.nullable(),
    bookedAt: instant.nullable(),
    appointmentId: z.uuid().nullable().describe("The appointment that served the entry, once booked."),
  })
  .meta({ id: "WaitlistEntry" });
export type WaitlistEntryJson = z.infer<typeof waitlistEntrySchema>;

export function toWaitlistEntryJson(row: WaitlistRow): WaitlistEntryJson {
  const { entry, client } = row;
  const tz = entry.timeZone;
  const at = (d: Date | null) => (d ? formatInstant(d, tz) : null);
  return {
    id: entry.id,
    status: entry.status,
    date: entry.date,
    from: entry.fromTime,
    to: entry.toTime,
    timezone: tz,
    start: formatInstant(entry.windowStart, tz),
    end: formatInstant(entry.windowEnd, tz),
    worker: row.worker,
    service: row.service,
    client: { id: client.id, name: client.name, phone: client.phone, email: client.email },
    createdAt: formatInstant(entry.createdAt, tz),
    notifiedAt: at(entry.notifiedAt),
    bookedAt: at(entry.bookedAt),
    appointmentId: entry.bookedAppointmentId,
  };
}
