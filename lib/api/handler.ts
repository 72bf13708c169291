import type { NextRequest } from "next/server";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { type CredentialSource, resolveCaller } from "@/lib/auth/caller";
import { type Caller, type Role, requireRole } from "@/lib/auth/roles";
import { authSecret } from "@/lib/auth/secret";
import { CallerGone, invalidJson, payloadTooLarge, unsupportedMediaType } from "@/lib/errors";
import { readCapped } from "./body";
import { answerKey, keepAnswer, type ReplayTerms } from "./kept-answers";
import { credentialSource } from "./origin";
import {
  type ApiRequest,
  beginRequest,
  DATA_HEADERS,
  enforceLimits,
  finishRequest,
  finishWithBody,
  finishWithData,
  type LimitName,
} from "./pipeline";
import { toErrorResponse } from "./respond";

const MAX_BODY_BYTES = 64 * 1024;

type Parsed<S extends z.ZodType | undefined> = S extends z.ZodType ? z.output<S> : undefined;

export type HandlerContext<Q, B, P, C> = { req: NextRequest; caller: C; query: Q; body: B; params: P };

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** Status 499 (nginx's "client closed request") for the log: not a failure of ours. */
const CALLER_GONE_STATUS = 499;

// As Request.text() decodes: a leading byte order mark dropped, invalid bytes as U+FFFD.
const utf8 = new TextDecoder();

async function readJsonBody(req: NextRequest): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw payloadTooLarge();
  // Counted as it arrives: a chunked body has no Content-Length to judge it by beforehand.
  const text = utf8.decode(await readCapped(req.body, MAX_BODY_BYTES, payloadTooLarge));
  if (text.length === 0) return {};
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw unsupportedMediaType();
  }
  try {
    return JSON.parse(text);
  } catch {
    throw invalidJson();
  }
}

const SESSION_COOKIE_PREFIXES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Whether next-auth's getToken could find a token here: an Authorization header, or a cookie named
 * like the session cookie or one of its chunks. Most reads are anonymous, and for them getToken's
 * cookie store and header parsing are skipped.
 */
function carriesCredentials(source: CredentialSource): boolean {
  if (source.headers.has("authorization")) return true;
  if (!source.headers.has("cookie")) return false;
  return source.cookies.getAll().some((c) => SESSION_COOKIE_PREFIXES.some((prefix) => c.name.startsWith(prefix)));
}

/** The caller, or null for a request without credentials (which still needs the secret configured). */
async function callerOf(source: CredentialSource): Promise<Caller | null> {
  if (carriesCredentials(source)) return resolveCaller(source);
  authSecret();
  return null;
}

/**
 * Data a handler answers with, and the terms on which our HTTP server may send the same answer again
 * to a signed-out GET of the same URL without running the handler (lib/api/kept-answers.ts); no terms:
 * it may not.
 */
export class Replayable {
  constructor(
    readonly data: unknown,
    readonly terms: ReplayTerms | null,
  ) {}
}

async function finishReplayable(req: NextRequest, result: Replayable, caller: Caller | null, request: ApiRequest) {
  const body = JSON.stringify(result.data);
  if (result.terms && caller === null && req.method === "GET") {
    const { validity, until } = result.terms;
    const answer = { body: Buffer.from(body), headers: { ...DATA_HEADERS }, validity, keptAt: Date.now(), until };
    keepAnswer(await getDb(), answerKey(req.nextUrl), answer);
  }
  return finishWithBody(req, body, request);
}

/**
 * The one wrapper for route handlers: spends the caller's rate-limit budget, resolves (bearer, or
 * same-site cookie) and authorizes the caller, parses path, query and body with zod, and maps every
 * error to API.md's shape. The handler returns data (sent as 200 JSON) or a Response; it still makes
 * its own ownership decisions with `caller`.
 */
export function route<
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  R extends Role | undefined = undefined,
>(
  spec: { role?: R; query?: Q; body?: B; params?: P; limit?: LimitName },
  handler: (
    ctx: HandlerContext<Parsed<Q>, Parsed<B>, Parsed<P>, R extends Role ? Caller : Caller | null>,
  ) => Promise<unknown>,
) {
  return async (req: NextRequest, context: RouteContext): Promise<Response> => {
    const request = beginRequest(req);
    let res: Response;
    try {
      await enforceLimits(req, spec.limit);
      const caller = await callerOf(credentialSource(req));
      if (spec.role) requireRole(caller, spec.role);
      const params = spec.params ? spec.params.parse(await context.params) : undefined;
      const query = spec.query ? spec.query.parse(Object.fromEntries(req.nextUrl.searchParams)) : undefined;
      const body = spec.body ? spec.body.parse(await readJsonBody(req)) : undefined;
      const result = await handler({ req, caller, query, body, params } as HandlerContext<
        Parsed<Q>,
        Parsed<B>,
        Parsed<P>,
        R extends Role ? Caller : Caller | null
      >);
      if (result instanceof Replayable) return await finishReplayable(req, result, caller, request);
      if (!(result instanceof Response)) return finishWithData(req, result, request);
      res = result;
    } catch (err) {
      res =
        err instanceof CallerGone ? new Response(null, { status: CALLER_GONE_STATUS }) : toErrorResponse(err, request);
    }
    return finishRequest(req, res, request);
  };
}
