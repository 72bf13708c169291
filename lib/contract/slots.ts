// Free slots of a worker (GET /workers/{ref}/slots) and of every worker of a service (GET /availability).
import { z } from "zod";
import { interval } from "./common";
import { workerSchema } from "./worker";

export const slotsSchema = z.object({ timezone: z.string(), slots: z.array(interval) });
export type Slots = z.infer<typeof slotsSchema>;

export const availabilitySchema = z.object({
  items: z.array(z.object({ worker: workerSchema, timezone: z.string(), slots: z.array(interval) })),
});
export type Availability = z.infer<typeof availabilitySchema>;
