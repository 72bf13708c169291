// API.md "Worker": with their specialty, home location and the services they perform.
import { z } from "zod";
import type { WorkerDetails } from "@/db/queries/worker-details";
import { locationSchema, toLocationJson } from "./location";
import { serviceSchema, toServiceJson } from "./service";
import { specialtySchema, toSpecialtyJson } from "./specialty";

export const workerSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    bio: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    active: z.boolean(),
    specialty: specialtySchema.nullable(),
    location: locationSchema.nullable(),
    services: z.array(serviceSchema),
    slotStepMinutes: z.number().int().nullable(),
    bookingHorizonDays: z.number().int(),
    userId: z
      .uuid()
      .nullable()
      .optional()
      .describe(
        "The user account (role `worker`) linked to this worker record; shown to staff only (absent for anyone else).",
      ),
  })
  .meta({ id: "Worker" });
export type Worker = z.infer<typeof workerSchema>;

/** Who reads a worker: staff also see the linked user account. */
export type WorkerView = { staff: boolean };

export function toWorkerJson(
  { worker: w, specialty, location, services }: WorkerDetails,
  view: WorkerView = { staff: false },
): Worker {
  return {
    id: w.id,
    slug: w.slug,
    name: w.name,
    bio: w.bio,
    avatarUrl: w.avatarUrl,
    active: w.active,
    specialty: specialty && toSpecialtyJson(specialty),
    location: location && toLocationJson(location),
    services: services.map(toServiceJson),
    slotStepMinutes: w.slotStepMinutes,
    bookingHorizonDays: w.bookingHorizonDays,
    ...(view.staff ? { userId: w.userId } : {}),
  };
}
