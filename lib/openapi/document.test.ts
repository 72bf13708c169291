import { validate } from "@readme/openapi-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as docsPage } from "@/app/api/docs/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { apiRoutes, HTTP_METHODS } from "@/testing/api-routes";
import { call } from "@/testing/http";
import { openApiDocument } from "./document";

let implemented: string[];
let described: string[];

beforeAll(async () => {
  implemented = (await apiRoutes()).flatMap((r) => Object.keys(r.handlers).map((m) => `${m} ${r.path}`));
  const paths = openApiDocument().paths ?? {};
  described = Object.entries(paths).flatMap(([p, item]) =>
    HTTP_METHODS.filter((m) => (item as Record<string, unknown>)[m.toLowerCase()]).map((m) => `${m} ${p}`),
  );
});

describe("OpenAPI description", () => {
  it("describes every endpoint a route file implements", () => {
    expect(implemented.filter((e) => !described.includes(e))).toEqual([]);
  });

  it("describes no endpoint that does not exist", () => {
    expect(described.filter((e) => !implemented.includes(e))).toEqual([]);
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = structuredClone(openApiDocument());
    const result = await validate(doc as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("gives every operation a summary, its auth and its error codes", () => {
    for (const [p, item] of Object.entries(openApiDocument().paths ?? {})) {
      for (const [method, op] of Object.entries(item as Record<string, Record<string, unknown>>)) {
        const label = `${method} ${p}`;
        expect(op.summary, label).toBeTruthy();
        expect(op.security, label).toBeDefined();
        expect(op["x-required-role"], label).toBeDefined();
        const responses = op.responses as Record<string, { description: string }>;
        expect(responses["429"]?.description, label).toContain("rate_limited");
      }
    }
  });

  it("is served at GET /api/v1/openapi.json, with a browsable reference at /api/docs", async () => {
    const res = await call(openApiRoute, "GET", "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe("3.1.0");
    expect(Object.keys(res.json.paths)).toContain("/workers/{ref}/slots");
    const page = await docsPage();
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("/api/v1/openapi.json");
  });
});
