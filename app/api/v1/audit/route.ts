import { getDb } from "@/db/client";
import { listAudit } from "@/db/queries/audit";
import { route } from "@/lib/api/handler";
import { auditQuerySchema } from "@/lib/validation/audit";

export const GET = route({ role: "manager", query: auditQuerySchema }, async ({ query }) => ({
  items: await listAudit(await getDb(), { ...query, entityId: query.id }),
}));
