// What a remembered slot list checks before it is used again: catalog_version (the worker, the
// service, the zones) and the schedule_versions counters of the worker and of the locations of their
// shifts, which triggers bump in every transaction that changes shifts, time off or booked
// appointments (drizzle/0008). Counters only grow and rows are never deleted, so their sum over a
// fixed set of keys changes exactly when one of them does.
import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { business as businessTable } from "../schema/business";
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

const pagesFingerprintStatement = statement<{ fingerprint: string }>("read_pages_fingerprint", () => {
  // Every counter: a signed-out page lists any worker, so any worker's or location's change counts.
  const business = sql`(select ${businessTable.updatedAt} from ${businessTable} where ${businessTable.id} = 1)`;
  return sql`select ${fingerprintOf(sql`true`)} || ':' || coalesce(extract(epoch from ${business})::text, '') as fingerprint`;
});

/**
 * What every signed-out page is rendered from, in one small statement: the catalog version, the sum
 * of all schedule counters (shifts, time off, booked appointments of any worker or location) and when
 * the business profile (name, logo, contacts, policy) last changed. It changes with any of them.
 */
export async function readPagesFingerprint(db: Executor): Promise<string> {
  const [row] = await pagesFingerprintStatement(db);
  return row?.fingerprint ?? "";
}
