// The business profile and policies (API.md v1 extensions "Business profile and policies"): the
// answer of GET /business, the body of PATCH /business, and the defaults while nothing is set up.
import { z } from "zod";
import { isValidTimeZone } from "@/lib/time/zoned";
import { currency, httpUrl, optionalText } from "./catalog";
import { emailSchema, lineSchema, nameSchema, phoneSchema } from "./common";

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
  logoUrl: httpUrl,
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

/** GET /business (and PATCH's answer). */
export const businessSchema = z.object({
  name: z.string(),
  logoUrl: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  address: z.string().nullable(),
  defaultTimezone: z.string(),
  currency: z.string(),
  policy: z.object({
    minNoticeMinutes: z.number().int(),
    cancelCutoffMinutes: z.number().int(),
    rescheduleCutoffMinutes: z.number().int(),
    maxUpcomingPerClient: z.number().int().nullable(),
    allowClientOverlap: z.boolean(),
    reminderOffsetsMinutes: z.array(z.number().int()),
  }),
});
export type BusinessJson = z.infer<typeof businessSchema>;

/** What a business that was never set up answers: API.md's policy defaults, UTC and RUB. */
export const BUSINESS_DEFAULTS: BusinessJson = {
  name: "Slotwise",
  logoUrl: null,
  phone: null,
  email: null,
  website: null,
  address: null,
  defaultTimezone: "UTC",
  currency: "RUB",
  policy: {
    minNoticeMinutes: 0,
    cancelCutoffMinutes: 0,
    rescheduleCutoffMinutes: 0,
    maxUpcomingPerClient: null,
    allowClientOverlap: false,
    reminderOffsetsMinutes: [1440, 120],
  },
};
