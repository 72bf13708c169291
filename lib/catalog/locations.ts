// Locations (API.md "Catalog"): workplaces and rooms.
import { getDb } from "@/db/client";
import { findByRef, lockByRef } from "@/db/queries/catalog-shared";
import { listLocations as listLocationRows, locationUses, overlappingShiftsAt } from "@/db/queries/locations";
import { appointments } from "@/db/schema/appointments";
import { type Location, locations } from "@/db/schema/catalog";
import { defaultTimeZone } from "@/lib/business/profile";
import { toLocationJson } from "@/lib/contract/location";
import { locationBusy, locationInUse, sqlState } from "@/lib/errors";
import { formatInstant } from "@/lib/time/zoned";
import type { LocationCreate, LocationListQuery, LocationPatch } from "@/lib/validation/catalog";
import { deleteAudited, insertAudited, updateAudited } from "./audited-writes";
import { refuseIfBookedAhead } from "./booked-ahead";
import { requireAcceptedTimeZone } from "./time-zones";
import { catalogTransaction } from "./transaction";

const audited = (actorId: string) => ({ actorId, entity: "location", toJson: toLocationJson });

export const listLocations = async (query: LocationListQuery) => listLocationRows(await getDb(), query);

export const findLocation = (ref: string) => findByRef(locations, ref);

/**
 * Creates a location in the zone given, else the business's default. The schema checks the zone as
 * the browser can; whether the database knows it is asked here.
 */
export async function createLocation(input: LocationCreate, actorId: string): Promise<Location> {
  const timezone = input.timezone ?? (await defaultTimeZone());
  await requireAcceptedTimeZone(timezone);
  return catalogTransaction((tx) => insertAudited(tx, locations, { ...input, timezone }, audited(actorId)));
}

const CONFLICTS_LISTED = 50;

/**
 * Changes the fields given; undefined when `ref` names no location. A new zone must be one the
 * database knows too. Making a room a workplace is refused (409 location_busy) while shifts there
 * overlap: the database would refuse it anyway, since the shifts' copy of the kind follows through a
 * cascading foreign key into an exclusion constraint.
 */
export async function updateLocation(ref: string, patch: LocationPatch, actorId: string) {
  if (patch.timezone !== undefined) await requireAcceptedTimeZone(patch.timezone);
  try {
    return await catalogTransaction(async (tx) => {
      const before = await lockByRef(tx, locations, ref, "no key update");
      if (!before) return undefined;
      if (patch.kind === "workplace" && before.kind !== "workplace") {
        const overlapping = await overlappingShiftsAt(tx, before.id, CONFLICTS_LISTED);
        if (overlapping.length > 0) {
          throw locationBusy(
            overlapping.map((s) => ({
              id: s.id,
              workerId: s.workerId,
              locationId: before.id,
              start: formatInstant(s.startAt, before.timezone),
              end: formatInstant(s.endAt, before.timezone),
            })),
          );
        }
      }
      return updateAudited(tx, locations, before, patch, audited(actorId));
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
      const uses = await locationUses(tx, before.id);
      if (uses && (uses.appointments || uses.shifts || uses.weeklySchedules)) {
        throw locationInUse({
          appointments: [],
          appointmentsOnRecord: uses.appointments,
          shifts: uses.shifts,
          weeklySchedules: uses.weeklySchedules,
        });
      }
      await deleteAudited(tx, locations, before, audited(actorId));
      return true;
    });
  } catch (err) {
    if (sqlState(err) === "23503") throw locationInUse({ appointments: [] });
    throw err;
  }
}
