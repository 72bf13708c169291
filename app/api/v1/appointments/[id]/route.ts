import { route } from "@/lib/api/handler";
import { requireRole } from "@/lib/auth/roles";
import { changeAppointment } from "@/lib/booking/change";
import { readByToken, rescheduleByToken } from "@/lib/booking/guest-manage";
import { presentedManageToken } from "@/lib/booking/manage-token";
import { visibleAppointment } from "@/lib/booking/read";
import { toAppointmentJson } from "@/lib/contract";
import { appointmentPatchSchema } from "@/lib/validation/appointments";
import { idParamsSchema } from "@/lib/validation/common";

// A manage-link token (X-Manage-Token header, or ?token=) opens that one appointment to a guest;
// otherwise the caller's own role decides.
export const GET = route({ params: idParamsSchema }, async ({ req, caller, params }) => {
  const token = presentedManageToken(req.headers, req.nextUrl.searchParams);
  if (token !== null) return readByToken(token, params.id, new Date());
  return toAppointmentJson(await visibleAppointment(requireRole(caller, "client"), params.id));
});

// Reschedules (start, end, workerId) under the booking rules, atomically, or sets status/notes.
export const PATCH = route(
  { params: idParamsSchema, body: appointmentPatchSchema },
  async ({ req, caller, params, body }) => {
    const token = presentedManageToken(req.headers, req.nextUrl.searchParams);
    if (token !== null) return rescheduleByToken(token, params.id, body, new Date());
    return changeAppointment(requireRole(caller, "client"), params.id, body, new Date());
  },
);
