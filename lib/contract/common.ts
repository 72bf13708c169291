// Pieces the response shapes share: instants and days as the API writes them, intervals, and the
// id/slug/name brief of a record another one names.
import { z } from "zod";

export const instant = z.string().describe("RFC 3339 instant with the offset of the location's timezone.");
export const day = z.string().describe("Calendar day YYYY-MM-DD in the location's timezone.");
export const interval = z.object({ start: instant, end: instant });
export const brief = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });

export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** `{ start, end }` as RFC 3339 strings: a slot, a busy stretch, a shift's or a time off's span. */
export type Slot = z.infer<typeof interval>;
/** What a record shows of another it names (an appointment's worker, a shift's location). */
export type Brief = z.infer<typeof brief>;
