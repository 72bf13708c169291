import { z } from "zod";
import { emailSchema, nameSchema, passwordSchema, phoneSchema } from "./common";

export const credentialsSchema = z.object({
  email: emailSchema,
  // Checked against the stored hash only; the length rules apply when a password is set.
  password: z.string().min(1, { message: "Enter your password." }).max(1024),
});
export type Credentials = z.infer<typeof credentialsSchema>;

export const registerSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: nameSchema,
  phone: phoneSchema.optional(),
});
export type RegisterInput = z.infer<typeof registerSchema>;
