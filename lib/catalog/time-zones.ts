// Time zones both sides understand (db/queries/time-zones.ts): the ones a location may be given,
// and the stored ones read as UTC because the database does not know them.
import type { Executor } from "@/db/client";
import { databaseTimeZones, locationZonesUnknownToDatabase } from "@/db/queries/time-zones";
import { log } from "@/lib/api/request-log";
import { validationFailed } from "@/lib/errors";
import { isValidTimeZone } from "@/lib/time/zoned";

export const TIME_ZONE_MESSAGE = "Use an IANA time zone such as Europe/Moscow.";

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
 * The stored location zones `at time zone` cannot read, which a query reads as UTC rather than
 * fail (db/queries/time-zones.ts `locationZoneAsRead`). Each is logged once per process so that
 * someone fixes the location.
 */
export async function unreadableLocationZones(db: Executor): Promise<string[]> {
  const unknown = await locationZonesUnknownToDatabase(db);
  for (const zone of unknown.filter((zone) => !reported.has(zone))) {
    reported.add(zone);
    log("error", { msg: "location time zone unknown to the database, read as UTC", timezone: zone });
  }
  return unknown;
}
