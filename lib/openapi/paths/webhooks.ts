import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import {
  itemsOf,
  webhookDeliverySchema,
  webhookEndpointSchema,
  webhookEndpointWithSecretSchema,
  webhookTestSchema,
} from "@/lib/contract";
import { pageQuerySchema } from "@/lib/validation/common";
import { webhookCreateSchema, webhookParamsSchema, webhookPatchSchema } from "@/lib/webhooks/schemas";
import { describeEndpoint } from "../operation";

const DELIVERY =
  "Each message is POSTed as `{ type, timestamp, data }` (`data` is the Appointment or Client as this API answers " +
  "it) and signed per Standard Webhooks: headers `webhook-id` (the same on every try of a message), " +
  "`webhook-timestamp` (seconds) and `webhook-signature` (`v1,` and the base64 HMAC-SHA256 of " +
  '"id.timestamp.body" under the secret). A try fails on a non-2xx answer, a redirect (never followed) or no ' +
  "answer within 10 s; a message gets six tries, 1, 5, 10, 20 and 30 minutes apart (about 66 minutes in all).";
const TARGETS =
  "Only http(s) URLs. In production, a URL whose host is or resolves to a loopback, private, link-local, " +
  "unique-local or otherwise reserved address is refused with 400 (and checked again at each try) unless the " +
  "server sets WEBHOOK_ALLOW_PRIVATE=1.";
const NOT_FOUND = "An id that names no endpoint (or is not a UUID) answers 404.";

export function registerWebhooks(registry: OpenAPIRegistry) {
  const tag = "Webhooks";
  describeEndpoint(registry, {
    method: "get",
    path: "/webhooks",
    tag,
    summary: "List webhook endpoints",
    description: "Oldest first. The secrets are never shown here.",
    access: "manager",
    query: pageQuerySchema,
    ok: { status: 200, description: "A page of endpoints.", schema: itemsOf(webhookEndpointSchema) },
  });
  describeEndpoint(registry, {
    method: "post",
    path: "/webhooks",
    tag,
    summary: "Register a webhook endpoint",
    description:
      `Subscribes the URL to the events given. The answer carries the signing \`secret\`, shown this once. ${TARGETS} ` +
      `${DELIVERY} Audited.`,
    access: "manager",
    body: webhookCreateSchema,
    ok: { status: 201, description: "The endpoint with its secret.", schema: webhookEndpointWithSecretSchema },
  });
  describeEndpoint(registry, {
    method: "get",
    path: "/webhooks/{id}",
    tag,
    summary: "Get a webhook endpoint",
    description: NOT_FOUND,
    access: "manager",
    params: webhookParamsSchema,
    ok: { status: 200, description: "The endpoint.", schema: webhookEndpointSchema },
    errors: ["not_found"],
  });
  describeEndpoint(registry, {
    method: "patch",
    path: "/webhooks/{id}",
    tag,
    summary: "Change a webhook endpoint",
    description:
      "URL, events, description, active. Deactivating stops the endpoint's messages, retries included; the " +
      `messages already queued go to the new URL. ${TARGETS} Audited. ${NOT_FOUND}`,
    access: "manager",
    params: webhookParamsSchema,
    body: webhookPatchSchema,
    ok: { status: 200, description: "The changed endpoint.", schema: webhookEndpointSchema },
    errors: ["not_found"],
  });
  describeEndpoint(registry, {
    method: "delete",
    path: "/webhooks/{id}",
    tag,
    summary: "Delete a webhook endpoint",
    description: `With its delivery log; its pending tries are dropped. Audited. ${NOT_FOUND}`,
    access: "manager",
    params: webhookParamsSchema,
    ok: { status: 204, description: "Deleted." },
    errors: ["not_found"],
  });
  describeEndpoint(registry, {
    method: "post",
    path: "/webhooks/{id}/rotate-secret",
    tag,
    summary: "Rotate a webhook endpoint's secret",
    description:
      "A new secret, answered this once; every try from now on (retries of earlier messages included) is signed " +
      `with it. Audited. ${NOT_FOUND}`,
    access: "manager",
    params: webhookParamsSchema,
    ok: { status: 200, description: "The endpoint with its new secret.", schema: webhookEndpointWithSecretSchema },
    errors: ["not_found"],
  });
  describeEndpoint(registry, {
    method: "get",
    path: "/webhooks/{id}/deliveries",
    tag,
    summary: "List a webhook endpoint's delivery tries",
    description:
      "Newest first: one item per try of a message, with its status code, time, duration and error; a pending " +
      "item is a try still to come. A finished try is kept for 30 days after it was made (an extension of " +
      `API.md). ${NOT_FOUND}`,
    access: "manager",
    params: webhookParamsSchema,
    query: pageQuerySchema,
    ok: { status: 200, description: "A page of tries.", schema: itemsOf(webhookDeliverySchema) },
    errors: ["not_found"],
  });
  describeEndpoint(registry, {
    method: "post",
    path: "/webhooks/{id}/test",
    tag,
    summary: "Send a test message",
    description:
      "An extension of API.md: queues a message of type `webhook.test` (`data: { endpointId, message }`) to the " +
      "endpoint, active or not, signed and retried like any other; its tries appear in the deliveries. " +
      NOT_FOUND,
    access: "manager",
    params: webhookParamsSchema,
    ok: { status: 202, description: "Queued; the first try is pending.", schema: webhookTestSchema },
    errors: ["not_found"],
  });
}
