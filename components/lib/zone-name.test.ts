import { describe, expect, it } from "vitest";
import { zoneLabel, zoneName } from "./zone-name";

describe("zoneName", () => {
  it("keeps the IANA id in English", () => {
    expect(zoneName("Europe/Moscow", "en")).toBe("Europe/Moscow");
  });

  it("names Russia's zones as Russians say them, after 'по'", () => {
    expect(`Время указано по ${zoneName("Europe/Moscow", "ru")}.`).toBe("Время указано по московскому времени.");
    expect(zoneName("Asia/Yekaterinburg", "ru")).toBe("екатеринбургскому времени");
  });

  it("names another zone by its Russian name from Intl, with the id", () => {
    expect(zoneName("America/New_York", "ru")).toBe("времени часового пояса «Восточная Америка» (America/New_York)");
  });

  it("falls back to the id for a zone Intl has no name for", () => {
    expect(zoneName("UTC", "ru")).toMatch(/^времени часового пояса .*UTC/);
  });
});

describe("zoneLabel", () => {
  it("is the IANA id in English, as the desk's tests select it", () => {
    expect(zoneLabel("Europe/Berlin", "en")).toBe("Europe/Berlin");
  });

  it("is the zone's Russian name with the id in Russian", () => {
    expect(zoneLabel("Europe/Berlin", "ru")).toBe("Центральная Европа (Europe/Berlin)");
    expect(zoneLabel("Etc/Unknown-Zone", "ru")).toBe("Etc/Unknown-Zone");
  });
});
