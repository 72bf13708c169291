import { describe, expect, it } from "vitest";
import { businessPatchSchema } from "./business";
import { servicePatchSchema, workerPatchSchema } from "./catalog";
import { imageUrlSchema } from "./image-url";

const stored = `/uploads/${"ab12".repeat(16)}.webp`;

describe("the image fields", () => {
  it("take an http(s) URL, an uploaded image's /uploads/ path, or null", () => {
    for (const value of ["https://cdn.example.com/a.png", "http://example.com/x", stored, null]) {
      expect(imageUrlSchema.safeParse(value).success, String(value)).toBe(true);
    }
    expect(servicePatchSchema.parse({ imageUrl: stored }).imageUrl).toBe(stored);
    expect(workerPatchSchema.parse({ avatarUrl: stored }).avatarUrl).toBe(stored);
    expect(businessPatchSchema.parse({ logoUrl: stored }).logoUrl).toBe(stored);
  });

  it("refuse other schemes and any other local path", () => {
    const refused = [
      "javascript:alert(1)",
      "ftp://x.y/z",
      "data:image/png;base64,AAAA",
      "/uploads/../package.json",
      `/uploads/${"ab12".repeat(16)}.svg`,
      `/uploads/${"AB12".repeat(16)}.webp`,
      `${stored}?x=1`,
      `//evil.example${stored}`,
      "/manage",
      "not a url",
      `https://example.com/${"x".repeat(2048)}`,
    ];
    for (const value of refused) {
      const result = imageUrlSchema.safeParse(value);
      expect(result.success, value).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(
        "Use an http(s) URL or the /uploads/… address of an uploaded image.",
      );
    }
  });
});
