import { route } from "@/lib/api/handler";
import { toWebhookEndpointJson } from "@/lib/contract";
import { rotateWebhookSecret } from "@/lib/webhooks/endpoints";
import { webhookParamsSchema } from "@/lib/webhooks/schemas";

export const POST = route({ role: "manager", params: webhookParamsSchema }, async ({ params, caller }) => {
  const { endpoint, secret } = await rotateWebhookSecret(params.id, caller.id);
  return { ...toWebhookEndpointJson(endpoint), secret };
});
