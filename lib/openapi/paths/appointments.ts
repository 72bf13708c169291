import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ROOM_HORIZON_DAYS } from "@/lib/booking/rules";
import { appointmentSchema, itemsOf } from "@/lib/contract";
import {
  appointmentCreateSchema,
  appointmentListQuerySchema,
  appointmentPatchSchema,
  idempotencyKeySchema,
} from "@/lib/validation/appointments";
import { idParamsSchema } from "@/lib/validation/common";
import { describeEndpoint } from "../operation";

const OWN =
  "A client reaches only their own appointments; anyone else's id answers 404, exactly like a missing one. A " +
  "worker (role `worker`) also reaches the appointments of the worker record their account is linked to.";
const REFUSALS =
  "An interval someone else holds answers 409 slot_taken (`details.conflict`: `worker` or `location`); one " +
  "that is not bookable answers 409 not_available with `details.reason`: `outside_schedule`, `time_off`, " +
  "`in_past`, `beyond_horizon`, `off_grid`, or `not_booked` for an appointment that is cancelled, completed or " +
  "a no-show. `off_grid`: a client's start (new or moved) must be one that GET /workers/{ref}/slots offers for " +
  "that worker and service on that local day (a step of the slot grid from the shift's start, or the free time " +
  "right after a busy interval); staff book any minute, and rooms, which have no shifts, take any start. " +
  "A client who already has a booked appointment overlapping the interval answers 409 client_busy, whoever " +
  "books (the database refuses it), unless the business's `policy.allowClientOverlap` was on when the other " +
  "appointment and this one were booked; `details.appointments` lists those appointments: `{ id }` only for " +
  "staff, `{ id, start, end }` for the client, whose own they are. A refusal changes nothing. " +
  "Service buffers (Service `bufferBeforeMinutes`, `bufferAfterMinutes`): the worker and the location are held " +
  "from start - before to end + after (the appointment's own `start`/`end` stay the client's time), and that " +
  "held interval must lie inside the worker's shifts (both buffers: preparing and cleaning are shift time) and " +
  "clear of time off (else 409 not_available with `details.buffer: true`) and must not overlap another booked " +
  "appointment's held interval, touching allowed (the database refuses it: 409 slot_taken with " +
  "`details.buffer: true` when the client's own interval alone would be free). Staff book into buffers on " +
  "purpose with `overrideBuffers: true` (a client's answers 403 forbidden): the appointment holds its own " +
  "interval only, a neighbour's buffer it cuts into is shortened to meet it, and the audit row carries " +
  "`bufferOverride` (`trimmed`: those neighbours with their new held interval). A staff move without " +
  "`overrideBuffers` holds the service's buffers of now again.";
const POLICY =
  "The business policy (GET /business `policy`) binds clients: a start sooner than now + `minNoticeMinutes` " +
  "answers 409 not_available `min_notice` (`details.minNoticeMinutes`; a start exactly that far ahead is " +
  "fine). Staff may book and change past the policy; the audit row's `after` then lists the rules gone past " +
  "in `policyOverride` (`min_notice`, `max_upcoming`, `reschedule_cutoff`, `cancel_cutoff`).";

const ANY =
  '`workerId: "any"` (with `serviceId`, optionally `locationId`) lets the server pick the worker: of the active ' +
  "workers who perform the service (at that location, if given) and are free for the interval by the same rules " +
  "as booking them by id (shifts, time off, booked appointments; for a client also the horizon and the slot " +
  "grid), the one with the fewest booked minutes on that local day (in the location's zone), ties by id. A worker " +
  "taken meanwhile passes the booking to the next one within the same request. No one free answers 409 " +
  "no_worker_free, as does a service no worker performs; a start in the past answers 409 not_available `in_past`. " +
  "The answer names the chosen worker; an Idempotency-Key replays it as for any booking.";

