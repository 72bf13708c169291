import { route } from "@/lib/api/handler";
import { appointmentsPerDayReport } from "@/lib/reports/appointments-per-day";
import { appointmentsPerDayQuerySchema } from "@/lib/validation/stats";

export const GET = route({ role: "admin", query: appointmentsPerDayQuerySchema }, async ({ query }) => ({
  items: await appointmentsPerDayReport(query),
}));
