// Thousands of malformed requests to every endpoint: wrong types, missing and unknown fields, huge
// strings, bad dates, unknown refs, bad JSON, wrong content types and methods, garbage tokens. None
// may answer 5xx, and every error must have API.md's shape. The endpoints come from the route files
// and the field and header names from the OpenAPI description, so endpoints added later are fuzzed too.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, trustClientAddressHeader } from "@/lib/api/client-ip";
import { ERROR_CODES } from "@/lib/errors";
import { openApiDocument } from "@/lib/openapi/document";
import { type ApiRoute, apiRoutes, HTTP_METHODS } from "@/testing/api-routes";
import { makeLocation, makeService, makeSpecialty, makeWorker, userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
// Each generated request comes from its own address, handed over as our HTTP server hands it to the
// app (lib/server), so the per-IP budget does not answer the fuzzing with 429.
trustClientAddressHeader();
const routes = await apiRoutes();
const spec = openApiDocument();

type Operation = { parameters?: { name: string; in: string }[]; requestBody?: unknown };
const operation = (route: ApiRoute, method: string) =>
  (spec.paths?.[route.path] as Record<string, Operation> | undefined)?.[method.toLowerCase()];

/** Field names the description gives a body (one level deep), so generated bodies hit real fields. */
function bodyFields(op: Operation | undefined): string[] {
  const schema = (op?.requestBody as { content?: Record<string, { schema?: { properties?: object } }> } | undefined)
    ?.content?.["application/json"]?.schema;
  return Object.keys(schema?.properties ?? {});
}

const queryNames = (op: Operation | undefined) =>
  (op?.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);

const headerNames = (op: Operation | undefined) =>
  (op?.parameters ?? []).filter((p) => p.in === "header").map((p) => p.name);

let refs: string[] = [];
let tokens: string[] = [];

beforeAll(async () => {
  const location = await makeLocation();
  const specialty = await makeSpecialty();
  const service = await makeService();
  const worker = await makeWorker({ locationId: location.id, specialtyId: specialty.id }, [service.id]);
  refs = [location, specialty, service, worker].flatMap((row) => [row.id, row.slug]);
  tokens = await Promise.all(
    (["client", "admin", "manager"] as const).map(async (r) => (await userWithToken(r)).token),
  );
});

const badDates = fc.constantFrom(
  "2026-02-30",
  "2026-13-01",
  "2026-03-02T25:00:00Z",
  "2026-03-02T09:00:00",
  "9999-12-31T23:59:59+14:00",
  "0000-01-01",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:00:00-05:00",
  "-000001-01-01T00:00:00Z",
  "2026-03-29T02:30:00+01:00",
  "",
);
const strangeStrings = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom("x".repeat(5000), "'; drop table users; --", "%00", "\u0000", "../..", "NaN", "null", "-1", "1e309"),
);
// What a header can carry at all (a ByteString without NUL, CR or LF), up to well past any limit.
const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 300 }),
  fc.uuid().map(String),
  fc.constantFrom("", " ", "x".repeat(5000), "null"),
);
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  strangeStrings,
  badDates,
  fc.uuid().map(String),
  fc.constantFrom(...["refs"]).chain(() => fc.constantFrom(...refs)),
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
  fc.double({ noNaN: true }),
  fc.constant(null),
);

function bodyArb(fields: string[]) {
  const known = fields.length
    ? fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: fields.length + 1 })
    : fc.object();
  return fc.oneof(
    { arbitrary: known.map((b) => ({ body: b })), weight: 5 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((b) => ({ body: b })), weight: 2 },
    {
      arbitrary: fc.constantFrom("{", "{'a':1}", "[1,]", "\u0000", "nul", '{"a":1}}').map((raw) => ({ rawBody: raw })),
      weight: 1,
    },
    { arbitrary: fc.constant({ rawBody: JSON.stringify({ text: "x".repeat(70 * 1024) }) }), weight: 1 },
    { arbitrary: fc.constant({}), weight: 1 },
  );
}

const rawBodyOf = (b: { rawBody?: string; body?: unknown }) => b.rawBody ?? JSON.stringify(b.body ?? null);

function requestArb(route: ApiRoute, method: string) {
  const op = operation(route, method);
  const params = fc.record(
    Object.fromEntries(
      route.params.map((p) => [p, fc.oneof(fc.constantFrom(...refs), fc.uuid().map(String), strangeStrings)]),
    ),
  );
  const names = [...queryNames(op), "limit", "offset", "unknown"];
  const query = fc.dictionary(fc.constantFrom(...names), fc.oneof(strangeStrings, badDates, fc.constantFrom(...refs)), {
    maxKeys: 4,
  });
  const described = headerNames(op);
  const extraHeaders = described.length
    ? fc.dictionary(fc.constantFrom(...described), headerValue, { maxKeys: described.length })
    : fc.constant({});
  const auth = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom(...tokens),
    fc.constantFrom("garbage", "Bearer", "e30."),
  );
  const contentType = fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "");
  // Mostly the endpoint's own method; sometimes another, as a misrouted request would carry.
  const methodArb = fc.oneof(
    { arbitrary: fc.constant(method), weight: 4 },
    { arbitrary: fc.constantFrom(...HTTP_METHODS), weight: 1 },
  );
  return fc.record({
    params,
    query,
    extraHeaders,
    auth,
    contentType,
    body: bodyArb(bodyFields(op)),
    method: methodArb,
    ip: fc.ipV4(),
  });
}

function expectApiAnswer(res: { status: number; json: unknown }, label: string) {
  expect(res.status, label).toBeLessThan(500);
  if (res.status < 400) return;
  const body = res.json as { error?: { code?: unknown; message?: unknown; details?: unknown } };
  expect(ERROR_CODES, label).toContain(body?.error?.code);
  expect(typeof body.error?.message, label).toBe("string");
  expect(body.error?.details === undefined || typeof body.error.details === "object", label).toBe(true);
  expect(JSON.stringify(body), label).not.toMatch(/\bat \S+:\d+|drizzle|postgres|pglite|SQLSTATE|select .* from/i);
}

describe("fuzzing every endpoint", () => {
  it("finds the endpoints in the route files", () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.map((r) => r.path)).toContain("/workers/{ref}/slots");
  });

  for (const route of routes) {
    for (const [method, handler] of Object.entries(route.handlers)) {
      it(`${method} ${route.path}: no 5xx, API error shape`, async () => {
        await fc.assert(
          fc.asyncProperty(requestArb(route, method), async (r) => {
            const url = new URL(
              `http://localhost:3000/api/v1${route.path.replace(/\{(\w+)\}/g, (_, p) => encodeURIComponent(r.params[p] ?? ""))}`,
            );
            for (const [k, v] of Object.entries(r.query))
              url.searchParams.set(k, typeof v === "string" ? v : JSON.stringify(v));
            const headers: Record<string, string> = { ...r.extraHeaders, [CLIENT_ADDRESS_HEADER]: r.ip };
            if (r.contentType) headers["content-type"] = r.contentType;
            if (r.auth) headers.authorization = `Bearer ${r.auth}`;
            const withBody = r.method !== "GET" && r.method !== "DELETE";
            const res = await call(handler as never, r.method, url.toString(), {
              params: r.params,
              headers,
              rawBody: withBody ? rawBodyOf(r.body) : undefined,
            });
            expectApiAnswer(res, `${r.method} ${url.pathname}${url.search}`.slice(0, 300));
          }),
          { numRuns: RUNS },
        );
      });
    }
  }
});
