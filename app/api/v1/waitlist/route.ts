import { clientIp } from "@/lib/api/client-ip";
import { route } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { requireRole } from "@/lib/auth/roles";
import { waitlistCreateSchema, waitlistQuerySchema } from "@/lib/validation/waitlist";
import { joinWaitlist, listWaitlist } from "@/lib/waitlist/entries";
import { joinWaitlistAsGuest } from "@/lib/waitlist/guest";

export const GET = route({ role: "client", query: waitlistQuerySchema }, async ({ query, caller }) => ({
  items: await listWaitlist(caller, query),
}));

// Without credentials and with `client`, a guest joins (API.md "Waitlist"), within per-IP and
// per-email budgets; the confirmation mail carries the leave link. Without either: 401 as before.
export const POST = route({ body: waitlistCreateSchema }, async ({ req, body, caller }) => {
  // Credentials that did not resolve (an expired or forged token) are a 401, never a guest's join.
  const credentials =
    req.headers.has("authorization") || req.cookies.getAll().some((c) => c.name.includes("next-auth.session-token"));
  if (!caller && (credentials || !body.client)) requireRole(caller, "client");
  if (!caller) return json(await joinWaitlistAsGuest(body, { ip: clientIp(req.headers), now: new Date() }), 201);
  return json(await joinWaitlist(caller, body, new Date()), 201);
});
