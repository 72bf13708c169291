import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { availabilitySchema, slotsSchema } from "@/lib/contract";
import { availableDaysSchema } from "@/lib/contract/available-days";
import { availabilityQuerySchema, slotsQuerySchema } from "@/lib/validation/availability";
import { availableDaysQuerySchema } from "@/lib/validation/available-days";
import { refParamsSchema } from "@/lib/validation/common";
import { describeEndpoint } from "../operation";

const FRESH =
  "Computed on every request from shifts, time off and booked appointments; never cached. Clients and " +
  "anonymous callers are not offered starts sooner than the business policy's `minNoticeMinutes` (a start " +
  "exactly that far ahead is); staff, who may book past the notice, see every free slot.";

export function registerSlots(registry: OpenAPIRegistry) {
  describeEndpoint(registry, {
    method: "get",
    path: "/workers/{ref}/slots",
    tag: "Slots",
    summary: "Free slots of a worker for a service",
    description:
      "`date`, or `from`/`to` (at most 62 days; default today to the booking horizon), read in the location's " +
      `timezone. Slots step by the worker's slotStepMinutes or the service duration. ${FRESH}`,
    access: "anyone",
    params: refParamsSchema,
    query: slotsQuerySchema,
    ok: { status: 200, description: "Free intervals of the service's duration.", schema: slotsSchema },
    errors: ["not_found"],
  });
  describeEndpoint(registry, {
    method: "get",
    path: "/workers/{ref}/available-days",
    tag: "Slots",
    summary: "Each day of a range with its number of free slots and the first one",
    description:
      "For a month calendar that greys out days with no free time. `from`/`to` as for the slots (at most 62 " +
      "days; default today to the booking horizon), read in the location's timezone; every day of the range " +
      `is listed, counted by the same rules as the slots. ${FRESH}`,
    access: "anyone",
    params: refParamsSchema,
    query: availableDaysQuerySchema,
    ok: { status: 200, description: "Every asked day, in order.", schema: availableDaysSchema },
    errors: ["not_found"],
  });
  describeEndpoint(registry, {
    method: "get",
    path: "/availability",
    tag: "Slots",
    summary: "Workers performing a service, with their free slots on one day",
    description: `Optionally of a \`specialty\` and at a \`location\`. ${FRESH}`,
    access: "anyone",
    query: availabilityQuerySchema,
    ok: { status: 200, description: "One page of workers with their slots.", schema: availabilitySchema },
    errors: ["not_found"],
  });
}
