// The counts on the manager's front page.
import { getDb } from "@/db/client";
import { countOverview, type Overview } from "@/db/queries/overview";

/** How many locations, active workers and services, staff accounts and upcoming bookings there are. */
export async function catalogOverview(): Promise<Overview> {
  return countOverview(await getDb());
}
