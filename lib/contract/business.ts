// The business profile and policies (API.md v1 extensions "Business profile and policies"): the
// answer of GET /business and PATCH /business, and the defaults while nothing is set up.
import { z } from "zod";
import type { Business as BusinessRow } from "@/db/schema/business";

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
export type Business = z.infer<typeof businessSchema>;

/** What a business that was never set up answers: API.md's policy defaults, UTC and RUB. */
export const BUSINESS_DEFAULTS: Business = {
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

export function toBusinessJson(row: BusinessRow | undefined): Business {
  if (!row) return BUSINESS_DEFAULTS;
  return {
    name: row.name,
    logoUrl: row.logoUrl,
    phone: row.phone,
    email: row.email,
    website: row.website,
    address: row.address,
    defaultTimezone: row.defaultTimezone,
    currency: row.currency,
    policy: {
      minNoticeMinutes: row.minNoticeMinutes,
      cancelCutoffMinutes: row.cancelCutoffMinutes,
      rescheduleCutoffMinutes: row.rescheduleCutoffMinutes,
      maxUpcomingPerClient: row.maxUpcomingPerClient,
      allowClientOverlap: row.allowClientOverlap,
      reminderOffsetsMinutes: row.reminderOffsetsMinutes,
    },
  };
}
