import { describe, expect, it } from "vitest";
import { apiGate } from "@/lib/server/api-gate";
import { apiRoutes } from "@/testing/api-routes";
import { allowedMethods, ROUTE_METHODS } from "./methods";

describe("methods of the API paths", () => {
  it("lists exactly the methods every route file exports", async () => {
    const routes = await apiRoutes();
    expect(ROUTE_METHODS).toEqual(Object.fromEntries(routes.map((r) => [r.path, Object.keys(r.handlers)])));
  });

  it("matches concrete paths to their templates", () => {
    expect(allowedMethods("/api/v1/workers/anna/slots")).toEqual(["GET"]);
    expect(allowedMethods("/api/v1/appointments/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed/cancel")).toEqual(["POST"]);
    expect(allowedMethods("/api/v1/no/such/path/here")).toBeUndefined();
  });

  it("answers a method a path does not serve with 405 in the API's error shape", async () => {
    for (const [method, path, allow] of [
      ["DELETE", "/api/v1/health", "GET"],
      ["PUT", "/api/v1/appointments", "GET, POST"],
      ["GET", "/api/v1/shifts/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed", "PATCH, DELETE"],
    ] as const) {
      const res = await apiGate(method, path, null);
      if (!res) throw new Error(`${method} ${path} went through`);
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get("allow")).toBe(allow);
      expect((await res.json()).error).toMatchObject({ code: "method_not_allowed" });
    }
  });

  it("lets the methods a path serves through to its handler", () => {
    expect(apiGate("GET", "/api/v1/health", null)).toBeUndefined();
    expect(apiGate("HEAD", "/api/v1/health", null)).toBeUndefined();
    expect(apiGate("POST", "/api/v1/appointments", null)).toBeUndefined();
  });

  it("leaves paths outside /api/v1, and ones Next.js redirects, to Next.js", () => {
    expect(apiGate("DELETE", "/api/docs/index.html", null)).toBeUndefined();
    expect(apiGate("DELETE", "/workers", null)).toBeUndefined();
    expect(apiGate("DELETE", "/api/v1/health/", null)).toBeUndefined();
    expect(apiGate("OPTIONS", "/api/v10/health", null)).toBeUndefined();
  });
});
