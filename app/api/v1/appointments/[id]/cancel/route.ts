import { route } from "@/lib/api/handler";
import { cancelAppointment } from "@/lib/booking/change";
import { idParamsSchema } from "@/lib/validation/common";

// The owner client (before it starts) or staff; the interval is free again as this answers.
export const POST = route({ role: "client", params: idParamsSchema }, async ({ caller, params }) =>
  cancelAppointment(caller, params.id, new Date()),
);
