// The bodies and path of /webhooks (API.md "Webhooks"), for the handlers, the OpenAPI description
// and the manager's page.
import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/db/schema/webhooks";
import { lineSchema, textSchema } from "@/lib/validation/common";

export const webhookUrlSchema = lineSchema()
  .trim()
  .min(1, { message: "Enter the URL to send events to." })
  .max(2000)
  .refine(
    (text) => {
      try {
        const url = new URL(text);
        return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
      } catch {
        return false;
      }
    },
    { message: "Use an http:// or https:// URL." },
  )
  .describe("An http(s) URL. In production, loopback and private addresses are refused.");

export const webhookEventsSchema = z
  .array(z.enum(WEBHOOK_EVENTS, { message: `Use one of: ${WEBHOOK_EVENTS.join(", ")}.` }))
  .min(1, { message: "Choose at least one event." })
  .max(WEBHOOK_EVENTS.length * 4)
  // Each event once, in the order of the list of events.
  .transform((events) => WEBHOOK_EVENTS.filter((e) => events.includes(e)));

const descriptionSchema = textSchema()
  .trim()
  .max(500)
  .nullable()
  .transform((text) => (text ? text : null));

export const webhookCreateSchema = z
  .object({
    url: webhookUrlSchema,
    events: webhookEventsSchema,
    description: descriptionSchema.optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type WebhookCreate = z.infer<typeof webhookCreateSchema>;

export const webhookPatchSchema = z
  .object({
    url: webhookUrlSchema,
    events: webhookEventsSchema,
    description: descriptionSchema,
    active: z.boolean(),
  })
  .partial()
  .strict();
export type WebhookPatch = z.infer<typeof webhookPatchSchema>;

/**
 * `{id}` of a webhook: any text, so that an id that is not a UUID answers 404 like an unknown one
 * (the use cases look a UUID up and treat anything else as no such endpoint).
 */
export const webhookParamsSchema = z.object({
  id: z.string().describe("The endpoint's id (a UUID)."),
});
