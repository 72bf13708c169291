import { toServiceJson } from "@/db/queries/catalog-json";
import { createService, listServices } from "@/db/queries/services";
import { catalogCollection } from "@/lib/api/catalog-routes";
import { serviceCreateSchema, serviceListQuerySchema } from "@/lib/validation/catalog";

export const { GET, POST } = catalogCollection({
  query: serviceListQuerySchema,
  body: serviceCreateSchema,
  // Only managers see retired services; for anyone else `includeInactive` is ignored.
  list: (query, includeInactive) =>
    listServices({ ...query, includeInactive: query.includeInactive && includeInactive }),
  create: createService,
  toJson: (rows) => rows.map(toServiceJson),
});
