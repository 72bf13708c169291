// Bodies and the list query of user accounts (API.md "User", manager only).
import { z } from "zod";
import { ROLES } from "@/db/schema/users";
import { birthDateSchema, clearablePhoneSchema } from "./clients";
import { emailSchema, genderSchema, nameSchema, pageQuerySchema, passwordSchema, searchSchema } from "./common";

export const roleSchema = z.enum(ROLES, { message: "Role must be client, worker, admin or manager." });

const profileFields = {
  name: nameSchema.normalize("NFC"),
  role: roleSchema,
  gender: genderSchema.nullable(),
  birthDate: birthDateSchema.nullable(),
  phone: clearablePhoneSchema,
};

/** A new account: staff (admin, manager), a specialist (worker) or a client the desk signs up. */
export const userCreateSchema = z.object({
  ...z.object(profileFields).partial().shape,
  email: emailSchema,
  password: passwordSchema,
  name: profileFields.name,
  role: profileFields.role,
});
/** PATCH /users/{id}: the profile and the role; email and password are not changed here. */
export const userPatchSchema = z.object(profileFields).partial().strict();
export type UserCreate = z.infer<typeof userCreateSchema>;
export type UserPatch = z.infer<typeof userPatchSchema>;

const booleanFlag = z
  .enum(["true", "false", "1", "0"], { message: "Use true or false." })
  .transform((value) => value === "true" || value === "1");

export const userListQuerySchema = pageQuerySchema.extend({
  q: searchSchema.optional(),
  role: roleSchema.optional(),
  blocked: booleanFlag.optional(),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;
