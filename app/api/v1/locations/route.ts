import { catalogCollection } from "@/lib/api/catalog-routes";
import { createLocation, listLocations } from "@/lib/catalog/locations";
import { toLocationJson } from "@/lib/contract";
import { locationCreateSchema, locationListQuerySchema } from "@/lib/validation/catalog";

export const { GET, POST } = catalogCollection({
  query: locationListQuerySchema,
  body: locationCreateSchema,
  list: listLocations,
  // A location without a zone gets the business's default; the database must know the zone too.
  create: createLocation,
  toJson: (rows) => rows.map(toLocationJson),
});
