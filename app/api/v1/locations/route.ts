import { toLocationJson } from "@/db/queries/catalog-json";
import { createLocation, listLocations } from "@/db/queries/locations";
import { catalogCollection } from "@/lib/api/catalog-routes";
import { locationCreateSchema, locationListQuerySchema } from "@/lib/validation/catalog";

export const { GET, POST } = catalogCollection({
  query: locationListQuerySchema,
  body: locationCreateSchema,
  list: listLocations,
  create: createLocation,
  toJson: (rows) => rows.map(toLocationJson),
});
