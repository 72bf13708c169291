// What a remembered slot list checks before it is used again: catalog_version (the worker, the
// service, the zones) and the schedule_versions counters of the worker and of the locations of their
// shifts, which triggers bump in every transaction that changes shifts, time off or booked
// appointments (drizzle/0008). Counters only grow and rows are never deleted, so their sum over a
// fixed set of keys changes exactly when one of them does.
import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { shifts } from "../schema/schedules";
import { catalogVersion, scheduleVersions } from "../schema/system";
import { statement } from "../statements";
import { duringOverlapsAsked } from "./worker-days";

const catalogPart = sql`(select ${catalogVersion.version} from ${catalogVersion} where ${catalogVersion.id} = 1)`;

const fingerprintOf = (keys: SQL) =>
  sql<string>`coalesce(${catalogPart}, 0) || ':' || (select coalesce(sum(${scheduleVersions.version}), 0)
    from ${scheduleVersions} where ${keys})`;

/**
 * The fingerprint of one worker's slot rows, as a column of the statement that reads them (so both
 * come from one snapshot): the worker's counter and those of the locations of their shifts
 * overlapping the asked range (the placeholders of askedRange), which are the keys `scheduleKeys`
 * lists from the rows read.
 */
export const workerDaysFingerprint = (workerId: PgColumn) =>
  fingerprintOf(sql`${scheduleVersions.key} = ${workerId} or ${scheduleVersions.key} in (
    select ${shifts.locationId} from ${shifts} where ${shifts.workerId} = ${workerId} and ${duringOverlapsAsked(shifts.during)})`);

/** The keys a worker's fingerprint covers: the worker, and each location of the shifts read. */
export const scheduleKeys = (workerId: string, shiftRows: readonly { locationId: string }[]) => [
  workerId,
  ...new Set(shiftRows.map((s) => s.locationId)),
];

const fingerprintOfKeys = statement<{ fingerprint: string }>("read_schedule_fingerprint", () => {
  // The array in a subquery is parsed once per execution (see manyWorkersDays in worker-days.ts).
  const keyList = sql`(select ${sql.placeholder("keys")}::uuid[])`;
  return sql`select ${fingerprintOf(sql`${scheduleVersions.key} = any(${keyList}::uuid[])`)} as fingerprint`;
});

/** The fingerprint of `keys` now, in one small statement. */
export async function readFingerprint(db: Executor, keys: readonly string[]): Promise<string> {
  const [row] = await fingerprintOfKeys(db, { keys: `{${keys.join(",")}}` });
  return row?.fingerprint ?? "";
}
