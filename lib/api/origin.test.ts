import { beforeAll, describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/v1/me/route";
import { POST as createSpecialty } from "@/app/api/v1/specialties/route";
import { apiGate } from "@/lib/server/api-gate";
import { userWithToken } from "@/testing/fixtures";
import { call } from "@/testing/http";

// Browsers send the session cookie; a bearer token stands for an external program.
const cookie = (token: string) => ({ cookie: `next-auth.session-token=${token}` });
const OWN = "http://localhost:3000";
const PARTNER = "https://partner.example";

let manager: string;
beforeAll(async () => {
  process.env.CORS_ORIGINS = `${PARTNER}, https://kiosk.example`;
  ({ token: manager } = await userWithToken("manager"));
});

describe("CSRF: the session cookie only works from the app's own pages", () => {
  it("accepts a cookie mutation from the app's own origin", async () => {
    const res = await call(createSpecialty, "POST", "/api/v1/specialties", {
      body: { name: "Own page" },
      headers: { ...cookie(manager), origin: OWN, "sec-fetch-site": "same-origin" },
    });
    expect(res.status).toBe(201);
  });

  it("refuses a cookie mutation from another origin with 403 and creates nothing", async () => {
    const res = await call(createSpecialty, "POST", "/api/v1/specialties", {
      body: { name: "Forged" },
      headers: { ...cookie(manager), origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("forbidden");
    const list = await call((await import("@/app/api/v1/specialties/route")).GET, "GET", "/api/v1/specialties");
    expect(list.json.items.map((s: { name: string }) => s.name)).not.toContain("Forged");
  });

  it("refuses a cookie mutation that Sec-Fetch-Site calls cross-site, even without Origin", async () => {
    const res = await call(createSpecialty, "POST", "/api/v1/specialties", {
      body: { name: "Forged too" },
      headers: { ...cookie(manager), "sec-fetch-site": "cross-site" },
    });
    expect(res.status).toBe(403);
  });

  it("does not affect bearer-token calls from an allowed origin", async () => {
    const res = await call(createSpecialty, "POST", "/api/v1/specialties", {
      body: { name: "Partner made" },
      token: manager,
      headers: { origin: PARTNER, "sec-fetch-site": "cross-site" },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("access-control-allow-origin")).toBe(PARTNER);
  });

  it("answers a cross-site read with the cookie as if signed out", async () => {
    const res = await call(me, "GET", "/api/v1/me", { headers: { ...cookie(manager), origin: PARTNER } });
    expect(res.status).toBe(401);
    const own = await call(me, "GET", "/api/v1/me", {
      headers: { ...cookie(manager), "sec-fetch-site": "same-origin" },
    });
    expect(own.status).toBe(200);
  });

  it("uses the bearer token, not the cookie, when a request carries both", async () => {
    const { token: client, user } = await userWithToken("client");
    const res = await call(me, "GET", "/api/v1/me", { token: client, headers: cookie(manager) });
    expect(res.json.id).toBe(user.id);
  });
});

describe("CORS", () => {
  const preflightTo = async (origin: string) => {
    const res = await apiGate("OPTIONS", "/api/v1/specialties", origin);
    if (!res) throw new Error("the preflight went through to Next.js");
    return res;
  };

  it("answers a preflight from a configured origin, never allowing credentials", async () => {
    const res = await preflightTo(PARTNER);
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(PARTNER);
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("refuses a preflight from an origin not in CORS_ORIGINS", async () => {
    const res = await preflightTo("https://evil.example");
    expect(res.status).toBe(403);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("lets configured origins read answers and their request id, and nobody else", async () => {
    const allowed = await call(me, "GET", "/api/v1/me", {
      token: manager,
      headers: { origin: "https://kiosk.example" },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://kiosk.example");
    expect(allowed.headers.get("access-control-expose-headers")).toContain("X-Request-Id");
    const other = await call(me, "GET", "/api/v1/me", { token: manager, headers: { origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect(other.headers.get("vary")).toContain("Origin");
  });
});

describe("request id", () => {
  it("echoes a caller's X-Request-Id and makes one up otherwise", async () => {
    const given = await call(me, "GET", "/api/v1/me", { token: manager, headers: { "x-request-id": "abc-123" } });
    expect(given.headers.get("x-request-id")).toBe("abc-123");
    const made = await call(me, "GET", "/api/v1/me", { token: manager, headers: { "x-request-id": "<script>" } });
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
