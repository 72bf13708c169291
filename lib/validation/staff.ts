import { z } from "zod";
import { emailSchema, nameSchema, passwordSchema } from "./common";

/** Input of the create-staff script: a manager or admin account. */
export const staffAccountSchema = z.object({
  role: z.enum(["manager", "admin"], { message: "Role must be manager or admin." }),
  email: emailSchema,
  password: passwordSchema,
  name: nameSchema,
});
export type StaffAccountInput = z.infer<typeof staffAccountSchema>;
