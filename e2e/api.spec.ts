import { expect, registerClient, test } from "./fixtures";

test("health answers ok", async ({ request }) => {
  const res = await request.get("/api/v1/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ ok: true });
});

test("the token endpoint issues a bearer token that /me accepts", async ({ request }) => {
  const client = await registerClient(request, "api");
  const tokenRes = await request.post("/api/v1/auth/token", {
    data: { email: client.email, password: client.password },
  });
  expect(tokenRes.status()).toBe(200);
  const token = await tokenRes.json();
  expect(token).toMatchObject({
    tokenType: "Bearer",
    accessToken: expect.any(String),
    expiresIn: expect.any(Number),
    user: { email: client.email, name: client.name, role: "client" },
  });

  const me = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token.accessToken}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ id: token.user.id, email: client.email, role: "client" });
});

test("/me without a token is 401 unauthenticated", async ({ request }) => {
  const res = await request.get("/api/v1/me");
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe("unauthenticated");
});

test("a wrong password is 401 invalid_credentials", async ({ request }) => {
  const client = await registerClient(request, "api");
  const res = await request.post("/api/v1/auth/token", {
    data: { email: client.email, password: `${client.password}-wrong` },
  });
  expect(res.status()).toBe(401);
  const body = await res.json();
  expect(body.error.code).toBe("invalid_credentials");
  expect(JSON.stringify(body)).not.toContain(client.password);
});

test("answers carry a request id and the security headers", async ({ request }) => {
  const res = await request.get("/api/v1/health", { headers: { "X-Request-Id": "e2e-trace-1" } });
  expect(res.headers()["x-request-id"]).toBe("e2e-trace-1");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  const page = await request.get("/login");
  expect(page.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(page.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("the browsable reference renders every path of the OpenAPI description", async ({ page, request }) => {
  const spec = await request.get("/api/v1/openapi.json");
  expect(spec.status()).toBe(200);
  const { openapi, paths } = (await spec.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(openapi).toBe("3.1.0");
  const blocked: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") blocked.push(msg.text());
  });
  await page.goto("/api/docs");
  // Swagger UI renders one block per operation, its path in a `data-path` attribute.
  await expect(page.locator(".opblock").first()).toBeVisible();
  const shown = await page
    .locator(".opblock-summary-path")
    .evaluateAll((els) => els.map((el) => el.getAttribute("data-path")));
  expect(new Set(shown)).toEqual(new Set(Object.keys(paths)));
  expect(blocked, "console errors (a CSP refusal shows here)").toEqual([]);
});

test("/api/docs names an object inherits answer a JSON 404 with the security headers", async ({ request }) => {
  for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
    const res = await request.get(`/api/docs/${name}`);
    expect(res.status(), name).toBe(404);
    expect(await res.json(), name).toEqual({ error: { code: "not_found", message: "Asset not found." } });
    expect(res.headers()["content-security-policy"], name).toMatch(/default-src 'self'/);
    expect(res.headers()["x-content-type-options"], name).toBe("nosniff");
  }
});

test("a preflight from an origin not configured in CORS_ORIGINS is refused", async ({ request }) => {
  const res = await request.fetch("/api/v1/specialties", {
    method: "OPTIONS",
    headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "POST" },
  });
  expect(res.status()).toBe(403);
  expect(res.headers()["access-control-allow-origin"]).toBeUndefined();
});

test("a method a path does not serve answers 405 in the API's error shape", async ({ request }) => {
  const res = await request.delete("/api/v1/health");
  expect(res.status()).toBe(405);
  expect(res.headers().allow).toBe("GET");
  expect((await res.json()).error.code).toBe("method_not_allowed");
});
