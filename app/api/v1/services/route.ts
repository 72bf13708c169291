import { catalogCollection } from "@/lib/api/catalog-routes";
import { createService, listServices } from "@/lib/catalog/services";
import { toServiceJson } from "@/lib/contract";
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
