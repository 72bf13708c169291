import { route } from "@/lib/api/handler";
import { toNotificationJson } from "@/lib/contract/notification";
import { appointmentNotifications } from "@/lib/notifications/read";
import { idParamsSchema } from "@/lib/validation/common";

// The appointment's messages: the owner client, the worker's linked user and staff; anyone else's id answers 404.
export const GET = route({ role: "client", params: idParamsSchema }, async ({ caller, params }) => ({
  items: (await appointmentNotifications(caller, params.id)).map(toNotificationJson),
}));
