// The /book guest form (name, email, optional phone, optional notes): checked in the browser and by
// the server action with this one schema, the same field rules as POST /appointments' `client`.
import { z } from "zod";
import { emailSchema, nameSchema, phoneSchema } from "./common";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const guestFormSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  phone: z.preprocess(blankToUndefined, phoneSchema.optional()),
  notes: z.preprocess(
    blankToUndefined,
    z.string().max(2000, { message: "Keep notes under 2000 characters." }).optional(),
  ),
});
export type GuestForm = z.infer<typeof guestFormSchema>;

/** The fields of the guest form, in order. */
export const GUEST_FORM_FIELDS = ["name", "email", "phone", "notes"] as const;
