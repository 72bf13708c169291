import { z } from "zod";
import { GENDERS } from "@/db/schema/columns";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }).max(254));

// Long passphrases and any script are welcome; the cap only stops absurd bodies.
export const passwordSchema = z
  .string()
  .min(8, { message: "Use at least 8 characters." })
  .max(1024, { message: "Use at most 1024 characters." });

export const nameSchema = z.string().trim().min(1, { message: "Enter a name." }).max(200);

export const phoneSchema = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[0-9 ()-]{3,}$/, { message: "Enter a phone number: digits, spaces, +, -, ( )." });

export const genderSchema = z.enum(GENDERS);

export const isoDateSchema = z.iso.date({ message: "Use a calendar date as YYYY-MM-DD." });

export const uuidSchema = z.uuid({ message: "Not a valid id." });
