// API.md "Location": a workplace or a room.
import { z } from "zod";
import { LOCATION_KINDS, type Location as LocationRow } from "@/db/schema/catalog";

export const locationSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    kind: z.enum(LOCATION_KINDS),
    address: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    timezone: z.string().describe("IANA time zone, e.g. Europe/Moscow."),
    description: z.string().nullable(),
  })
  .meta({ id: "Location" });
export type Location = z.infer<typeof locationSchema>;

export const toLocationJson = (l: LocationRow): Location => ({
  id: l.id,
  slug: l.slug,
  name: l.name,
  kind: l.kind,
  address: l.address,
  latitude: l.latitude,
  longitude: l.longitude,
  timezone: l.timezone,
  description: l.description,
});
