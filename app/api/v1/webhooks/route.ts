import { route } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { toWebhookEndpointJson } from "@/lib/contract";
import { pageQuerySchema } from "@/lib/validation/common";
import { createWebhook, listWebhooks } from "@/lib/webhooks/endpoints";
import { webhookCreateSchema } from "@/lib/webhooks/schemas";

export const GET = route({ role: "manager", query: pageQuerySchema }, async ({ query }) => ({
  items: (await listWebhooks(query)).map(toWebhookEndpointJson),
}));

export const POST = route({ role: "manager", body: webhookCreateSchema }, async ({ body, caller }) => {
  const { endpoint, secret } = await createWebhook(body, caller.id);
  return json({ ...toWebhookEndpointJson(endpoint), secret }, 201);
});
