import { route } from "@/lib/api/handler";
import { requireRole } from "@/lib/auth/roles";
import { presentedManageToken } from "@/lib/booking/manage-token";
import { waitlistParamsSchema } from "@/lib/validation/waitlist";
import { leaveWaitlist } from "@/lib/waitlist/entries";
import { leaveWaitlistByToken } from "@/lib/waitlist/guest";

// The owner or staff; or anyone holding the entry's leave-link token (X-Manage-Token or ?token=).
export const DELETE = route({ params: waitlistParamsSchema }, async ({ req, params, caller }) => {
  const token = presentedManageToken(req.headers, req.nextUrl.searchParams);
  if (token !== null) await leaveWaitlistByToken(token, params.id, new Date());
  else await leaveWaitlist(requireRole(caller, "client"), params.id, new Date());
  return new Response(null, { status: 204 });
});
