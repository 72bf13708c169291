import { toLocationJson } from "@/db/queries/catalog-json";
import { deleteLocation, findLocation, updateLocation } from "@/db/queries/locations";
import { catalogItem } from "@/lib/api/catalog-routes";
import { locationPatchSchema } from "@/lib/validation/catalog";

export const { GET, PATCH, DELETE } = catalogItem({
  what: "Location",
  patch: locationPatchSchema,
  find: findLocation,
  update: updateLocation,
  remove: deleteLocation,
  toJson: (rows) => rows.map(toLocationJson),
});
