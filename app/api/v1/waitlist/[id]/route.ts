import { route } from "@/lib/api/handler";
import { waitlistParamsSchema } from "@/lib/validation/waitlist";
import { leaveWaitlist } from "@/lib/waitlist/entries";

export const DELETE = route({ role: "client", params: waitlistParamsSchema }, async ({ params, caller }) => {
  await leaveWaitlist(caller, params.id, new Date());
  return new Response(null, { status: 204 });
});
