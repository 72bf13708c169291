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
  price: s.price,
  currency: s.currency,
  imageUrl: s.imageUrl,
  active: s.active,
});
