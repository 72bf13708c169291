import { route } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { toWebhookDeliveryJson } from "@/lib/contract";
import { sendTestMessage } from "@/lib/webhooks/endpoints";
import { webhookParamsSchema } from "@/lib/webhooks/schemas";

export const POST = route({ role: "manager", params: webhookParamsSchema }, async ({ params }) => {
  const delivery = await sendTestMessage(params.id);
  return json({ messageId: delivery.messageId, delivery: toWebhookDeliveryJson(delivery) }, 202);
});
