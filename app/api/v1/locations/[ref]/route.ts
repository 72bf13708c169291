import { catalogItem } from "@/lib/api/catalog-routes";
import { deleteLocation, findLocation, updateLocation } from "@/lib/catalog/locations";
import { toLocationJson } from "@/lib/contract";
import { locationPatchSchema } from "@/lib/validation/catalog";

export const { GET, PATCH, DELETE } = catalogItem({
  what: "Location",
  patch: locationPatchSchema,
  find: findLocation,
  // The schema checks the zone as the browser can; whether the database knows it is asked there.
  update: updateLocation,
  remove: deleteLocation,
  toJson: (rows) => rows.map(toLocationJson),
});
