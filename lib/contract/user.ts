// API.md "User": never the password hash or the session version.
import { z } from "zod";
import { GENDERS } from "@/db/schema/genders";
import { ROLES, type User as UserRow } from "@/db/schema/users";

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    gender: z.enum(GENDERS).nullable(),
    birthDate: z.string().nullable(),
    phone: z.string().nullable(),
    blocked: z.boolean(),
  })
  .meta({ id: "User" });
export type User = z.infer<typeof userSchema>;

export function toUserJson(u: UserRow): User {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    gender: u.gender,
    birthDate: u.birthDate,
    phone: u.phone,
    blocked: u.blocked,
  };
}

/** GET /me: the caller's user record, and whether its email address is verified (API.md "Accounts"). */
export const meSchema = userSchema.extend({ emailVerified: z.boolean() }).meta({ id: "Me" });
export type Me = z.infer<typeof meSchema>;

export function toMeJson(u: UserRow): Me {
  return { ...toUserJson(u), emailVerified: u.emailVerifiedAt !== null };
}
