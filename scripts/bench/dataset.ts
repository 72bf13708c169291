// A generated data set for the benchmarks, written with set-based SQL so a million rows take a
// minute, not an hour. Every worker has a workplace of their own, a shift on the bench day and
// appointments that respect the exclusion constraints (one per worker and per location at a time).
import type { Sql } from "postgres";
import { addDaysToDate, zonedDateOf, zonedDateTimeToInstant } from "@/lib/time/zoned";

export const BENCH_TZ = "Europe/Moscow";
export const BENCH_SERVICE = "bench-consultation";
export const BENCH_SPECIALTY = "bench-therapist";
const SLOTS_PER_DAY = 18; // 30-minute appointments between 09:00 and 18:00

export type BenchDataset = { day: string; workerSlugs: string[] };

/** Tomorrow in the bench time zone: inside every worker's horizon and never in the past. */
export function benchDay(now = new Date()) {
  return addDaysToDate(zonedDateOf(now, BENCH_TZ), 1);
}

/** `workers` workers with a shift on the bench day and four booked appointments each on it. */
export async function createBenchCatalog(sql: Sql, workers: number, day = benchDay()): Promise<BenchDataset> {
  const dayStart = zonedDateTimeToInstant(day, "09:00", BENCH_TZ);
  const dayEnd = zonedDateTimeToInstant(day, "18:00", BENCH_TZ);
  await sql.begin(async (tx) => {
    await tx`insert into specialties (slug, name) values (${BENCH_SPECIALTY}, 'Bench therapist')`;
    await tx`insert into services (slug, name, duration_minutes, price)
             values (${BENCH_SERVICE}, 'Bench consultation', 30, 1500)`;
    // A client per worker: a client holds one booked appointment at a time (drizzle/0010), and each
    // worker's appointments are apart already.
    await tx`
      insert into clients (name, phone)
      select 'Bench client ' || n, '+7000000' || lpad(n::text, 4, '0') from generate_series(1, ${workers}) n`;
    await tx`
      insert into locations (slug, name, timezone)
      select 'bench-cabinet-' || n, 'Bench cabinet ' || n, ${BENCH_TZ} from generate_series(1, ${workers}) n`;
    await tx`
      insert into workers (slug, name, specialty_id, location_id, booking_horizon_days)
      select 'bench-worker-' || n, 'Bench worker ' || n,
             (select id from specialties where slug = ${BENCH_SPECIALTY}),
             (select id from locations where slug = 'bench-cabinet-' || n), 14
      from generate_series(1, ${workers}) n`;
    await tx`
      insert into worker_services (worker_id, service_id)
      select w.id, s.id from workers w, services s where w.slug like 'bench-worker-%' and s.slug = ${BENCH_SERVICE}`;
    await tx`
      insert into shifts (worker_id, location_id, start_at, end_at)
      select id, location_id, ${dayStart}, ${dayEnd} from workers where slug like 'bench-worker-%'`;
    // Four of the day's eighteen half-hours are taken, so the slot computation has work to do.
    await tx`
      insert into appointments (worker_id, location_id, service_id, client_id, start_at, end_at, price)
      select w.id, w.location_id, s.id, c.id,
             ${dayStart}::timestamptz + (k * 4 + 1) * interval '30 minutes',
             ${dayStart}::timestamptz + (k * 4 + 2) * interval '30 minutes', 1500
      from workers w join clients c on c.name = 'Bench client ' || substr(w.slug, length('bench-worker-') + 1),
           services s,
           generate_series(0, 3) k
      where w.slug like 'bench-worker-%' and s.slug = ${BENCH_SERVICE}`;
  });
  const slugs = Array.from({ length: workers }, (_, i) => `bench-worker-${i + 1}`);
  return { day, workerSlugs: slugs };
}

export async function countAppointments(sql: Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from appointments`;
  return row?.n ?? 0;
}

/**
 * Adds past appointments (still booked, as many are until the desk marks them; before the bench day) until the table holds `total` rows:
 * day after day backwards, every worker fully booked from 09:00 to 18:00.
 */
export async function growAppointments(sql: Sql, total: number, day = benchDay()): Promise<void> {
  const missing = total - (await countAppointments(sql));
  if (missing <= 0) return;
  const [{ workers } = { workers: 0 }] = await sql<{ workers: number }[]>`
    select count(*)::int as workers from workers where slug like 'bench-worker-%'`;
  const perDay = workers * SLOTS_PER_DAY;
  const days = Math.ceil(missing / perDay);
  // Backwards from the oldest day already filled, so a second call never overlaps the first.
  const [{ oldest } = { oldest: null }] = await sql<{ oldest: Date | null }[]>`
    select min(start_at) as oldest from appointments`;
  const oldestDay = oldest ? zonedDateOf(oldest, BENCH_TZ) : day;
  const firstPastDay = zonedDateTimeToInstant(addDaysToDate(oldestDay, -days), "09:00", BENCH_TZ);
  // In chunks of 30 days, so one statement never holds a gigantic transaction.
  for (let from = 0; from < days; from += 30) {
    const to = Math.min(days, from + 30) - 1;
    await sql`
      insert into appointments (worker_id, location_id, service_id, client_id, start_at, end_at, price, status)
      select w.id, w.location_id, s.id, c.id,
             ${firstPastDay}::timestamptz + d * interval '1 day' + k * interval '30 minutes',
             ${firstPastDay}::timestamptz + d * interval '1 day' + (k + 1) * interval '30 minutes',
             1500, 'booked'
      from workers w join clients c on c.name = 'Bench client ' || substr(w.slug, length('bench-worker-') + 1),
           services s,
           generate_series(${from}::int, ${to}::int) d, generate_series(0, ${SLOTS_PER_DAY - 1}) k
      where w.slug like 'bench-worker-%' and s.slug = ${BENCH_SERVICE}
      limit ${Math.max(0, total - (await countAppointments(sql)))}`;
  }
  // Vacuumed as well as analyzed: a table that size in service has been vacuumed, and a background
  // autovacuum of a million new rows would otherwise run during the measurements that follow.
  await sql`vacuum (analyze) appointments`;
  await sql`analyze`;
}
