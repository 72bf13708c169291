// The business profile and policies (API.md v1 extensions "Business profile and policies"): the
// body of PATCH /business (its answer and the defaults: lib/contract/business.ts).
import { z } from "zod";
import { isValidTimeZone } from "@/lib/time/zoned";
import { currency, httpUrl, optionalText } from "./catalog";
import { emailSchema, lineSchema, nameSchema, phoneSchema } from "./common";
import { imageUrlSchema } from "./image-url";

const DAY_MINUTES = 1440;
/** Notice and cut-offs up to a year; a reminder at most 30 days ahead. */
const YEAR_MINUTES = 366 * DAY_MINUTES;

const reminderOffset = z
  .number()
  .int()
  .min(1)
  .max(30 * DAY_MINUTES);
const minutesUpTo = (max: number) =>
  z.number().int({ message: "Use whole minutes." }).min(0, { message: "Use 0 or more minutes." }).max(max);

export const policySchema = z.object({
  minNoticeMinutes: minutesUpTo(YEAR_MINUTES),
  cancelCutoffMinutes: minutesUpTo(YEAR_MINUTES),
  rescheduleCutoffMinutes: minutesUpTo(YEAR_MINUTES),
  maxUpcomingPerClient: z.number().int().min(1).max(1000).nullable(),
  allowClientOverlap: z.boolean(),
  reminderOffsetsMinutes: z
    .array(reminderOffset)
    .max(10)
    .refine((offsets) => new Set(offsets).size === offsets.length, { message: "List each reminder once." })
    // Latest first, as they are sent: one order for one set.
    .transform((offsets) => [...offsets].sort((a, b) => b - a)),
});

const fields = {
  name: nameSchema.normalize("NFC"),
  logoUrl: imageUrlSchema,
  phone: phoneSchema.nullable(),
  email: emailSchema.nullable(),
  website: httpUrl,
  address: optionalText(500, lineSchema),
  defaultTimezone: lineSchema()
    .trim()
    .refine(isValidTimeZone, { message: "Use an IANA time zone such as Europe/Moscow." }),
  currency,
};

/** PATCH /business: any subset of the fields, and of the policy's; unknown fields are refused. */
export const businessPatchSchema = z
  .object({ ...z.object(fields).partial().shape, policy: policySchema.partial().strict().optional() })
  .strict();
export type BusinessPatch = z.infer<typeof businessPatchSchema>;
