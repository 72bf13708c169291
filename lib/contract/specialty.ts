// API.md "Specialty".
import type { z } from "zod";
import type { Specialty as SpecialtyRow } from "@/db/schema/catalog";
import { brief } from "./common";

export const specialtySchema = brief.meta({ id: "Specialty" });
export type Specialty = z.infer<typeof specialtySchema>;

export const toSpecialtyJson = (s: SpecialtyRow): Specialty => ({ id: s.id, slug: s.slug, name: s.name });
