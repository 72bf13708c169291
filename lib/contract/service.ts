// API.md "Service".
import { z } from "zod";
import type { Service as ServiceRow } from "@/db/schema/catalog";

export const serviceSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    durationMinutes: z.number().int(),
    bufferBeforeMinutes: z
      .number()
      .int()
      .describe(
        "Minutes the worker and the location are held before each appointment (preparation). Slots, availability and the database's overlap refusal count them; the appointment's own start stays the client's time. A slot's buffers must lie inside the worker's shift.",
      ),
    bufferAfterMinutes: z
      .number()
      .int()
      .describe(
        "Minutes the worker and the location are held after each appointment (cleaning), counted as bufferBeforeMinutes is; the appointment's own end stays the client's time.",
      ),
    price: z.number().describe("Major units, e.g. 1500.5."),
    currency: z.string().describe("ISO 4217."),
    imageUrl: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: "Service" });
export type Service = z.infer<typeof serviceSchema>;

export const toServiceJson = (s: ServiceRow): Service => ({
  id: s.id,
  slug: s.slug,
  name: s.name,
  description: s.description,
  durationMinutes: s.durationMinutes,
  bufferBeforeMinutes: s.bufferBeforeMinutes,
  bufferAfterMinutes: s.bufferAfterMinutes,
  price: s.price,
  currency: s.currency,
  imageUrl: s.imageUrl,
  active: s.active,
});
