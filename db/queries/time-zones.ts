// Time zones both sides understand. Node's ICU still resolves old tzdata links (US/Pacific-New,
// Canada/East-Saskatchewan) that PostgreSQL's tzdata has dropped, and a location's zone is used by
// both: the runtime computes slots with it, the database groups and filters by `at time zone`.
import { type SQL, sql } from "drizzle-orm";
import { type Executor, getDb, queryRows } from "../client";
import { locations } from "../schema/catalog";

let known: Promise<ReadonlySet<string>> | undefined;

/**
 * The zone names the database's `at time zone` accepts, read once per process: they change only
 * with the server's tzdata, and reading pg_timezone_names walks every zone file. Read through the
 * caller's executor when it has one: PGlite has one connection, which an open transaction holds.
 */
export function databaseTimeZones(db?: Executor): Promise<ReadonlySet<string>> {
  known ??= (async () => {
    const rows = await queryRows<{ name: string }>(db ?? (await getDb()), sql`select name from pg_timezone_names`);
    return new Set(rows.map((row) => row.name));
  })().catch((err) => {
    known = undefined;
    throw err;
  });
  return known;
}

/**
 * The zones stored in `locations.timezone` that `at time zone` cannot read: stored before zones
 * were checked against the database.
 */
export async function locationZonesUnknownToDatabase(db: Executor): Promise<string[]> {
  const inDatabase = await databaseTimeZones(db);
  const stored = await db.selectDistinct({ zone: locations.timezone }).from(locations);
  return stored.map((row) => row.zone).filter((zone) => !inDatabase.has(zone));
}

/** `locations.timezone` as `at time zone` can read it: the `unknown` zones are read as UTC. */
export function locationZoneAsRead(unknown: readonly string[]): SQL {
  if (unknown.length === 0) return sql`${locations.timezone}`;
  const listed = sql.join(
    unknown.map((zone) => sql`${zone}`),
    sql`, `,
  );
  return sql`(case when ${locations.timezone} in (${listed}) then 'UTC' else ${locations.timezone} end)`;
}

/**
 * `locations.timezone` as `at time zone` can read it. A zone stored before zones were checked
 * against the database would make the whole query fail; it is read as UTC instead (lib/catalog/
 * time-zones.ts `unreadableLocationZones` also logs it).
 */
export async function readableLocationZone(db: Executor): Promise<SQL> {
  return locationZoneAsRead(await locationZonesUnknownToDatabase(db));
}
