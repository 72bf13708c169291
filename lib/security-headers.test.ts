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

  it("lets only the API reference page load its viewer from the CDN", async () => {
    const rules = (await nextConfig.headers?.()) as Rule[];
    const docs = rules.at(-1);
    expect(docs?.source).toBe("/api/docs");
    expect(docs?.headers[0]?.value).toMatch(/script-src 'self' https:\/\/cdn\.jsdelivr\.net/);
    expect(docs?.headers[0]?.value).toMatch(/frame-ancestors 'none'/);
    expect(rules[0]?.headers[0]?.value).not.toMatch(/jsdelivr/);
  });
});
