import { route } from "@/lib/api/handler";
import type { StatsSummary } from "@/lib/contract";
import { statsSummaryReport } from "@/lib/reports/summary";
import { statsSummaryQuerySchema } from "@/lib/validation/stats";

export const GET = route(
  { role: "admin", query: statsSummaryQuerySchema },
  async ({ query }): Promise<StatsSummary> => statsSummaryReport(query),
);
