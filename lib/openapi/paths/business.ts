import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { businessSchema } from "@/lib/contract";
import { businessPatchSchema } from "@/lib/validation/business";
import { describeEndpoint } from "../operation";

const ENFORCED =
  "Of the policy, `allowClientOverlap` takes effect now: each appointment copies it when booked or moved, and " +
  "while it is off a client's booked appointments may not overlap (409 client_busy; the ones booked while it " +
  "was on keep overlapping). `defaultTimezone` is the zone of a new location given without one. The other " +
  "policy fields (`minNoticeMinutes`, `cancelCutoffMinutes`, `rescheduleCutoffMinutes`, `maxUpcomingPerClient`, " +
  "`reminderOffsetsMinutes`) are stored and answered, and not enforced yet.";

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
