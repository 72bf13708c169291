import { catalogCollection } from "@/lib/api/catalog-routes";
import { toWorkersJson } from "@/lib/catalog/worker-json";
import { createWorker, listWorkers } from "@/lib/catalog/workers";
import { workerCreateSchema, workerListQuerySchema } from "@/lib/validation/catalog";

export const { GET, POST } = catalogCollection({
  query: workerListQuerySchema,
  body: workerCreateSchema,
  // Only managers see retired workers; for anyone else `includeInactive` is ignored.
  list: (query, includeInactive) =>
    listWorkers({ ...query, includeInactive: query.includeInactive && includeInactive }),
  create: createWorker,
  toJson: toWorkersJson,
});
