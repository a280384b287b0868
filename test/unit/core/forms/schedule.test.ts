// Schedules: peak shares from the price calendar across time zones, a DST change and a Chinese holiday.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPeak, localTime, ruleAt, zoneOffset } from "../../../../src/core/calendar.js";
import { Exact } from "../../../../src/core/exact.js";
import { estimate } from "../../../../src/core/estimate.js";
import { parsePeriod } from "../../../../src/core/forms/period.js";
import { schedulePeakShare, typicalWeek } from "../../../../src/core/forms/schedule.js";
import { ZoneClock } from "../../../../src/core/forms/zone-clock.js";
import { parseHours } from "../../../../src/core/hours.js";
import type { Schedule } from "../../../../src/core/types.js";
import { at, BOOK, plan, workload, x } from "../../../helpers/plans.js";

const CAL = BOOK.calendars.get("deepseek-peak")!;

function schedule(hours: string, timeZone: string, days: Schedule["days"] = "all"): Schedule {
  return { windows: [parseHours(hours)], timeZone, days, text: `${hours} ${timeZone}` };
}

function typical(s: Schedule, asOf: string): Exact {
  const t = at(asOf);
  return schedulePeakShare(CAL, s, typicalWeek(t), ruleAt(CAL, t));
}

describe("schedule peak share", () => {
  it("is zero for a schedule entirely outside DeepSeek's peak hours, which then prices at off-peak rates", () => {
    const night = schedule("19:00-08:00", "Asia/Shanghai"); // peak is 09-12 and 14-18 Beijing time
    expect(typical(night, "2026-11-02").isZero()).toBe(true);
    const w = workload({ calls: x("1e6"), cachedPrefix: Exact.int(2000), miss: Exact.int(200), reply: Exact.int(300), schedule: night });
    const e = estimate(BOOK, plan(w), { asOf: at("2026-11-02"), models: [{ id: "deepseek-flash" }] }).estimates[0]!;
    expect(e.items[0]!.lines.every((l) => l.window === "off-peak")).toBe(true);
    // Off-peak deepseek-flash: 2000M x 0.003 + 200M x 0.15 + 300M x 0.60 = 6 + 30 + 180.
    expect(e.total.eq(Exact.int(216))).toBe(true);
    expect(e.items[0]!.schedule!.peakShare!.isZero()).toBe(true);
  });

  it("counts weekdays in Beijing: 09:00-12:00 Shanghai every day is 5/7 peak in a typical week", () => {
    expect(typical(schedule("09:00-12:00", "Asia/Shanghai"), "2026-11-02").eq(Exact.of(5n, 7n))).toBe(true);
    expect(typical(schedule("09:00-12:00", "Asia/Shanghai", "weekends"), "2026-11-02").isZero()).toBe(true);
  });

  it("follows a DST change: 03:00-06:00 Berlin is all peak in summer time, 2/3 in winter time", () => {
    const s = schedule("03:00-06:00", "Europe/Berlin", "weekdays");
    // CEST (UTC+2): 01:00-04:00 UTC, inside the 01:00-04:00 UTC peak. CET (UTC+1): 02:00-05:00 UTC, 2 of 3 hours peak.
    expect(typical(s, "2026-10-12").eq(Exact.ONE)).toBe(true);
    expect(typical(s, "2026-11-02").eq(Exact.of(2n, 3n))).toBe(true);
    // 30 days from 2026-10-12: 10 weekdays before the change (Oct 25) at 180 peak minutes, 12 after at 120.
    const span = { start: at("2026-10-12"), end: at("2026-11-11") };
    expect(schedulePeakShare(CAL, s, span).eq(Exact.of(10n * 180n + 12n * 120n, 22n * 180n))).toBe(true);
  });

  it("counts a Chinese public holiday as off-peak over a real period: October 2026", () => {
    const s = schedule("09:00-12:00", "Asia/Shanghai", "weekdays");
    // 22 weekdays in October 2026; Oct 1, 2, 5, 6, 7 are National Day holidays, so 17 are peak.
    const w = workload({ calls: Exact.int(1000), callsPer: "day", period: parsePeriod("2026-10"), miss: Exact.int(100), schedule: s });
    const e = estimate(BOOK, plan(w), { asOf: at("2026-10-01"), models: [{ id: "deepseek-flash" }] }).estimates[0]!;
    expect(e.items[0]!.schedule!.peakShare!.eq(Exact.of(17n, 22n))).toBe(true);
    // 1,000 calls on each of the 22 weekdays the schedule runs = 22,000 calls x 100 misses = 2.2M
    // tokens: 17/22 at $0.30, 5/22 at $0.15.
    expect(e.items[0]!.period!.calls.eq(Exact.int(22000))).toBe(true);
    expect(e.total.eq(x("2.2").mul(Exact.of(17n * 30n + 5n * 15n, 22n * 100n)))).toBe(true);
    expect(typical(s, "2026-10-12").eq(Exact.ONE)).toBe(true); // a typical week ignores holidays
  });

  it("puts a window past midnight on the day it starts: Friday 22:00 to Saturday 06:00 is a weekday run", () => {
    // Berlin 22:00-06:00 in winter is 21:00-05:00 UTC; peak 01:00-04:00 UTC; Beijing Saturday counts as weekend.
    const s = schedule("22:00-06:00", "Europe/Berlin", "weekdays");
    const friday = { start: at("2026-11-06T20:00Z"), end: at("2026-11-07T06:00Z") };
    // Only that run is in the span; its 01:00-04:00 UTC part falls on Saturday in Beijing: off-peak.
    expect(schedulePeakShare(CAL, s, friday).isZero()).toBe(true);
    const thursday = { start: at("2026-11-05T20:00Z"), end: at("2026-11-06T06:00Z") };
    expect(schedulePeakShare(CAL, s, thursday).eq(Exact.of(3n, 8n))).toBe(true);
  });

  it("agrees with isPeak minute by minute for an all-day schedule (property)", () => {
    const allDay = schedule("00:00-00:00", "UTC");
    fc.assert(
      fc.property(fc.integer({ min: at("2026-08-10") / 60000, max: at("2026-12-20") / 60000 }), fc.integer({ min: 1, max: 600 }), (startMin, minutes) => {
        const start = startMin * 60000;
        let peak = 0;
        for (let k = 0; k < minutes; k++) if (isPeak(CAL, start + k * 60000)) peak++;
        expect(schedulePeakShare(CAL, allDay, { start, end: start + minutes * 60000 }).eq(Exact.of(BigInt(peak), BigInt(minutes)))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("reads local time like Intl does, across DST changes (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom("Europe/Berlin", "America/New_York", "Asia/Shanghai", "Australia/Lord_Howe"), fc.integer({ min: at("2026-01-01") / 60000, max: at("2027-01-01") / 60000 }), (tz, m) => {
        const clock = new ZoneClock(tz);
        const t = m * 60000;
        expect({ ...clock.at(t) }).toEqual(localTime(t, tz));
        expect({ ...clock.at(t + 3_600_000 * 37) }).toEqual(localTime(t + 3_600_000 * 37, tz));
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ["America/St_Johns", "2026-03-08T05:30:00Z"],
    ["America/St_Johns", "2026-11-01T04:30:00Z"],
    ["Australia/Lord_Howe", "2026-10-03T15:30:00Z"],
    ["Europe/Berlin", "2026-10-25T01:00:00Z"],
  ])("walks %s minute by minute across its change at %s like Intl, and its stretch ends at the change", (tz, change) => {
    const clock = new ZoneClock(tz);
    const c = Date.parse(change);
    for (let t = c - 36 * 3_600_000; t < c + 36 * 3_600_000; t += 60000) expect([t, { ...clock.at(t) }]).toEqual([t, localTime(t, tz)]);
    expect(new ZoneClock(tz).stretch(c - 3_600_000).until).toBe(c);
    expect(new ZoneClock(tz).stretch(c - 3_600_000 + 1).until).toBe(c); // from inside a minute too
    expect(new ZoneClock(tz).stretch(c).offset).toBe(zoneOffset(c, tz));
  });
});
