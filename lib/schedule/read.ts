// Reading a worker's calendar: its shifts, its time off and its weekly schedule.
import { getDb } from "@/db/client";
import { listWorkerShifts } from "@/db/queries/shifts";
import { listTimeOff } from "@/db/queries/time-off";
import { findWeeklySchedule } from "@/db/queries/weekly-schedules";
import { type Shift, type TimeOff, toShiftJson, toTimeOffJson, toWeeklyScheduleJson } from "@/lib/contract";
import { notFound } from "@/lib/errors";
import type { RangeQuery } from "@/lib/validation/schedules";
import { resolveRange } from "./range";
import { findWorkerOr404 } from "./refs";

/** Without `to`, the shift list covers two weeks from its start. */
const SHIFT_LIST_DAYS = 14;

/** GET /workers/{ref}/shifts: one page of the worker's shifts; dates read in the worker's home zone. */
export async function workerShifts(workerRef: string, query: RangeQuery, now: Date): Promise<{ items: Shift[] }> {
  const db = await getDb();
  const worker = await findWorkerOr404(db, workerRef);
  const range = resolveRange(query, worker.timezone, now, SHIFT_LIST_DAYS);
  return { items: (await listWorkerShifts(db, worker.id, range, query)).map(toShiftJson) };
}

/**
 * GET /workers/{ref}/time-off: one page of the worker's time off. Without `from` the list starts now
 * (time off under way included); without `to` it has no end.
 */
export async function workerTimeOff(workerRef: string, query: RangeQuery, now: Date): Promise<{ items: TimeOff[] }> {
  const db = await getDb();
  const worker = await findWorkerOr404(db, workerRef);
  const range = resolveRange(query, worker.timezone, now, null);
  const rows = await listTimeOff(db, worker.id, range, query);
  return { items: rows.map((t) => toTimeOffJson(t, worker.timezone)) };
}

/** GET /workers/{ref}/weekly-schedule: `{ locationId, from, until, rules }`; 404 when the worker has none. */
export async function weeklyScheduleOf(workerRef: string) {
  const db = await getDb();
  const worker = await findWorkerOr404(db, workerRef);
  const stored = await findWeeklySchedule(db, worker.id);
  if (!stored) throw notFound("Weekly schedule");
  return toWeeklyScheduleJson(stored);
}
