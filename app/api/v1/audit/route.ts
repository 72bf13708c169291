import { route } from "@/lib/api/handler";
import { auditLogPage } from "@/lib/reports/audit-log";
import { auditQuerySchema } from "@/lib/validation/audit";

export const GET = route({ role: "manager", query: auditQuerySchema }, async ({ query }) => ({
  items: await auditLogPage(query),
}));