const GUEST =
  'Without credentials, a guest books (API.md "Anonymous booking"): `client: { name, email, phone? }` is ' +
  "required (the email case-insensitively), and the guest is a client for every rule above (notice, slot grid, " +
  "horizon, `maxUpcomingPerClient` counted per guest email, client overlap). A guest's bookings with one email " +
  "share one guest client record, never a desk record or a registered user's (the email is not verified). " +
  "Guest bookings are limited per IP and per email address (429 rate_limited with Retry-After; " +
  "RATE_LIMIT_GUEST_BOOKING_PER_IP_HOUR, default 20, RATE_LIMIT_GUEST_BOOKING_PER_EMAIL_HOUR, default 5). The " +
  "confirmation mail carries a manage link, `/appointments/{id}/manage#token=…`: the token (32 random bytes, " +
  "base64url; a move mails a fresh one, and the earlier ones keep working while the appointment is booked) reads, moves and cancels that one appointment (GET, PATCH, POST …/cancel with `X-Manage-Token`). " +
  "Only its SHA-256 is stored. Credentials that do not resolve (an expired token) answer 401, never a guest booking. " +
  "An account registered later with the same email sees these appointments once it verifies the address.";

const MANAGE =
  "With a manage-link token (in the client's mails of any booking for a client with an email; a guest's only " +
  "way in) no sign-in is needed: send it in the " +
  "`X-Manage-Token` header (preferred: it stays out of URLs and logs) or as `?token=` (API.md). It opens only " +
  "the appointment it was issued for, while that is booked and has not ended; an unknown token, another " +
  "appointment's, or one whose appointment is cancelled or over answers 400 invalid_token.";

const manageTokenHeaders = z.object({
  "X-Manage-Token": z.string().optional().describe("The manage-link token (preferred over `?token=`)."),
});
const manageTokenQuery = z.object({
  token: z.string().optional().describe("The manage-link token; the X-Manage-Token header is preferred."),
});

const idempotencyHeaders = z.object({
  "Idempotency-Key": idempotencyKeySchema
    .optional()
    .describe(
      "Makes a retry safe: the first successful answer is stored with the booking, per caller, and a retry with " +
        "the same key and body gets it again instead of booking twice (also while the first is still running). " +
        "The same key with another body answers 422 idempotency_key_reused. Refusals are not stored, so a retry " +
        "after a 409 tries again. A key is remembered for 7 days; after that it counts as a new request.",
    ),
});

