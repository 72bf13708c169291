import { describe, expect, it } from "vitest";
import { LOCALES, localeFromAcceptLanguage } from "./config";
import { loadMessages, NAMESPACES } from "./messages";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("messages", () => {
  it("has the same keys in every language, so no string falls back to a key", async () => {
    const [first, ...rest] = await Promise.all(LOCALES.map(loadMessages));
    expect(first).toBeDefined();
    for (const ns of NAMESPACES) {
      const expected = keys(first?.[ns]).sort();
      for (const other of rest) expect(keys(other[ns]).sort(), ns).toEqual(expected);
    }
  });

  it("has no empty string", async () => {
    for (const messages of await Promise.all(LOCALES.map(loadMessages))) {
      for (const ns of NAMESPACES) {
        const flat = keys(messages[ns]).map((k) =>
          k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], messages[ns]),
        );
        expect(
          flat.every((s) => typeof s === "string" && s.trim().length > 0),
          ns,
        ).toBe(true);
      }
    }
  });
});

describe("localeFromAcceptLanguage", () => {
  it("takes the first supported language and falls back to English", () => {
    expect(localeFromAcceptLanguage("ru-RU,ru;q=0.9,en;q=0.8")).toBe("ru");
    expect(localeFromAcceptLanguage("de-DE,en-US;q=0.7")).toBe("en");
    expect(localeFromAcceptLanguage("fr")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
  });
});
