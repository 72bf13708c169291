// Query string of GET /workers/{ref}/available-days (API.md "Finding a time and booking"): the
// service, and the days `from`..`to` (at most 62), read in the location's timezone like the slots'.
import { z } from "zod";
import { dayRangeIssue } from "./availability";
import { isoDateSchema, refSchema } from "./common";

/** A query parameter that may be left out or sent empty (`?from=` from a form); both mean "not given". */
const optionalDay = z.preprocess((value) => (value === "" ? undefined : value), isoDateSchema.optional());

export const availableDaysQuerySchema = z
  .object({ service: refSchema, from: optionalDay, to: optionalDay })
  .superRefine((query, ctx) => {
    // Zod 4 runs this even when a field failed, with its raw input: compare only two real dates.
    const isDay = (value: unknown) => isoDateSchema.safeParse(value).success;
    const issue = isDay(query.from) && isDay(query.to) ? dayRangeIssue(query.from ?? "", query.to ?? "") : undefined;
    if (issue) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  });
export type AvailableDaysQuery = z.output<typeof availableDaysQuerySchema>;
