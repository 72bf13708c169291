import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config.mjs";

type Rule = { source: string; headers: { key: string; value: string }[] };

describe("security headers (next.config.mjs)", () => {
  it("sends CSP with frame-ancestors, nosniff and a referrer policy on every page and API answer", async () => {
    const rules = (await nextConfig.headers?.()) as Rule[];
    const all = rules.find((r) => r.source === "/:path*");
    const header = (key: string) => all?.headers.find((h) => h.key === key)?.value;
    expect(header("Content-Security-Policy")).toMatch(/default-src 'self'/);
    expect(header("Content-Security-Policy")).toMatch(/frame-ancestors 'none'/);
    expect(header("Content-Security-Policy")).toMatch(/object-src 'none'/);
    expect(header("X-Content-Type-Options")).toBe("nosniff");
    expect(header("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(header("X-Frame-Options")).toBe("DENY");
  });

  it("has one policy for every path, the API reference included: no third-party origin anywhere", async () => {
    const rules = (await nextConfig.headers?.()) as Rule[];
    expect(rules.map((r) => r.source)).toEqual(["/:path*"]);
    expect(rules[0]?.headers.find((h) => h.key === "Content-Security-Policy")?.value).not.toMatch(/https:\/\/(?!\*)/);
  });
});
