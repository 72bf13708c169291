import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { describeEndpoint } from "../operation";

export function registerSystem(registry: OpenAPIRegistry) {
  describeEndpoint(registry, {
    method: "get",
    path: "/health",
    tag: "System",
    summary: "Health check",
    description: "Answers when the app can reach its database; for load balancers.",
    access: "anyone",
    ok: { status: 200, description: "Healthy.", schema: z.object({ ok: z.literal(true) }) },
  });
  describeEndpoint(registry, {
    method: "get",
    path: "/openapi.json",
    tag: "System",
    summary: "This OpenAPI 3.1 description",
    description: "Generated from the zod schemas the handlers validate with. A browsable reference is at `/api/docs`.",
    access: "anyone",
    ok: { status: 200, description: "The OpenAPI document.", schema: z.record(z.string(), z.unknown()) },
  });
}
