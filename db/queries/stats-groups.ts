// GET /stats/summary?groupBy=day|worker: the summary's counts and revenue per local day of the range
// or per worker, grouped by PostgreSQL over the same appointments as the summary (stats-summary.ts).
import { type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client";
import { appointments } from "../schema/appointments";
import { locations, workers } from "../schema/catalog";
import { appointmentConditions, type ReportFilter, type ReportRange } from "./stats-summary";
import { locationZoneAsRead } from "./time-zones";

export type StatsGroupBy = "day" | "worker";

export type StatsGroupRow = {
  key: string | null;
  label: string | null;
  booked: number;
  completed: number;
  cancelled: number;
  noShow: number;
  bookedMinutes: number;
  revenue: { currency: string; amount: string }[] | null;
};

/**
 * One row per local day of the range (every day, zero or not, in order), or per worker with
 * appointments in it (by name; a room's appointments, which have no worker, under the key null).
 */
export async function statsGroups(
  db: Executor,
  range: ReportRange,
  filter: ReportFilter,
  unreadableZones: readonly string[],
  by: StatsGroupBy,
): Promise<StatsGroupRow[]> {
  const zone = locationZoneAsRead(unreadableZones);
  const where = sql.join(appointmentConditions(range, filter, zone), sql` and `);
  const key: SQL =
    by === "day"
      ? sql`to_char((${appointments.startAt} at time zone ${zone})::date, 'YYYY-MM-DD')`
      : sql`${appointments.workerId}::text`;
  const keys: SQL =
    by === "day"
      ? sql`select to_char(d, 'YYYY-MM-DD') as key, null::text as label, d as sort_date, null::text as sort_name
          from generate_series(${range.from}::date, ${range.to}::date, interval '1 day') d`
      : sql`select distinct picked.key, ${workers.name} as label, null::date as sort_date, ${workers.name} as sort_name
          from picked left join ${workers} on ${workers.id}::text = picked.key`;
  return queryRows<StatsGroupRow>(
    db,
    sql`with picked as (
      select ${key} as key, ${appointments.status} as status, ${appointments.price} as price,
        ${appointments.currency} as currency,
        extract(epoch from ${appointments.endAt} - ${appointments.startAt}) / 60 as minutes
      from ${appointments} join ${locations} on ${locations.id} = ${appointments.locationId}
      where ${where}
    ), keys as (${keys}), counts as (
      select key,
        (count(*) filter (where status = 'booked'))::int as booked,
        (count(*) filter (where status = 'completed'))::int as completed,
        (count(*) filter (where status = 'cancelled'))::int as cancelled,
        (count(*) filter (where status = 'no_show'))::int as no_show,
        coalesce(sum(minutes) filter (where status <> 'cancelled'), 0) as booked_minutes
      from picked group by key
    ), revenue as (
      select key, json_agg(json_build_object('currency', currency, 'amount', amount::text) order by currency) as items
      from (select key, currency, sum(price) as amount from picked where status = 'completed' group by key, currency) r
      group by key
    )
    select keys.key, keys.label, coalesce(counts.booked, 0) as booked, coalesce(counts.completed, 0) as completed,
      coalesce(counts.cancelled, 0) as cancelled, coalesce(counts.no_show, 0) as "noShow",
      round(coalesce(counts.booked_minutes, 0))::int as "bookedMinutes", revenue.items as revenue
    from keys
      left join counts on counts.key is not distinct from keys.key
      left join revenue on revenue.key is not distinct from keys.key
    order by keys.sort_date, keys.sort_name nulls last, keys.key nulls last`,
  );
}
