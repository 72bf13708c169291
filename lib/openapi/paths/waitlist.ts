import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { itemsOf, waitlistEntrySchema } from "@/lib/contract";
import { waitlistCreateSchema, waitlistParamsSchema, waitlistQuerySchema } from "@/lib/validation/waitlist";
import { describeEndpoint } from "../operation";

const MATCH =
  "When a booked appointment of a worker is cancelled or moved away, the active entries whose window overlaps the " +
  "freed interval (for that worker, or for any worker of a service the worker performs) and whose service still has " +
  "a bookable slot there (the slots rules, the minimum notice included) are emailed, in order of joining, with a " +
  "link to book that day; nobody is held a place: the first to book gets it. An entry is emailed at most once per " +
  "freed interval, and again when another interval frees up. Booking a fitting appointment marks the entry booked.";

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
      `id in \`details.id\`. ${MATCH} Audited.`,
    access: "client",
    body: waitlistCreateSchema,
    ok: { status: 201, description: "The new entry.", schema: waitlistEntrySchema },
    errors: ["not_found", "not_available", "already_exists"],
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
      "booked or removed stays as it is (still 204). Someone else's entry, or an unknown id, is 404. Audited.",
    access: "client",
    params: waitlistParamsSchema,
    ok: { status: 204, description: "Off the list." },
    errors: ["not_found"],
  });
}
