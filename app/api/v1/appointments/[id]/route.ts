import { route } from "@/lib/api/handler";
import { changeAppointment } from "@/lib/booking/change";
import { visibleAppointment } from "@/lib/booking/read";
import { toAppointmentJson } from "@/lib/contract";
import { appointmentPatchSchema } from "@/lib/validation/appointments";
import { idParamsSchema } from "@/lib/validation/common";

export const GET = route({ role: "client", params: idParamsSchema }, async ({ caller, params }) =>
  toAppointmentJson(await visibleAppointment(caller, params.id)),
);

// Reschedules (start, end, workerId) under the booking rules, atomically, or sets status/notes.
export const PATCH = route(
  { role: "client", params: idParamsSchema, body: appointmentPatchSchema },
  async ({ caller, params, body }) => changeAppointment(caller, params.id, body, new Date()),
);
