import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client";

export type Overview = Record<"locations" | "workers" | "services" | "staff" | "upcoming", number>;

/** Row counts for the manager's front page, in one round trip. */
export async function countOverview(db: Executor): Promise<Overview> {
  const [row] = await queryRows<Overview>(
    db,
    sql`
      select
        (select count(*)::int from locations) as locations,
        (select count(*)::int from workers where active) as workers,
        (select count(*)::int from services where active) as services,
        (select count(*)::int from users where role <> 'client') as staff,
        (select count(*)::int from appointments where status = 'booked' and start_at >= now()) as upcoming
    `,
  );
  if (!row) throw new Error("overview query returned no row");
  return row;
}
