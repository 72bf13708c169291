import { sql } from "drizzle-orm";
import { getDb } from "../client";

/** Row counts for the manager's front page, in one round trip. */
export async function catalogOverview() {
  const db = await getDb();
  const result = await db.execute<{
    locations: number;
    workers: number;
    services: number;
    staff: number;
    upcoming: number;
  }>(sql`
    select
      (select count(*)::int from locations) as locations,
      (select count(*)::int from workers where active) as workers,
      (select count(*)::int from services where active) as services,
      (select count(*)::int from users where role <> 'client') as staff,
      (select count(*)::int from appointments where status = 'booked' and start_at >= now()) as upcoming
  `);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<
    Record<"locations" | "workers" | "services" | "staff" | "upcoming", number>
  >;
  const row = rows[0];
  if (!row) throw new Error("overview query returned no row");
  return row;
}
