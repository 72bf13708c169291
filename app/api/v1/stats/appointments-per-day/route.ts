import { route } from "@/lib/api/handler";
import type { DayCounts } from "@/lib/contract";
import { appointmentsPerDayReport } from "@/lib/reports/appointments-per-day";
import { appointmentsPerDayQuerySchema } from "@/lib/validation/stats";

export const GET = route(
  { role: "admin", query: appointmentsPerDayQuerySchema },
  async ({ query }): Promise<DayCounts> => ({
    items: await appointmentsPerDayReport(query),
  }),
);
