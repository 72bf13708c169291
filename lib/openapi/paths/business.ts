import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { businessSchema } from "@/lib/contract";
import { businessPatchSchema } from "@/lib/validation/business";
import { describeEndpoint } from "../operation";

const ENFORCED =
  "The policy binds clients and anonymous callers; staff may book and change past it, and the audit row's " +
  "`after` then lists the rules gone past (`policyOverride`). `minNoticeMinutes`: a start sooner than that " +
  "answers 409 not_available `min_notice`, and the slots and availability offered to clients leave such starts " +
  "out (an instance may offer by the previous notice for up to 5 seconds after another instance's change; the " +
  "booking always applies the stored one). `cancelCutoffMinutes` and `rescheduleCutoffMinutes`: a cancel or move " +
  "later than that before the start answers 409 cutoff_passed (`details.cutoffMinutes`). `maxUpcomingPerClient`: " +
  "a client holding that many booked appointments that have not started answers 409 not_available " +
  "`max_upcoming`. `allowClientOverlap`: each appointment copies it when booked or moved, and while it is off a " +
  "client's booked appointments may not overlap (409 client_busy; the ones booked while it was on keep " +
  "overlapping). `reminderOffsetsMinutes`: when reminder emails go out before the start. `defaultTimezone` is " +
  "the zone of a new location given without one. A value of 0 (or null for the limit) switches a rule off.";

export function registerBusiness(registry: OpenAPIRegistry) {
  describeEndpoint(registry, {
    method: "get",
    path: "/business",
    tag: "Business",
    summary: "The business profile and policies",
    description:
      "Until a manager sets it up the defaults are answered: name `Slotwise`, `defaultTimezone` `UTC`, currency " +
      "`RUB`, no contacts, and the policy 0, 0, 0, null (no limit), false, [1440, 120]. " +
      ENFORCED,
    access: "anyone",
    ok: { status: 200, description: "The profile and policies.", schema: businessSchema },
  });
  describeEndpoint(registry, {
    method: "patch",
    path: "/business",
    tag: "Business",
    summary: "Change the business profile and policies",
    description:
      "Changes only the fields given, `policy` too (`{ policy: { allowClientOverlap: true } }` leaves the rest of " +
      "it). An empty string clears `address`; null clears the contacts and the logo. `defaultTimezone` must be " +
      "an IANA zone the server and the database both know; `reminderOffsetsMinutes` are whole minutes before " +
      "the start (at most 10, each once; answered latest first). Audited as `business.update`. " +
      ENFORCED,
    access: "manager",
    body: businessPatchSchema,
    ok: { status: 200, description: "The changed profile and policies.", schema: businessSchema },
  });
}
