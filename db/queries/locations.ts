import { eq, sql } from "drizzle-orm";
import { locationBusy, locationInUse, sqlState } from "@/lib/errors";
import { formatInstant } from "@/lib/time/zoned";
import type { LocationCreate, LocationListQuery, LocationPatch } from "@/lib/validation/catalog";
import { type Executor, queryRows } from "../client";
import { appointments } from "../schema/appointments";
import { type Location, locations } from "../schema/catalog";
import { shifts, weeklySchedules } from "../schema/schedules";
import { toLocationJson } from "./catalog-json";
import { findByRef, listPage, lockByRef, refuseIfBookedAhead } from "./catalog-shared";
import { catalogTransaction, deleteCatalogRow, insertCatalogRow, updateCatalogRow } from "./catalog-write";

const audited = (actorId: string) => ({ actorId, entity: "location", toJson: toLocationJson });

export const listLocations = (query: LocationListQuery) =>
  listPage(locations, query, query.kind ? eq(locations.kind, query.kind) : undefined);

export const findLocation = (ref: string) => findByRef(locations, ref);

export function createLocation(input: LocationCreate & { timezone: string }, actorId: string): Promise<Location> {
  return catalogTransaction((tx) => insertCatalogRow(tx, locations, input, audited(actorId)));
}

const CONFLICTS_LISTED = 50;

/** Shifts at the location that overlap another shift there: what a workplace may not hold. */
async function overlappingShifts(db: Executor, location: Location) {
  const rows = await queryRows<{ id: string; worker_id: string; start_at: string; end_at: string }>(
    db,
    sql`select s.id, s.worker_id, s.start_at, s.end_at from ${shifts} s
        where s.location_id = ${location.id} and exists (
          select 1 from ${shifts} o where o.location_id = s.location_id and o.id <> s.id and o.during && s.during)
        order by s.start_at, s.id
        limit ${CONFLICTS_LISTED}`,
  );
  return rows.map((r) => ({
    id: r.id,
    workerId: r.worker_id,
    locationId: location.id,
    start: formatInstant(new Date(r.start_at), location.timezone),
    end: formatInstant(new Date(r.end_at), location.timezone),
  }));
}

/**
 * Changes the fields given; undefined when `ref` names no location. Making a room a workplace is
 * refused (409 location_busy) while shifts there overlap: the database would refuse it anyway, since
 * the shifts' copy of the kind follows through a cascading foreign key into an exclusion constraint.
 */
export async function updateLocation(ref: string, patch: LocationPatch, actorId: string) {
  try {
    return await catalogTransaction(async (tx) => {
      const before = await lockByRef(tx, locations, ref, "no key update");
      if (!before) return undefined;
      if (patch.kind === "workplace" && before.kind !== "workplace") {
        const conflicts = await overlappingShifts(tx, before);
        if (conflicts.length > 0) throw locationBusy(conflicts);
      }
      return updateCatalogRow(tx, locations, before, patch, audited(actorId));
    });
  } catch (err) {
    // A shift written between the check and the update still ends here, as the same answer.
    if (sqlState(err) === "23P01") throw locationBusy([]);
    throw err;
  }
}

/**
 * Deletes a location nothing refers to but its workers' home (which the foreign key clears). Past
 * appointments, shifts and weekly schedules keep it (their foreign keys restrict), and booked
 * appointments ahead are listed: 409 has_appointments either way, never a failed delete.
 */
export async function deleteLocation(ref: string, actorId: string): Promise<boolean> {
  try {
    return await catalogTransaction(async (tx) => {
      const before = await lockByRef(tx, locations, ref, "update");
      if (!before) return false;
      await refuseIfBookedAhead(tx, appointments.locationId, before.id, "location");
      const [uses] = await queryRows<{ appointments: number; shifts: number; weekly_schedules: number }>(
        tx,
        sql`select
              (select count(*)::int from ${appointments} where location_id = ${before.id}) as appointments,
              (select count(*)::int from ${shifts} where location_id = ${before.id}) as shifts,
              (select count(*)::int from ${weeklySchedules} where location_id = ${before.id}) as weekly_schedules`,
      );
      if (uses && (uses.appointments || uses.shifts || uses.weekly_schedules)) {
        throw locationInUse({
          appointments: [],
          appointmentsOnRecord: uses.appointments,
          shifts: uses.shifts,
          weeklySchedules: uses.weekly_schedules,
        });
      }
      await deleteCatalogRow(tx, locations, before, audited(actorId));
      return true;
    });
  } catch (err) {
    if (sqlState(err) === "23503") throw locationInUse({ appointments: [] });
    throw err;
  }
}
