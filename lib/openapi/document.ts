// The OpenAPI 3.1 description of /api/v1, built from one small module per API area. To describe a
// new area, add lib/openapi/paths/<area>.ts exporting a register function (see catalog.ts) and list
// it in AREAS; the coverage test then matches it against the route files.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { registerAppointments } from "./paths/appointments";
import { registerAuth } from "./paths/auth";
import { registerBusiness } from "./paths/business";
import { registerCalendar } from "./paths/calendar";
import { registerCatalog } from "./paths/catalog";
import { registerClients } from "./paths/clients";
import { registerNotifications } from "./paths/notifications";
import { registerReports } from "./paths/reports";
import { registerSchedules } from "./paths/schedules";
import { registerSlots } from "./paths/slots";
import { registerSystem } from "./paths/system";
import { registerUploads } from "./paths/uploads";
import { registerUsers } from "./paths/users";
import { registerWaitlist } from "./paths/waitlist";
import { registerWebhooks } from "./paths/webhooks";

const AREAS: ((registry: OpenAPIRegistry) => void)[] = [
  registerSystem,
  registerAuth,
  registerCatalog,
  registerBusiness,
  registerSchedules,
  registerSlots,
  registerAppointments,
  registerCalendar,
  registerNotifications,
  registerClients,
  registerUsers,
  registerReports,
  registerWaitlist,
  registerWebhooks,
  registerUploads,
];

let cached: ReturnType<OpenApiGeneratorV31["generateDocument"]> | undefined;

export function openApiDocument() {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "An access token from POST /auth/token.",
  });
  registry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description: "The browser session (same-site requests only; `__Secure-` prefixed behind HTTPS).",
  });
  for (const register of AREAS) register(registry);
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Slotwise API",
      version: "1.0.0",
      description:
        "Booking API: catalog, schedules, slots, appointments, clients, users, stats and the audit log. JSON in and out; errors are " +
        "`{ error: { code, message, details } }`. Every `{ref}` takes an id or a slug. Lists answer `{ items }` " +
        "and take `limit` (default 50, at most 200) and `offset`. Every answer carries X-Request-Id. " +
        "Names, slugs, emails, phones, codes, refs and searches refuse control characters (TAB, CR, LF among them) " +
        "with 400 validation_failed; free text (notes, descriptions, bios, reasons) keeps line breaks and tabs. " +
        "A time zone must be one the server's database knows too: old links such as US/Pacific-New are refused.",
    },
    servers: [{ url: "/api/v1" }],
  });
  return cached;
}
