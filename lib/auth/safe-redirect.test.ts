import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it.each([
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "/\u0000/evil.example",
    "/\u200b/evil.example",
    "/\u00a0/evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\\/evil.example",
    "https://evil.example",
    "https://evil.example/manage",
    "HTTPS://evil.example",
    "https:/evil.example",
    "//evil.example/%2F..",
    "/..//evil.example",
    "/%2e%2e//evil.example",
    "/./..//evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "mailto:a@evil.example",
    "http://localhost:3000@evil.example",
    "",
    "   ",
    undefined,
    null,
    42,
  ])("refuses %j", (target) => {
    expect(safeRedirectPath(target)).toBe("/");
    expect(safeRedirectPath(target, { origin: "http://localhost:3000", fallback: "/home" })).toBe("/home");
  });

  it.each([
    ["/manage", "/manage"],
    [
      "/book?worker=anna&start=2026-03-02T09%3A00%3A00%2B03%3A00",
      "/book?worker=anna&start=2026-03-02T09%3A00%3A00%2B03%3A00",
    ],
    ["/appointments#upcoming", "/appointments#upcoming"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/workers/анна", "/workers/%D0%B0%D0%BD%D0%BD%D0%B0"],
    ["manage", "/manage"],
    // Same scheme as the base without slashes: a relative path by the URL standard, so it stays here.
    ["http:evil.example", "/evil.example"],
  ])("keeps the same-site path %j", (target, path) => {
    expect(safeRedirectPath(target)).toBe(path);
  });

  it("takes an absolute URL only on the given origin", () => {
    const origin = "https://book.example.com";
    expect(safeRedirectPath("https://book.example.com/admin?day=1", { origin })).toBe("/admin?day=1");
    expect(safeRedirectPath("http://book.example.com/admin", { origin })).toBe("/");
    expect(safeRedirectPath("https://book.example.com.evil.example/", { origin })).toBe("/");
    expect(safeRedirectPath("https://book.example.com:8443/", { origin })).toBe("/");
  });
});
