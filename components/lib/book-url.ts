// The /book page's URL: the chosen slot lives in it, so the page works without script, survives a
// sign-in (as a callbackUrl) and is where a refused confirmation comes back to.
import { z } from "zod";
import { instantTextSchema, refSchema } from "@/lib/validation/common";
import { query } from "./api-client";

/**
 * Why the last confirmation of this slot was refused, as the API's error codes name it
 * (`max_upcoming`: not_available for that reason, the client holding as many as the policy allows).
 */
export const REFUSALS = ["slot_taken", "not_available", "client_busy", "max_upcoming", "failed"] as const;
export type Refusal = (typeof REFUSALS)[number];

export const bookSearchSchema = z.object({
  worker: refSchema,
  service: refSchema,
  start: instantTextSchema,
  // A hand-edited value is ignored rather than turning the page into an error.
  refused: z.enum(REFUSALS).optional().catch(undefined),
});
export type BookSearch = z.infer<typeof bookSearchSchema>;

export const bookPath = (search: BookSearch) => `/book${query(search)}`;
