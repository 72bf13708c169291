import { z } from "zod";
import { GENDERS } from "@/db/schema/genders";

// Unicode's Cc: the C0 controls (NUL, TAB, LF, CR, ESC, …), DEL and the C1 controls. A name on one
// line carries none of them: a line break in a name forges lines in a calendar feed, a header or a log.
const CONTROL = /\p{Cc}/u;
// Free text (notes, descriptions) keeps its line breaks (LF, CR LF) and tabs, nothing else.
const CONTROL_IN_TEXT = /\r(?!\n)|(?![\t\n\r])\p{Cc}/u;

export const CONTROL_MESSAGE = "Remove control characters such as line breaks and tabs.";
export const TEXT_CONTROL_MESSAGE = "Remove control characters; only line breaks and tabs are allowed.";

/**
 * The start of every one-line text field (names, slugs, emails, phones, codes, searches): a string
 * without control characters. The check sees the text as sent, before any trim, so a trailing line
 * break is refused rather than silently cut.
 */
export const lineSchema = () => z.string().refine((text) => !CONTROL.test(text), { message: CONTROL_MESSAGE });

/** The start of every free-text field: line breaks and tabs allowed, other control characters not. */
export const textSchema = () =>
  z.string().refine((text) => !CONTROL_IN_TEXT.test(text), { message: TEXT_CONTROL_MESSAGE });

export const emailSchema = lineSchema()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }).max(254));

// Long passphrases and any script are welcome; the cap only stops absurd bodies.
export const passwordSchema = z
  .string()
  .min(8, { message: "Use at least 8 characters." })
  .max(1024, { message: "Use at most 1024 characters." });

export const nameSchema = lineSchema().trim().min(1, { message: "Enter a name." }).max(200);

export const phoneSchema = lineSchema()
  .trim()
  .max(40)
  .regex(/^\+?[0-9 ()-]{3,}$/, { message: "Enter a phone number: digits, spaces, +, -, ( )." });

export const genderSchema = z.enum(GENDERS);

// Years before 1000 are refused: PostgreSQL has no year 0, and no booking or birth date lies there.
// The last year is 9998, so that every day asked for still has a next day (its end) and a range a
// list adds to its start stays within what the database stores.
export const FIRST_DATE = "1000-01-01";
export const LAST_DATE = "9998-12-31";
const YEARS = "Use a year from 1000 to 9998.";

export const isoDateSchema = z.iso
  .date({ message: "Use a calendar date as YYYY-MM-DD." })
  // Zod runs this check after a failed format too: only judge the year of a well-formed date.
  .refine((date) => !/^\d{4}-\d{2}-\d{2}$/.test(date) || (date >= FIRST_DATE && date <= LAST_DATE), {
    message: YEARS,
  });

export const uuidSchema = z.uuid({ message: "Not a valid id." });

export const slugSchema = lineSchema()
  .trim()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "Use lowercase letters a-z, digits and single hyphens." });

/** A path or filter reference to a catalog record: its id or its slug. */
export const refSchema = lineSchema().trim().min(1, { message: "Give an id or a slug." }).max(100);

/** An RFC 3339 instant with an explicit offset or Z, as text; a local time without one is ambiguous. */
export const instantTextSchema = z.iso
  .datetime({ offset: true, message: "Use an RFC 3339 date-time with an offset, e.g. 2026-03-02T09:00:00+03:00." })
  .refine((value) => {
    const year = new Date(value).getUTCFullYear();
    return Number.isNaN(year) || (year >= 1000 && year <= 9998);
  }, YEARS);

/** An RFC 3339 instant, parsed to a Date. */
export const instantSchema = instantTextSchema.transform((value) => new Date(value));

/**
 * A list bound: a calendar date (read in a timezone the endpoint names) or an RFC 3339 instant, both
 * held to the years 1000 to 9998 so that no bound reaches the database as a year it cannot store.
 */
export const dateOrInstantSchema = z.union([isoDateSchema, instantTextSchema], {
  error: "Use a date (YYYY-MM-DD) or an RFC 3339 date-time with an offset.",
});

/** `limit` (default 50, at most 200) and `offset` of every list (API.md "Conventions"). */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** A path parameter `{ref}`. */
export const refParamsSchema = z.object({ ref: refSchema });
/** A search text (`q`) of a list. */
export const searchSchema = lineSchema().trim().max(200);

/** A path parameter `{id}` that must be a UUID. */
export const idParamsSchema = z.object({ id: uuidSchema });
