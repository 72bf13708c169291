// API.md "Client": a person appointments are booked for, with or without an account.
import { z } from "zod";
import type { Client as ClientRow } from "@/db/schema/appointments";
import { GENDERS } from "@/db/schema/genders";
import { day } from "./common";

export const clientSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    gender: z.enum(GENDERS).nullable(),
    birthDate: day.nullable().describe("YYYY-MM-DD."),
    notes: z.string().nullable(),
    userId: z.uuid().nullable().describe("The client's own account, when they registered."),
  })
  .meta({ id: "Client" });
export type Client = z.infer<typeof clientSchema>;

export function toClientJson(c: ClientRow): Client {
  return {
    id: c.id,
    name: c.name,
    phone: c.phone,
    email: c.email,
    gender: c.gender,
    birthDate: c.birthDate,
    notes: c.notes,
    userId: c.userId,
  };
}
