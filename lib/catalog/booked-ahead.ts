// The refusal to remove a record that booked appointments ahead stand on.
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { bookedAppointmentsAhead } from "@/db/queries/catalog-shared";
import { hasAppointmentsAhead } from "@/lib/errors";
import { formatInstant } from "@/lib/time/zoned";

/** How many booked appointments a 409 lists at most; `details.total` tells how many there are. */
const LISTED = 50;

/**
 * Refuses (409 has_appointments) when booked appointments that have not ended yet reference the
 * record through `column`: removing it would pull it from under those bookings. Each is listed with
 * its instants in the offset of its location.
 */
export async function refuseIfBookedAhead(db: Executor, column: PgColumn, id: string, what: string): Promise<void> {
  const rows = await bookedAppointmentsAhead(db, column, id, LISTED);
  if (rows.length === 0) return;
  const list = rows.map(({ appointment: a, timezone }) => ({
    id: a.id,
    status: a.status,
    start: formatInstant(a.startAt, timezone),
    end: formatInstant(a.endAt, timezone),
    workerId: a.workerId,
    locationId: a.locationId,
    serviceId: a.serviceId,
    clientId: a.clientId,
  }));
  throw hasAppointmentsAhead(what, list, rows[0]?.total);
}
