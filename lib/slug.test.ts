import { describe, expect, it } from "vitest";
import { firstFreeSlug, SLUG_MAX, SLUG_PATTERN, slugFromName } from "./slug";

describe("slugFromName", () => {
  it.each([
    ["Анна Смирнова", "anna-smirnova"],
    ["Северная клиника", "severnaya-klinika"],
    ["Kiez Barbers Ü", "kiez-barbers-ue"],
    ["  Cut & Beard!  ", "cut-and-beard"],
    ["Щёголь", "schyogol"],
  ])("%s → %s", (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
    expect(slug).toMatch(SLUG_PATTERN);
  });

  it("falls back to a usable slug for names with no letters or digits", () => {
    expect(slugFromName("🙂🙂")).toMatch(SLUG_PATTERN);
  });

  it("keeps slugs within the length limit without a trailing hyphen", () => {
    const slug = slugFromName(`${"a".repeat(79)} b`);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(slug).toMatch(SLUG_PATTERN);
  });
});

describe("firstFreeSlug", () => {
  it("never leaves a double hyphen when it shortens a long slug for the suffix", () => {
    const base = `${"a".repeat(77)}-bc`;
    expect(firstFreeSlug(base, new Set([base]))).toMatch(SLUG_PATTERN);
  });

  it("numbers a taken slug from 2", () => {
    expect(firstFreeSlug("anna", new Set())).toBe("anna");
    expect(firstFreeSlug("anna", new Set(["anna"]))).toBe("anna-2");
    expect(firstFreeSlug("anna", new Set(["anna", "anna-2"]))).toBe("anna-3");
  });
});
