// Location rows: the list, the shifts that would stop a room becoming a workplace, and what still
// refers to a location.
import { eq, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client";
import { appointments } from "../schema/appointments";
import { type Location, locations } from "../schema/catalog";
import { shifts, weeklySchedules } from "../schema/schedules";
import { listPage, type Page } from "./catalog-shared";

/** A page of locations, of one kind when `kind` is given. */
export const listLocations = (db: Executor, query: Page & { kind?: Location["kind"] }) =>
  listPage(db, locations, query, query.kind ? eq(locations.kind, query.kind) : undefined);

export type OverlappingShift = { id: string; workerId: string; startAt: Date; endAt: Date };

/** Shifts at the location that overlap another shift there (at most `limit`, by start). */
export async function overlappingShiftsAt(
  db: Executor,
  locationId: string,
  limit: number,
): Promise<OverlappingShift[]> {
  const rows = await queryRows<{ id: string; worker_id: string; start_at: string; end_at: string }>(
    db,
    sql`select s.id, s.worker_id, s.start_at, s.end_at from ${shifts} s
        where s.location_id = ${locationId} and exists (
          select 1 from ${shifts} o where o.location_id = s.location_id and o.id <> s.id and o.during && s.during)
        order by s.start_at, s.id
        limit ${limit}`,
  );
  return rows.map((r) => ({
    id: r.id,
    workerId: r.worker_id,
    startAt: new Date(r.start_at),
    endAt: new Date(r.end_at),
  }));
}

export type LocationUses = { appointments: number; shifts: number; weeklySchedules: number };

/** How many appointments (of any status and time), shifts and weekly schedules name the location. */
export async function locationUses(db: Executor, locationId: string): Promise<LocationUses | undefined> {
  const [uses] = await queryRows<{ appointments: number; shifts: number; weekly_schedules: number }>(
    db,
    sql`select
          (select count(*)::int from ${appointments} where location_id = ${locationId}) as appointments,
          (select count(*)::int from ${shifts} where location_id = ${locationId}) as shifts,
          (select count(*)::int from ${weeklySchedules} where location_id = ${locationId}) as weekly_schedules`,
  );
  return uses && { appointments: uses.appointments, shifts: uses.shifts, weeklySchedules: uses.weekly_schedules };
}
