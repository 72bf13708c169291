import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { itemsOf, waitlistEntrySchema } from "@/lib/contract";
import { waitlistCreateSchema, waitlistParamsSchema, waitlistQuerySchema } from "@/lib/validation/waitlist";
import { describeEndpoint } from "../operation";

const MATCH =
  "When a booked appointment of a worker is cancelled or moved away, the active entries whose window overlaps the " +
  "freed interval (for that worker, or for any worker of a service the worker performs) and whose service still has " +
  "a bookable slot there (the slots rules, the minimum notice included) are emailed, in order of joining, with a " +
  "link to book that day; nobody is held a place: the first to book gets it. An entry is emailed at most once per " +
  "freed interval, and again when another interval frees up. Booking a fitting appointment marks the entry booked.";

const GUEST =
  'Without credentials, a guest joins (API.md "Waitlist"): `client: { name, email, phone? }` is required (the ' +
  "email case-insensitively; without `client`, an anonymous call is 401 as before), with the same checks and " +
  "refusals as a client's join, under the guest client record of that email (the one guest bookings use, never a " +
  "desk record or a registered user's). Guest joins are limited per IP and per email address (429 rate_limited " +
  "with Retry-After; RATE_LIMIT_GUEST_WAITLIST_PER_IP_HOUR, default 20, RATE_LIMIT_GUEST_WAITLIST_PER_EMAIL_HOUR, " +
  "default 5). The guest is emailed a confirmation with a leave link, `/waitlist/{id}/leave#token=…` (32 random " +
  "bytes, base64url; only its SHA-256 is stored); each free-up message to a guest carries a fresh one. Signed in, " +
  "`client` is refused with 400 validation_failed (a client joins as themselves; staff name `clientId`). " +
  "Credentials that do not resolve (an expired token) answer 401, never a guest's join.";

const LEAVE =
  "With a leave-link token (from a guest's waitlist mails) no sign-in is needed: send it in the `X-Manage-Token` " +
  "header (preferred: it stays out of URLs and logs) or as `?token=`. It takes only the entry it was issued for " +
  "off the list, while that entry is active (waiting or notified); an unknown token, another entry's, or one whose " +
  "entry is booked or removed answers 400 invalid_token.";

const leaveTokenHeaders = z.object({
  "X-Manage-Token": z.string().optional().describe("The leave-link token (preferred over `?token=`)."),
});
const leaveTokenQuery = z.object({
  token: z.string().optional().describe("The leave-link token; the X-Manage-Token header is preferred."),
});

export function registerWaitlist(registry: OpenAPIRegistry) {
  const tag = "Waitlist";
  describeEndpoint(registry, {
    method: "post",
    path: "/waitlist",
    tag,
    summary: "Join the waitlist for a day",
    description:
      "Puts the caller's client record (staff: `clientId`'s) on the list for the worker (or any worker who performs " +
      "the service) on `date`, read in the worker's time zone (the business's default for any worker), optionally " +
      "between `from` and `to`. The day may still have free time. An unknown or inactive worker or service is 404; a " +
      "service the worker does not perform is 400; a day (or window) already over is 409 not_available `in_past`, a " +
      "day past the worker's booking horizon (366 days for any worker) `beyond_horizon`. Joining again for the same " +
      "service, worker-or-any and day while the first entry is active answers 409 already_exists with that entry's " +
      `id in \`details.id\`. ${MATCH} Audited.\n\n${GUEST}`,
    access: "anyone",
    body: waitlistCreateSchema,
    ok: { status: 201, description: "The new entry.", schema: waitlistEntrySchema },
    errors: ["not_found", "not_available", "already_exists", "unauthenticated", "account_blocked"],
  });
  describeEndpoint(registry, {
    method: "get",
    path: "/waitlist",
    tag,
    summary: "List waitlist entries",
    description:
      "A client sees their own entries; admin and manager everyone's. By day, then in order of joining; by default " +
      "only the active ones (waiting and notified). Unknown `workerId` or `serviceId` refs match nothing.",
    access: "client",
    query: waitlistQuerySchema,
    ok: { status: 200, description: "A page of entries.", schema: itemsOf(waitlistEntrySchema) },
  });
  describeEndpoint(registry, {
    method: "delete",
    path: "/waitlist/{id}",
    tag,
    summary: "Leave the waitlist",
    description:
      "The owner client, or admin and manager, take an entry off the list (status `removed`); an entry already " +
      "booked or removed stays as it is (still 204). Someone else's entry, or an unknown id, is 404. Audited.\n\n" +
      LEAVE,
    access: "client",
    params: waitlistParamsSchema,
    query: leaveTokenQuery,
    headers: leaveTokenHeaders,
    ok: { status: 204, description: "Off the list." },
    errors: ["not_found", "invalid_token"],
  });
}
