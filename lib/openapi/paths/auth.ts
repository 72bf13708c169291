import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { tokenSchema, userSchema } from "@/lib/contract";
import { credentialsSchema, registerSchema } from "@/lib/validation/auth";
import { describeEndpoint } from "../operation";

const LIMITS =
  "Limited per client IP (shared with register and the browser sign-in) and per account: each email gets " +
  "5 password checks in 15 minutes, counted atomically before the password is checked (a right password " +
  "gives them back), so however many tries arrive at once the 6th answers 429 with Retry-After until that " +
  "window ends. With REDIS_URL the count lives in Redis only: while Redis cannot be reached, sign-in " +
  "answers 503 `unavailable` with Retry-After rather than count afresh.";

export function registerAuth(registry: OpenAPIRegistry) {
  describeEndpoint(registry, {
    method: "post",
    path: "/auth/token",
    tag: "Auth",
    summary: "Get a bearer token",
    description: `Send \`Authorization: Bearer <accessToken>\` afterwards. ${LIMITS}`,
    access: "anyone",
    body: credentialsSchema,
    ok: { status: 200, description: "A token for the user.", schema: tokenSchema },
    errors: ["invalid_credentials"],
  });
  describeEndpoint(registry, {
    method: "post",
    path: "/auth/register",
    tag: "Auth",
    summary: "Register a client account",
    description: "Passwords: at least 8 characters. Limited per client IP.",
    access: "anyone",
    body: registerSchema,
    ok: { status: 201, description: "The new client user.", schema: z.object({ user: userSchema }) },
    errors: ["already_exists"],
  });
  describeEndpoint(registry, {
    method: "get",
    path: "/me",
    tag: "Auth",
    summary: "The signed-in user",
    access: "client",
    ok: { status: 200, description: "The caller's user record.", schema: userSchema },
    errors: ["not_found"],
  });
}
