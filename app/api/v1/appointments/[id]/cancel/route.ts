import { route } from "@/lib/api/handler";
import { requireRole } from "@/lib/auth/roles";
import { cancelAppointment } from "@/lib/booking/change";
import { cancelByToken } from "@/lib/booking/guest-manage";
import { presentedManageToken } from "@/lib/booking/manage-token";
import { idParamsSchema } from "@/lib/validation/common";

// The owner client (before it starts), a guest with the manage-link token (X-Manage-Token header, or
// ?token=), or staff; the interval is free again as this answers.
export const POST = route({ params: idParamsSchema }, async ({ req, caller, params }) => {
  const token = presentedManageToken(req.headers, req.nextUrl.searchParams);
  if (token !== null) return cancelByToken(token, params.id, new Date());
  return cancelAppointment(requireRole(caller, "client"), params.id, new Date());
});
