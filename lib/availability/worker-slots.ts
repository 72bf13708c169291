// Slots of one worker for a service over some days: a list asked for before is answered from memory
// once its fingerprint shows nothing changed (slot-lists.ts); otherwise look up the worker, load
// their rows for those days and compute (plans.ts).
import { getDb } from "@/db/client";
import { findSlotsContext } from "@/db/queries/availability";
import { readFingerprint, scheduleKeys } from "@/db/queries/schedule-versions";
import { loadWorkerDays, type Range } from "@/db/queries/worker-days";
import { notFound, validationFailed } from "@/lib/errors";
import { addDaysToDate } from "@/lib/time/zoned";
import { dayRangeIssue, MAX_RANGE_DAYS, type SlotsQuery } from "@/lib/validation/availability";
import { FALLBACK_TIME_ZONE, todayEndIn, todayIn } from "./calendar";
import { bounds, noRows, plan, rowsRange, slotsOf } from "./plans";
import { recallSlotList, rememberSlotList, type SlotList } from "./slot-lists";
import { shiftLookupRange } from "./time-zones";

/** The earlier of two YYYY-MM-DD dates (they compare as strings). */
const earlierDate = (a: string, b: string) => (a < b ? a : b);

/**
 * The days a slots request asks for, read from today in the worker's zone: `date`, or `from`..`to`.
 * Without them, today to the horizon's last day (today + bookingHorizonDays), at most 62 days.
 */
export function askedDays(query: SlotsQuery, today: string, horizonDays: number) {
  if (query.date) return { from: query.date, to: query.date };
  const from = query.from ?? today;
  const lastDay = earlierDate(addDaysToDate(today, horizonDays), addDaysToDate(from, MAX_RANGE_DAYS - 1));
  // Asked from a day past the horizon: that one day, which has no slots, rather than an empty range.
  const pastHorizon = lastDay < from;
  const to = query.to ?? (pastHorizon ? from : lastDay);
  const issue = dayRangeIssue(from, to);
  if (issue)
    throw validationFailed(issue.path, query.from ? issue.message : `${issue.message} \`from\` is today, ${today}.`);
  return { from, to };
}

/**
 * Where to look for the shifts of a worker without a home location, whose zone is not known yet:
 * the asked days, or from today (in UTC) on, at most 62 days. Only the zone is taken from them.
 */
export function lookupDays(query: SlotsQuery, now: Date) {
  if (query.date) return { from: query.date, to: query.date };
  const today = todayIn(now, FALLBACK_TIME_ZONE);
  const from = query.from ?? (query.to && query.to < today ? query.to : today);
  const limit = addDaysToDate(from, MAX_RANGE_DAYS - 1);
  return { from, to: query.to ? earlierDate(query.to, limit) : limit };
}

/** What a worker's last slot list was planned with, by `workerRef service`: see workerSlots. */
type SlotsGuess = {
  timeZone: string;
  bookingHorizonDays: number;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
};
const guesses = new Map<string, SlotsGuess>();
const MAX_GUESSES = 10_000;

/** The rows range a slot list would need if the worker and service are still as `guess` says. */
function guessedRange(guess: SlotsGuess, query: SlotsQuery, now: Date): Range | null {
  try {
    const { timeZone, bookingHorizonDays } = guess;
    const days = askedDays(query, todayIn(now, timeZone), bookingHorizonDays);
    return rowsRange(bounds(bookingHorizonDays, timeZone, days, now), guess);
  } catch {
    return null; // A query this guess finds invalid is judged again with the worker's real zone.
  }
}

const sameRange = (a: Range | null, b: Range | null) =>
  a === null || b === null ? a === b : a.start.getTime() === b.start.getTime() && a.end.getTime() === b.end.getTime();

/**
 * GET /workers/{ref}/slots. An unknown or inactive worker or service is 404; a service the worker
 * does not perform is 400 validation_failed on `service` (the query names a service that cannot
 * apply to this worker; nothing is missing and nothing is in a conflicting state).
 *
 * A list asked for before is answered again after one small query shows that nothing it was computed
 * from has changed since (lib/availability/slot-lists.ts). Otherwise: which instants matter depends
 * on the worker's zone, horizon and the service's duration, which are only known once read. So the
 * rows are read in the same round trip as the worker, over the range the previous list for this
 * worker and service was planned with; when that range turns out to be another (first request, or
 * the worker or service changed), they are read again over the right one. The answer is shared:
 * callers must not change it.
 */
export async function workerSlots(workerRef: string, query: SlotsQuery, now: Date): Promise<SlotList> {
  const db = await getDb();
  const listKey = [workerRef, query.service, query.date, query.from, query.to].join(" ");
  const remembered = recallSlotList(db, listKey, now);
  if (remembered && (await readFingerprint(db, remembered.keys)) === remembered.fingerprint) return remembered.list;
  const key = `${workerRef} ${query.service}`;
  const guess = guesses.get(key);
  const guessed = guess ? guessedRange(guess, query, now) : null;
  const found = await findSlotsContext(db, workerRef, query.service, shiftLookupRange(lookupDays(query, now)), guessed);
  const { worker, service, performs, shiftTimeZone } = found;
  if (!worker?.active) throw notFound("Worker");
  if (!service?.active) throw notFound("Service");
  if (!performs) throw validationFailed("service", "This worker does not perform that service.");
  const timeZone = worker.homeTimeZone ?? shiftTimeZone ?? FALLBACK_TIME_ZONE;
  const p = plan(worker, timeZone, askedDays(query, todayIn(now, timeZone), worker.bookingHorizonDays), now);
  const range = rowsRange(p, service);
  if (guess && sameRange(guessed, range)) {
    const list = { timezone: timeZone, slots: slotsOf(found.rows, p, service, now) };
    if (found.fingerprint !== null) {
      rememberSlotList(db, listKey, {
        list,
        keys: scheduleKeys(worker.id, found.rows.shifts),
        fingerprint: found.fingerprint,
        now,
        // Today, in the worker's zone and in UTC (where a worker without a home looks for shifts).
        dayEnds: [todayEndIn(now, timeZone), todayEndIn(now, FALLBACK_TIME_ZONE)],
      });
    }
    return list;
  }
  if (guesses.size >= MAX_GUESSES) guesses.clear();
  guesses.set(key, {
    timeZone,
    bookingHorizonDays: worker.bookingHorizonDays,
    durationMinutes: service.durationMinutes,
    bufferBeforeMinutes: service.bufferBeforeMinutes,
    bufferAfterMinutes: service.bufferAfterMinutes,
  });
  const rows = range ? await loadWorkerDays(db, [worker.id], range) : noRows;
  return { timezone: timeZone, slots: slotsOf(rows, p, service, now) };
}
