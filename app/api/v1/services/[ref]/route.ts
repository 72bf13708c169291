import { toServiceJson } from "@/db/queries/catalog-json";
import { deleteService, findService, updateService } from "@/db/queries/services";
import { catalogItem } from "@/lib/api/catalog-routes";
import { servicePatchSchema } from "@/lib/validation/catalog";

export const { GET, PATCH, DELETE } = catalogItem({
  what: "Service",
  patch: servicePatchSchema,
  find: findService,
  update: updateService,
  // Deletes, or deactivates a service that past appointments name; 409 while booked ones lie ahead.
  remove: deleteService,
  toJson: (rows) => rows.map(toServiceJson),
});
