import { catalogItem } from "@/lib/api/catalog-routes";
import { deleteService, findService, updateService } from "@/lib/catalog/services";
import { toServiceJson } from "@/lib/contract";
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
