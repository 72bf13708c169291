// GET /stats/summary (API.md "Staff views and reports"): the figures of the reports page.
import { getDb } from "@/db/client";
import { type StatsGroupRow, statsGroups } from "@/db/queries/stats-groups";
import { statsSummary } from "@/db/queries/stats-summary";
import { locations, workers } from "@/db/schema/catalog";
import { unreadableLocationZones } from "@/lib/catalog/time-zones";
import type { StatsGroup, StatsSummary } from "@/lib/contract";
import type { StatsSummaryQuery } from "@/lib/validation/stats";
import { resolveRef } from "./appointments-per-day";

/** Counts, no-show rate, revenue and utilisation of the query's range, of one worker or location if named. */
export async function statsSummaryReport(query: StatsSummaryQuery): Promise<StatsSummary> {
  const workerId = await resolveRef(workers, query.workerId, "workerId");
  const locationId = await resolveRef(locations, query.locationId, "locationId");
  const db = await getDb();
  const zones = await unreadableLocationZones(db);
  const filter = { workerId, locationId };
  const row = await statsSummary(db, query, filter, zones);
  const groups = query.groupBy ? await statsGroups(db, query, filter, zones, query.groupBy) : undefined;
  return {
    booked: row.booked,
    completed: row.completed,
    cancelled: row.cancelled,
    noShow: row.noShow,
    noShowRate: Number(row.noShowRate),
    revenue: (row.revenue ?? []).map((r) => ({ currency: r.currency, amount: Number(r.amount) })),
    bookedMinutes: row.bookedMinutes,
    shiftMinutes: row.shiftMinutes,
    utilisation: Number(row.utilisation),
    ...(groups ? { groups: groups.map(toGroup) } : {}),
  };
}

function toGroup(row: StatsGroupRow): StatsGroup {
  return { ...row, revenue: (row.revenue ?? []).map((r) => ({ currency: r.currency, amount: Number(r.amount) })) };
}
