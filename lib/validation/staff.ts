import { z } from "zod";
import { emailSchema, nameSchema, passwordSchema } from "./common";

/** Input of the create-staff script: a manager, admin or worker (specialist) account. */
export const staffAccountSchema = z.object({
  role: z.enum(["manager", "admin", "worker"], { message: "Role must be manager, admin or worker." }),
  email: emailSchema,
  password: passwordSchema,
  name: nameSchema,
});
export type StaffAccountInput = z.infer<typeof staffAccountSchema>;
