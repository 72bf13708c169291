import { catalogItem } from "@/lib/api/catalog-routes";
import { toWorkersJson } from "@/lib/catalog/worker-json";
import { deleteWorker, findWorker, updateWorker } from "@/lib/catalog/workers";
import { workerPatchSchema } from "@/lib/validation/catalog";

export const { GET, PATCH, DELETE } = catalogItem({
  what: "Worker",
  patch: workerPatchSchema,
  find: findWorker,
  update: updateWorker,
  // Deletes, or deactivates a worker whom past appointments name; 409 while booked ones lie ahead.
  remove: deleteWorker,
  toJson: toWorkersJson,
});
