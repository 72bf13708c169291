// One helper to describe an endpoint, so every area file says only what is particular to it. The
// errors every endpoint of a kind can answer (bad input, missing role, rate limit) are added here,
// from the same facts route() acts on: whether there are params/query/body and which role is needed.
import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import type { Role } from "@/lib/auth/roles";
import { errorSchema } from "@/lib/contract/error";
import type { ErrorCode } from "@/lib/errors";

type Method = "get" | "post" | "put" | "patch" | "delete";
type ZodObjectLike = z.ZodObject;

export type Endpoint = {
  method: Method;
  /** Relative to the server URL `/api/v1`, with `{ref}`/`{id}` parameters. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** `anyone`: no credentials needed (they may still change what is shown). */
  access: "anyone" | Role;
  /** A query parameter holding a secret with which anyone may call, signed in or not (feed URLs). */
  secretQuery?: string;
  params?: ZodObjectLike;
  query?: ZodObjectLike;
  /** Request headers the handler reads, with the schema it validates them with. */
  headers?: ZodObjectLike;
  body?: z.ZodType;
  /** The body's media type when it is not JSON (`multipart/form-data` for uploads). */
  bodyContentType?: string;
  ok: {
    status: number;
    description: string;
    schema?: z.ZodType;
    contentType?: string;
    headers?: Record<string, { description: string; schema: { type: "string" | "integer" } }>;
  };
  /** Domain errors of this endpoint, besides the ones added for input, access and rate limits. */
  errors?: ErrorCode[];
};

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  invalid_token: 400,
  forbidden: 403,
  account_blocked: 403,
  not_found: 404,
  method_not_allowed: 405,
  slot_taken: 409,
  client_busy: 409,
  cutoff_passed: 409,
  not_available: 409,
  no_worker_free: 409,
  location_busy: 409,
  worker_busy: 409,
  has_appointments: 409,
  already_exists: 409,
  idempotency_key_reused: 422,
  last_manager: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
};

function errorCodes(e: Endpoint): ErrorCode[] {
  const codes = new Set<ErrorCode>(e.errors ?? []);
  if (e.params || e.query || e.headers || e.body) codes.add("validation_failed");
  if (e.body)
    for (const code of ["invalid_json", "payload_too_large", "unsupported_media_type"] as const)
      if (code !== "invalid_json" || !e.bodyContentType) codes.add(code);
  if (e.access !== "anyone") for (const code of ["unauthenticated", "account_blocked"] as const) codes.add(code);
  if (e.access !== "anyone" && e.access !== "client") codes.add("forbidden");
  // Any request with a blocked user's credentials is refused, on public endpoints too.
  codes.add("account_blocked");
  codes.add("rate_limited");
  // Any endpoint may find the database (or the shared rate-limit store) unreachable for a moment.
  codes.add("unavailable");
  return [...codes];
}

function errorResponses(codes: ErrorCode[]): Record<string, ResponseConfig> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(STATUS[code], [...(byStatus.get(STATUS[code]) ?? []), code]);
  const responses: Record<string, ResponseConfig> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    const schema = errorSchema.extend({ error: errorSchema.shape.error.extend({ code: z.enum(list) }) });
    responses[status] = {
      description: `Error: ${list.map((c) => `\`${c}\``).join(", ")}.`,
      headers:
        status === 429 || status === 503
          ? { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } }
          : undefined,
      content: { "application/json": { schema } },
    };
  }
  return responses;
}

const SIGNED_IN: Record<string, string[]>[] = [{ bearerAuth: [] }, { sessionCookie: [] }];

function accessSentence(e: Endpoint): string {
  if (e.access === "anyone") return "Anyone may call this.";
  const role = `Requires the role \`${e.access}\` or above`;
  return e.secretQuery ? `${role}, unless \`${e.secretQuery}\` is given: with it no sign-in is needed.` : `${role}.`;
}

export function describeEndpoint(registry: OpenAPIRegistry, e: Endpoint) {
  const ok: ResponseConfig = { description: e.ok.description, headers: e.ok.headers };
  if (e.ok.schema) ok.content = { [e.ok.contentType ?? "application/json"]: { schema: e.ok.schema } };
  const config: RouteConfig = {
    method: e.method,
    path: e.path,
    tags: [e.tag],
    summary: e.summary,
    description: [e.description, accessSentence(e)].filter(Boolean).join("\n\n"),
    security: e.access === "anyone" || e.secretQuery ? [{}, ...SIGNED_IN] : SIGNED_IN,
    request: {
      params: e.params,
      query: e.query,
      headers: e.headers,
      body: e.body
        ? { required: true, content: { [e.bodyContentType ?? "application/json"]: { schema: e.body } } }
        : undefined,
    },
    responses: { [e.ok.status]: ok, ...errorResponses(errorCodes(e)) },
  };
  registry.registerPath({ ...config, "x-required-role": e.access } as RouteConfig);
}
