// The policy's rules at their boundaries: exactly at the notice or the cut-off, a minute either
// side, and across a DST change (notice and cut-offs are lengths of time, not wall-clock hours).
// Run under TZ=UTC and TZ=America/Los_Angeles: nothing here may depend on the process's zone.
import { describe, expect, it } from "vitest";
import { breaksNotice, earliestStart, pastCutoff, reachesLimit, withOverrides } from "./policy";

const MINUTE = 60_000;
const at = (iso: string) => new Date(iso);
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * MINUTE);

describe("minimum notice", () => {
  const now = at("2026-06-10T09:00:00Z");
  const policy = { minNoticeMinutes: 120 };

  it("allows a start exactly at now + notice and refuses one a minute sooner", () => {
    expect(earliestStart(policy, now)).toEqual(at("2026-06-10T11:00:00Z"));
    expect(breaksNotice(policy, plus(now, 120), now)).toBe(false);
    expect(breaksNotice(policy, plus(now, 119), now)).toBe(true);
    expect(breaksNotice(policy, plus(now, 121), now)).toBe(false);
  });

  it("leaves a start exactly now to the notice, and one already past to in_past", () => {
    expect(breaksNotice(policy, now, now)).toBe(true);
    expect(breaksNotice(policy, plus(now, -1), now)).toBe(false);
  });

  it("never bites at 0", () => {
    expect(breaksNotice({ minNoticeMinutes: 0 }, now, now)).toBe(false);
    expect(breaksNotice({ minNoticeMinutes: 0 }, plus(now, 1), now)).toBe(false);
  });

  it("counts real minutes over the spring-forward night in Los Angeles", () => {
    // 2026-03-08 02:00 PST becomes 03:00 PDT (10:00Z). At 01:30 PST (09:30Z), with 60 minutes'
    // notice, 03:00 PDT (10:00Z) is only 30 minutes ahead though the wall clock says 90.
    const night = at("2026-03-08T09:30:00Z");
    const hour = { minNoticeMinutes: 60 };
    expect(breaksNotice(hour, at("2026-03-08T10:00:00Z"), night)).toBe(true);
    expect(breaksNotice(hour, at("2026-03-08T10:29:00Z"), night)).toBe(true);
    expect(breaksNotice(hour, at("2026-03-08T10:30:00Z"), night)).toBe(false);
  });

  it("counts real minutes over the fall-back night in Los Angeles", () => {
    // 2026-11-01 02:00 PDT becomes 01:00 PST (09:00Z): 01:30 happens twice, an hour apart.
    const firstHalfPast = at("2026-11-01T08:30:00Z");
    const hour = { minNoticeMinutes: 60 };
    expect(breaksNotice(hour, at("2026-11-01T09:29:00Z"), firstHalfPast)).toBe(true);
    // The second 01:30 (PST) is exactly an hour later: bookable.
    expect(breaksNotice(hour, at("2026-11-01T09:30:00Z"), firstHalfPast)).toBe(false);
  });
});

describe("cancel and reschedule cut-offs", () => {
  const start = at("2026-06-10T15:00:00Z");

  it("allows a change exactly at start − cut-off and refuses one a minute later", () => {
    expect(pastCutoff(1440, start, at("2026-06-09T15:00:00Z"))).toBe(false);
    expect(pastCutoff(1440, start, at("2026-06-09T14:59:00Z"))).toBe(false);
    expect(pastCutoff(1440, start, at("2026-06-09T15:01:00Z"))).toBe(true);
  });

  it("never bites at 0 (an appointment that has started is in_past instead)", () => {
    expect(pastCutoff(0, start, plus(start, -1))).toBe(false);
    expect(pastCutoff(0, start, start)).toBe(false);
  });

  it("counts 24 hours, not one calendar day, over the spring-forward night", () => {
    // 10:00 PDT on 2026-03-08 (17:00Z): 24 hours earlier is 09:00 PST on 2026-03-07 (17:00Z).
    const sunday = at("2026-03-08T17:00:00Z");
    expect(pastCutoff(1440, sunday, at("2026-03-07T17:00:00Z"))).toBe(false);
    expect(pastCutoff(1440, sunday, at("2026-03-07T17:01:00Z"))).toBe(true);
    // 10:00 PST the day before (18:00Z) is only 23 hours ahead.
    expect(pastCutoff(1440, sunday, at("2026-03-07T18:00:00Z"))).toBe(true);
  });
});

describe("upcoming appointments per client", () => {
  it("lets a client below the limit book, not one at it; null is no limit", () => {
    expect(reachesLimit({ maxUpcomingPerClient: 2 }, 1)).toBe(false);
    expect(reachesLimit({ maxUpcomingPerClient: 2 }, 2)).toBe(true);
    expect(reachesLimit({ maxUpcomingPerClient: 2 }, 3)).toBe(true);
    expect(reachesLimit({ maxUpcomingPerClient: null }, 1000)).toBe(false);
  });
});

describe("the audit's policyOverride", () => {
  it("is added only when staff went past a rule", () => {
    const after = { id: "a" };
    expect(withOverrides(after, [])).toBe(after);
    expect(withOverrides(after, ["min_notice", "max_upcoming"])).toEqual({
      id: "a",
      policyOverride: ["min_notice", "max_upcoming"],
    });
  });
});
