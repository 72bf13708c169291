import { route } from "@/lib/api/handler";
import { toWebhookDeliveryJson } from "@/lib/contract";
import { pageQuerySchema } from "@/lib/validation/common";
import { listWebhookTries } from "@/lib/webhooks/endpoints";
import { webhookParamsSchema } from "@/lib/webhooks/schemas";

export const GET = route(
  { role: "manager", params: webhookParamsSchema, query: pageQuerySchema },
  async ({ params, query }) => ({ items: (await listWebhookTries(params.id, query)).map(toWebhookDeliveryJson) }),
);
