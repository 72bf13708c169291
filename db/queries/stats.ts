// Stats are counted by PostgreSQL with GROUP BY, never by looping over rows here (DESIGN.md "Data").
import { type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client";
import { appointments } from "../schema/appointments";
import { locations } from "../schema/catalog";
import { locationZoneAsRead } from "./time-zones";

export type DayCount = { day: string; count: number };

/** What appointments-per-day counts; cancelled and no-show appointments are not work done. */
const COUNTED = sql`('booked', 'completed')`;

/**
 * Booked and completed appointments per calendar day, `from` to `to` (both included), every day
 * present, zero or not. Each appointment counts on the day its start falls on in its own location's
 * time zone: a 01:00 Moscow visit is on the Moscow date even when UTC is still on the day before.
 * The `unreadableZones` (stored zones the database does not know) are read as UTC.
 */
export async function appointmentsPerDay(
  db: Executor,
  range: { from: string; to: string },
  filter: { workerId?: string; locationId?: string },
  unreadableZones: readonly string[],
): Promise<DayCount[]> {
  const days = sql`generate_series(0, ${range.to}::date - ${range.from}::date) as offsets(n)`;
  const conditions: SQL[] = [
    sql`${appointments.status} in ${COUNTED}`,
    // A local day lies within 14 hours of the UTC day of the same date (UTC-12 to UTC+14), so a
    // day's margin either side bounds the start instants for the start_at index, whatever the zones.
    sql`${appointments.startAt} >= (${range.from}::date - 1)::timestamp at time zone 'UTC'`,
    sql`${appointments.startAt} < (${range.to}::date + 2)::timestamp at time zone 'UTC'`,
  ];
  if (filter.workerId) conditions.push(sql`${appointments.workerId} = ${filter.workerId}`);
  if (filter.locationId) conditions.push(sql`${appointments.locationId} = ${filter.locationId}`);
  const zone = locationZoneAsRead(unreadableZones);
  // generate_series over integers, not dates: a date series is a timestamptz series in disguise and
  // would step through the session's DST changes.
  return queryRows<DayCount>(
    db,
    sql`with counted as (
      select (${appointments.startAt} at time zone ${zone})::date as day, count(*) as n
      from ${appointments} join ${locations} on ${locations.id} = ${appointments.locationId}
      where ${sql.join(conditions, sql` and `)}
      group by 1
    )
    select to_char(${range.from}::date + offsets.n, 'YYYY-MM-DD') as day, coalesce(counted.n, 0)::int as count
    from ${days} left join counted on counted.day = ${range.from}::date + offsets.n
    order by offsets.n`,
  );
}
