import { route } from "@/lib/api/handler";
import { appointmentsCsv, csvResponse } from "@/lib/reports/appointments-csv";
import { appointmentsCsvQuerySchema } from "@/lib/validation/stats";

export const GET = route({ role: "admin", query: appointmentsCsvQuerySchema }, async ({ query }) =>
  csvResponse(await appointmentsCsv(query), query),
);
