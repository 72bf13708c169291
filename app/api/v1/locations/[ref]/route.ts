import { toLocationJson } from "@/db/queries/catalog-json";
import { deleteLocation, findLocation, updateLocation } from "@/db/queries/locations";
import { requireAcceptedTimeZone } from "@/db/queries/time-zones";
import { catalogItem } from "@/lib/api/catalog-routes";
import { locationPatchSchema } from "@/lib/validation/catalog";

export const { GET, PATCH, DELETE } = catalogItem({
  what: "Location",
  patch: locationPatchSchema,
  find: findLocation,
  // The schema checks the zone as the browser can; whether the database knows it is asked here.
  update: async (ref, patch, actorId) => {
    if (patch.timezone !== undefined) await requireAcceptedTimeZone(patch.timezone);
    return updateLocation(ref, patch, actorId);
  },
  remove: deleteLocation,
  toJson: (rows) => rows.map(toLocationJson),
});
