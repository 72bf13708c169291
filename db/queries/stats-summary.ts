// GET /stats/summary and GET /reports/appointments.csv (API.md "Staff views and reports"). Like the
// per-day counts (stats.ts), an appointment belongs to the range when the date of its start in its
// own location's zone lies from `from` to `to`; the figures are counted by PostgreSQL.
import { type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client";
import { appointments, clients } from "../schema/appointments";
import { locations, services, workers } from "../schema/catalog";
import { shifts } from "../schema/schedules";
import { locationZoneAsRead } from "./time-zones";

export type ReportRange = { from: string; to: string };
export type ReportFilter = { workerId?: string; locationId?: string };

export type SummaryRow = {
  booked: number;
  completed: number;
  cancelled: number;
  noShow: number;
  noShowRate: number;
  revenue: { currency: string; amount: number | string }[] | null;
  bookedMinutes: number;
  shiftMinutes: number;
  utilisation: number;
};

/** The appointments of the range (local start dates) and filters; the query joins `locations`. */
export function appointmentConditions(range: ReportRange, filter: ReportFilter, zone: SQL): SQL[] {
  const conditions: SQL[] = [
    // A day's margin either side bounds the start instants for the start_at index (stats.ts).
    sql`${appointments.startAt} >= (${range.from}::date - 1)::timestamp at time zone 'UTC'`,
    sql`${appointments.startAt} < (${range.to}::date + 2)::timestamp at time zone 'UTC'`,
    sql`(${appointments.startAt} at time zone ${zone})::date between ${range.from}::date and ${range.to}::date`,
  ];
  if (filter.workerId) conditions.push(sql`${appointments.workerId} = ${filter.workerId}`);
  if (filter.locationId) conditions.push(sql`${appointments.locationId} = ${filter.locationId}`);
  return conditions;
}

/**
 * One statement: counts by status, revenue of the completed appointments per currency, minutes of
 * the booked, completed and no-show ones, and the shift minutes within the range (each shift clipped
 * to the range's first local midnight and the midnight after its last day, in the shift's location's
 * zone). The `unreadableZones` are read as UTC.
 */
export async function statsSummary(
  db: Executor,
  range: ReportRange,
  filter: ReportFilter,
  unreadableZones: readonly string[],
): Promise<SummaryRow> {
  const zone = locationZoneAsRead(unreadableZones);
  const where = sql.join(appointmentConditions(range, filter, zone), sql` and `);
  const start = sql`(${range.from}::date)::timestamp at time zone ${zone}`;
  const end = sql`(${range.to}::date + 1)::timestamp at time zone ${zone}`;
  const shiftConditions: SQL[] = [
    sql`${shifts.startAt} < (${range.to}::date + 2)::timestamp at time zone 'UTC'`,
    sql`${shifts.endAt} > (${range.from}::date - 1)::timestamp at time zone 'UTC'`,
  ];
  if (filter.workerId) shiftConditions.push(sql`${shifts.workerId} = ${filter.workerId}`);
  if (filter.locationId) shiftConditions.push(sql`${shifts.locationId} = ${filter.locationId}`);
  const minutes = (from: SQL, to: SQL) => sql`extract(epoch from (${to}) - (${from})) / 60`;
  const [row] = await queryRows<SummaryRow>(
    db,
    sql`with picked as (
      select ${appointments.status} as status, ${appointments.price} as price, ${appointments.currency} as currency,
        ${minutes(sql`${appointments.startAt}`, sql`${appointments.endAt}`)} as minutes
      from ${appointments} join ${locations} on ${locations.id} = ${appointments.locationId}
      where ${where}
    ), counts as (
      select
        (count(*) filter (where status = 'booked'))::int as booked,
        (count(*) filter (where status = 'completed'))::int as completed,
        (count(*) filter (where status = 'cancelled'))::int as cancelled,
        (count(*) filter (where status = 'no_show'))::int as no_show,
        coalesce(sum(minutes) filter (where status <> 'cancelled'), 0) as booked_minutes
      from picked
    ), shift_minutes as (
      select coalesce(sum(greatest(${minutes(
        sql`greatest(${shifts.startAt}, ${start})`,
        sql`least(${shifts.endAt}, ${end})`,
      )}, 0)), 0) as minutes
      from ${shifts} join ${locations} on ${locations.id} = ${shifts.locationId}
      where ${sql.join(shiftConditions, sql` and `)}
    ), revenue as (
      select json_agg(json_build_object('currency', currency, 'amount', amount::text) order by currency) as items
      from (select currency, sum(price) as amount from picked where status = 'completed' group by currency) r
    )
    select counts.booked, counts.completed, counts.cancelled, counts.no_show as "noShow",
      (case when counts.completed + counts.no_show = 0 then 0
        else round(counts.no_show::numeric / (counts.completed + counts.no_show), 4) end)::float8 as "noShowRate",
      revenue.items as revenue,
      round(counts.booked_minutes)::int as "bookedMinutes",
      round(shift_minutes.minutes)::int as "shiftMinutes",
      (case when shift_minutes.minutes = 0 then 0
        else round(counts.booked_minutes / shift_minutes.minutes, 4) end)::float8 as utilisation
    from counts, shift_minutes, revenue`,
  );
  if (!row) throw new Error("the summary query returned no row");
  return row;
}

export type CsvAppointmentRow = {
  id: string;
  startAt: Date | string;
  endAt: Date | string;
  timezone: string;
  status: string;
  worker: string | null;
  service: string | null;
  location: string;
  client: string;
  phone: string | null;
  email: string | null;
  price: string;
  currency: string;
  notes: string | null;
};

/** The appointments of the range, filters and status, by start, with the names the CSV shows. */
export async function appointmentsForExport(
  db: Executor,
  range: ReportRange,
  filter: ReportFilter & { status?: string },
  unreadableZones: readonly string[],
): Promise<CsvAppointmentRow[]> {
  const conditions = appointmentConditions(range, filter, locationZoneAsRead(unreadableZones));
  if (filter.status) conditions.push(sql`${appointments.status} = ${filter.status}`);
  return queryRows<CsvAppointmentRow>(
    db,
    sql`select ${appointments.id} as id, ${appointments.startAt} as "startAt", ${appointments.endAt} as "endAt",
      ${locations.timezone} as timezone, ${appointments.status} as status, ${workers.name} as worker,
      ${services.name} as service, ${locations.name} as location, ${clients.name} as client,
      ${clients.phone} as phone, ${clients.email} as email, ${appointments.price}::text as price,
      ${appointments.currency} as currency, ${appointments.notes} as notes
    from ${appointments}
      join ${locations} on ${locations.id} = ${appointments.locationId}
      join ${clients} on ${clients.id} = ${appointments.clientId}
      left join ${workers} on ${workers.id} = ${appointments.workerId}
      left join ${services} on ${services.id} = ${appointments.serviceId}
    where ${sql.join(conditions, sql` and `)}
    order by ${appointments.startAt}, ${appointments.id}`,
  );
}
