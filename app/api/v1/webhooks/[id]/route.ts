import { route } from "@/lib/api/handler";
import { toWebhookEndpointJson } from "@/lib/contract";
import { deleteWebhook, getWebhook, updateWebhook } from "@/lib/webhooks/endpoints";
import { webhookParamsSchema, webhookPatchSchema } from "@/lib/webhooks/schemas";

export const GET = route({ role: "manager", params: webhookParamsSchema }, async ({ params }) =>
  toWebhookEndpointJson(await getWebhook(params.id)),
);

export const PATCH = route(
  { role: "manager", params: webhookParamsSchema, body: webhookPatchSchema },
  async ({ params, body, caller }) => toWebhookEndpointJson(await updateWebhook(params.id, body, caller.id)),
);

export const DELETE = route({ role: "manager", params: webhookParamsSchema }, async ({ params, caller }) => {
  await deleteWebhook(params.id, caller.id);
  return new Response(null, { status: 204 });
});
