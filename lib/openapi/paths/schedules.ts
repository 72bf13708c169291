import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import {
  appliedWeeklyScheduleSchema,
  itemsOf,
  locationDaySchema,
  shiftSchema,
  timeOffSchema,
  weeklyScheduleSchema,
  workerDaySchema,
} from "@/lib/contract";
import { scheduleQuerySchema } from "@/lib/validation/availability";
import { idParamsSchema, refParamsSchema } from "@/lib/validation/common";
import {
  rangeQuerySchema,
  shiftBodySchema,
  shiftDeleteQuerySchema,
  shiftPatchSchema,
  timeOffBodySchema,
  weeklyScheduleBodySchema,
} from "@/lib/validation/schedules";
import { describeEndpoint } from "../operation";

const RANGE = "`from`/`to` take instants or dates; dates are read in the timezone of the worker's home location.";
const ORPHANS =
  "Leaving booked appointments outside every shift answers 409 has_appointments listing them, unless `cancelAppointments` is true.";

export function registerSchedules(registry: OpenAPIRegistry) {
  const worker = "/workers/{ref}";
  describeEndpoint(registry, {
    method: "get",
    path: `${worker}/schedule`,
    tag: "Schedules",
    summary: "One day of a worker: shifts, time off, busy time",
    description: "`date` defaults to today in the worker's timezone. `busy` never shows who booked.",
    access: "anyone",
    params: refParamsSchema,
    query: scheduleQuerySchema,
    ok: { status: 200, description: "The worker's day.", schema: workerDaySchema },
    errors: ["not_found"],
  });
  describeEndpoint(registry, {
    method: "get",
    path: "/locations/{ref}/schedule",
    tag: "Schedules",
    summary: "One day of a location: who works there when, busy time",
    access: "anyone",
    params: refParamsSchema,
    query: scheduleQuerySchema,
    ok: { status: 200, description: "The location's day.", schema: locationDaySchema },
    errors: ["not_found"],
  });
  describeEndpoint(registry, {
    method: "get",
    path: `${worker}/shifts`,
    tag: "Schedules",
    summary: "A worker's shifts",
    description: `${RANGE} Without \`to\`, two weeks from the start.`,
    access: "anyone",
    params: refParamsSchema,
    query: rangeQuerySchema,
    ok: { status: 200, description: "Shifts in time order.", schema: itemsOf(shiftSchema) },
    errors: ["not_found"],
  });
  describeEndpoint(registry, {
    method: "post",
    path: `${worker}/shifts`,
    tag: "Schedules",
    summary: "Add a shift",
    access: "manager",
    params: refParamsSchema,
    body: shiftBodySchema,
    ok: { status: 201, description: "The new shift.", schema: shiftSchema },
    errors: ["not_found", "worker_busy", "location_busy"],
  });
  describeEndpoint(registry, {
    method: "patch",
    path: "/shifts/{id}",
    tag: "Schedules",
    summary: "Move or resize a shift",
    description: ORPHANS,
    access: "manager",
    params: idParamsSchema,
    body: shiftPatchSchema,
    ok: { status: 200, description: "The changed shift.", schema: shiftSchema },
    errors: ["not_found", "worker_busy", "location_busy", "has_appointments"],
  });
  describeEndpoint(registry, {
    method: "delete",
    path: "/shifts/{id}",
    tag: "Schedules",
    summary: "Delete a shift",
    description: ORPHANS,
    access: "manager",
    params: idParamsSchema,
    query: shiftDeleteQuerySchema,
    ok: { status: 204, description: "Deleted." },
    errors: ["not_found", "has_appointments"],
  });
  describeEndpoint(registry, {
    method: "get",
    path: `${worker}/weekly-schedule`,
    tag: "Schedules",
    summary: "A worker's weekly schedule",
    access: "anyone",
    params: refParamsSchema,
    ok: { status: 200, description: "The stored recipe.", schema: weeklyScheduleSchema },
    errors: ["not_found"],
  });
  describeEndpoint(registry, {
    method: "put",
    path: `${worker}/weekly-schedule`,
    tag: "Schedules",
    summary: "Set and apply a weekly schedule",
    description:
      "Wall-clock rules in the location's timezone (several per weekday allowed). Creates the concrete shifts " +
      "from `from` up to `until` or the booking horizon, all or nothing: any conflict answers 409 and creates " +
      "nothing. Applying the same body twice changes nothing.",
    access: "manager",
    params: refParamsSchema,
    body: weeklyScheduleBodySchema,
    ok: {
      status: 200,
      description: "The schedule and the shifts now in the applied range.",
      schema: appliedWeeklyScheduleSchema,
    },
    errors: ["not_found", "worker_busy", "location_busy"],
  });
  describeEndpoint(registry, {
    method: "get",
    path: `${worker}/time-off`,
    tag: "Schedules",
    summary: "A worker's time off",
    description: `${RANGE} Without \`from\`, from now; without \`to\`, no end.`,
    access: "anyone",
    params: refParamsSchema,
    query: rangeQuerySchema,
    ok: { status: 200, description: "Time off in time order.", schema: itemsOf(timeOffSchema) },
    errors: ["not_found"],
  });
  describeEndpoint(registry, {
    method: "post",
    path: `${worker}/time-off`,
    tag: "Schedules",
    summary: "Add time off",
    description:
      "A manager adds anyone's time off; a worker (role `worker`) their own worker record's only (403 for " +
      "another's). Time off over booked appointments answers 409 has_appointments unless `cancelAppointments` " +
      "is true, which only a manager may send (403 for a worker).",
    access: "worker",
    params: refParamsSchema,
    body: timeOffBodySchema,
    ok: { status: 201, description: "The new time off.", schema: timeOffSchema },
    errors: ["not_found", "forbidden", "has_appointments"],
  });
  describeEndpoint(registry, {
    method: "delete",
    path: "/time-off/{id}",
    tag: "Schedules",
    summary: "Delete time off",
    description: "A manager deletes anyone's time off; a worker their own worker record's only (403 for another's).",
    access: "worker",
    params: idParamsSchema,
    ok: { status: 204, description: "Deleted." },
    errors: ["not_found"],
  });
}
