import { route } from "@/lib/api/handler";
import { deleteShift } from "@/lib/schedule/delete-shift";
import { updateShift } from "@/lib/schedule/update-shift";
import { idParamsSchema } from "@/lib/validation/common";
import { shiftDeleteQuerySchema, shiftPatchSchema } from "@/lib/validation/schedules";

// Changing or deleting a shift that would leave booked appointments outside every shift of the
// worker answers 409 has_appointments, unless the caller asks to cancel them: `cancelAppointments:
// true` in the PATCH body, `?cancelAppointments=true` on DELETE (a DELETE has no body).

export const PATCH = route(
  { role: "manager", params: idParamsSchema, body: shiftPatchSchema },
  async ({ params, body, caller }) => updateShift(params.id, body, caller.id),
);

export const DELETE = route(
  { role: "manager", params: idParamsSchema, query: shiftDeleteQuerySchema },
  async ({ params, query, caller }) => {
    await deleteShift(params.id, { cancelAppointments: query.cancelAppointments, actorId: caller.id });
    return new Response(null, { status: 204 });
  },
);
