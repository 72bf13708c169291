// Time zones both sides understand. Node's ICU still resolves old tzdata links (US/Pacific-New,
// Canada/East-Saskatchewan) that PostgreSQL's tzdata has dropped, and a location's zone is used by
// both: the runtime computes slots with it, the database groups and filters by `at time zone`.
import { type SQL, sql } from "drizzle-orm";
import { log } from "@/lib/api/request-log";
import { validationFailed } from "@/lib/errors";
import { isValidTimeZone } from "@/lib/time/zoned";
import { type Executor, getDb, queryRows } from "../client";
import { locations } from "../schema/catalog";

export const TIME_ZONE_MESSAGE = "Use an IANA time zone such as Europe/Moscow.";

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

/** The zones a location may have, sorted: those the runtime lists that the database knows too. */
export async function acceptedTimeZones(): Promise<string[]> {
  const inDatabase = await databaseTimeZones();
  const listed = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
  return [...listed].filter((zone) => inDatabase.has(zone) && isValidTimeZone(zone)).sort();
}

/** 400 validation_failed at `path` unless both the runtime and the database know `zone`. */
export async function requireAcceptedTimeZone(zone: string, path = "timezone"): Promise<void> {
  if (isValidTimeZone(zone) && (await databaseTimeZones()).has(zone)) return;
  throw validationFailed(path, TIME_ZONE_MESSAGE);
}

const reported = new Set<string>();

/**
 * `locations.timezone` as `at time zone` can read it. A zone stored before zones were checked
 * against the database would make the whole query fail; it is read as UTC instead, and logged once
 * per process so that someone fixes the location.
 */
export async function readableLocationZone(db: Executor): Promise<SQL> {
  const inDatabase = await databaseTimeZones(db);
  const stored = await db.selectDistinct({ zone: locations.timezone }).from(locations);
  const unknown = stored.map((row) => row.zone).filter((zone) => !inDatabase.has(zone));
  if (unknown.length === 0) return sql`${locations.timezone}`;
  for (const zone of unknown.filter((zone) => !reported.has(zone))) {
    reported.add(zone);
    log("error", { msg: "location time zone unknown to the database, read as UTC", timezone: zone });
  }
  const listed = sql.join(
    unknown.map((zone) => sql`${zone}`),
    sql`, `,
  );
  return sql`(case when ${locations.timezone} in (${listed}) then 'UTC' else ${locations.timezone} end)`;
}