export function registerAppointments(registry: OpenAPIRegistry) {
  describeEndpoint(registry, {
    method: "post",
    path: "/appointments",
    tag: "Appointments",
    summary: "Book an appointment",
    description:
      "A client books for themselves (`clientId` and `client` are not used; their client record is made on the " +
      "first booking); admin and manager book for an existing `clientId` or a new `client` given inline, created " +
      "in the same transaction. With a worker, `serviceId` is required and must be one the worker performs. A " +
      "room is booked with `locationId` and no worker, with a `serviceId` for the length and price or else an " +
      `explicit \`end\`; a room is open whenever it is free, for clients at most ${ROOM_HORIZON_DAYS} days ahead. ` +
      "`end` defaults to start + the service's duration; only staff choose another length (at most 25 hours) " +
      "and only staff book past the worker's booking horizon. The price and currency are copied from the " +
      `service. ${REFUSALS} ${POLICY} A client who already holds \`maxUpcomingPerClient\` booked appointments ` +
      "that have not started answers 409 not_available `max_upcoming` (`details.maxUpcomingPerClient`); two " +
      "bookings of one client at once are counted one after the other, so the limit holds. Audited. " +
      ANY +
      "\n\n" +
      GUEST,
    access: "anyone",
    headers: idempotencyHeaders,
    body: appointmentCreateSchema,
    ok: {
      status: 201,
      description: "The booked appointment (or, for a replayed Idempotency-Key, the first answer again).",
      schema: appointmentSchema,
      headers: {
        "Idempotency-Replayed": {
          description: "`true` when this is the stored answer to an earlier request with the same key.",
          schema: { type: "string" },
        },
      },
    },
    errors: [
      "not_found",
      "forbidden",
      "slot_taken",
      "client_busy",
      "not_available",
      "no_worker_free",
      "idempotency_key_reused",
    ],
  });
  describeEndpoint(registry, {
    method: "get",
    path: "/appointments",
    tag: "Appointments",
    summary: "List appointments",
    description:
      "Staff see every appointment, a client only their own; a worker (role `worker`) the appointments of their " +
      "own worker record (none while no record is linked), where a `workerId` naming another worker answers an " +
      "empty list; ordered by start. `date`, and `from`/`to` given " +
      "as dates, are local days in each appointment's location's timezone (both included); `from`/`to` given " +
      "as instants bound the start, `to` exclusive. `date` and `from`/`to` do not mix. `workerId` and " +
      "`locationId` take an id or a slug; one naming nothing is a 400.",
    access: "client",
    query: appointmentListQuerySchema,
    ok: { status: 200, description: "A page of appointments.", schema: itemsOf(appointmentSchema) },
  });
  describeEndpoint(registry, {
    method: "get",
    path: "/appointments/{id}",
    tag: "Appointments",
    summary: "Get an appointment",
    description: `${OWN} ${MANAGE}`,
    access: "client",
    secretQuery: "token",
    params: idParamsSchema,
    query: manageTokenQuery,
    headers: manageTokenHeaders,
    ok: { status: 200, description: "The appointment.", schema: appointmentSchema },
    errors: ["not_found", "invalid_token"],
  });
  describeEndpoint(registry, {
    method: "patch",
    path: "/appointments/{id}",
    tag: "Appointments",
    summary: "Reschedule, mark or annotate an appointment",
    description:
      "`start`, `end` and `workerId` reschedule a booked appointment under the booking rules, in place: without " +
      "`end` it keeps its length, and a refused new interval leaves the old one booked. Staff set `status` " +
      "(`booked`, `completed`, `no_show`; cancelling is POST /appointments/{id}/cancel) on any appointment not " +
      "cancelled; a client setting it answers 403 forbidden. A client may reschedule and annotate their own " +
      `booked appointment until it starts, at the service's length. A worker marks their own worker's ` +
      "appointments `completed` or `no_show` once they have started (before: 409 not_available, `details.reason` " +
      "`not_started`; `booked` or a reschedule: 403 forbidden) and sets `notes` on them. " +
      `${OWN} ${REFUSALS} ${POLICY} A client ` +
      "moving an appointment later than `rescheduleCutoffMinutes` before its current start answers 409 " +
      "cutoff_passed (`details.cutoffMinutes`; exactly at the cut-off is still allowed). Audited. A client " +
      "moves their own appointment with `{ start }`: same worker and service (another `workerId` answers 400), " +
      "every rule of a new booking. " +
      `${MANAGE} With a token only \`start\` (and an \`end\` at the service's length) may be given; the same ` +
      "rules and cut-off apply as for a client.",
    access: "client",
    secretQuery: "token",
    params: idParamsSchema,
    query: manageTokenQuery,
    headers: manageTokenHeaders,
    body: appointmentPatchSchema,
    ok: { status: 200, description: "The changed appointment.", schema: appointmentSchema },
    errors: ["not_found", "forbidden", "slot_taken", "client_busy", "not_available", "cutoff_passed", "invalid_token"],
  });
  describeEndpoint(registry, {
    method: "post",
    path: "/appointments/{id}/cancel",
    tag: "Appointments",
    summary: "Cancel an appointment",
    description:
      "The interval is free for others as this answers. A client cancels their own appointment until it starts " +
      "(after that 409 not_available, `in_past`); staff cancel any booked one; a worker cancels none of their " +
      "worker's appointments (403 forbidden). Cancelling a cancelled " +
      "appointment changes nothing and answers it again; a completed or no-show one answers 409 not_available " +
      "(`not_booked`). A client cancelling later than the business policy's `cancelCutoffMinutes` before the " +
      "start answers 409 cutoff_passed (`details.cutoffMinutes`; exactly at the cut-off is still allowed); " +
      'staff may, and the audit row\'s `after` says so (`policyOverride: ["cancel_cutoff"]`). ' +
      `${OWN} ${MANAGE} Audited.`,
    access: "client",
    secretQuery: "token",
    params: idParamsSchema,
    query: manageTokenQuery,
    headers: manageTokenHeaders,
    ok: { status: 200, description: "The cancelled appointment.", schema: appointmentSchema },
    errors: ["not_found", "forbidden", "not_available", "cutoff_passed", "invalid_token"],
  });
  describeEndpoint(registry, {
    method: "get",
    path: "/appointments/{id}/ics",
    tag: "Appointments",
    summary: "The appointment as a calendar file",
    description:
      "An RFC 5545 file with one event, UID `<appointment id>@slotwise`: the location and its address, the " +
      "business's name, phone, email and website in the description, the appointment's page as its URL (never a " +
      "manage link) and, while booked, a VALARM at the business's first reminder offset (60 minutes when none). " +
      OWN,
    access: "client",
    params: idParamsSchema,
    ok: { status: 200, description: "The calendar file.", schema: z.string(), contentType: "text/calendar" },
    errors: ["not_found"],
  });
}
