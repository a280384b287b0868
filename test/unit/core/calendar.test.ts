// Time-of-day calendars: every-day peak, weekdays only, Chinese holidays, the wrap-around 2025 window.
import { describe, expect, it } from "vitest";
import { loadRateCards } from "../../../src/cards/load.js";
import { holidaysUnknownFrom, holidayWarning, isPeak, localTime, ruleAt, typicalPeakShare } from "../../../src/core/calendar.js";
import { Exact } from "../../../src/core/exact.js";
import { parseInstant } from "../../../src/core/instant.js";

const book = loadRateCards();
const peak2026 = book.calendars.get("deepseek-peak")!;
const window2025 = book.calendars.get("deepseek-2025-offpeak")!;
const peakAt = (t: string) => isPeak(peak2026, parseInstant(t));

describe("DeepSeek peak calendar (from 2026-08-16 16:00 UTC)", () => {
  it("applies peak windows every day in the first week, weekends included", () => {
    // 2026-08-22 is a Saturday; 02:00 UTC = 10:00 Beijing, inside 09:00-12:00.
    expect(peakAt("2026-08-22T02:00Z")).toBe(true);
    expect(typicalPeakShare(ruleAt(peak2026, parseInstant("2026-08-20"))!).eq(Exact.of(7n, 24n))).toBe(true);
  });

  it("keeps weekends off-peak all day from 2026-08-23", () => {
    expect(peakAt("2026-08-29T02:00Z")).toBe(false); // Saturday
    expect(peakAt("2026-08-30T07:00Z")).toBe(false); // Sunday
    expect(typicalPeakShare(ruleAt(peak2026, parseInstant("2026-09-01"))!).eq(Exact.of(35n, 168n))).toBe(true);
  });

  it("bills weekday hours by the Beijing windows, edges included", () => {
    // Wednesday 2026-09-02. Peak 01:00-04:00 and 06:00-10:00 UTC.
    expect(peakAt("2026-09-02T00:59Z")).toBe(false);
    expect(peakAt("2026-09-02T01:00Z")).toBe(true);
    expect(peakAt("2026-09-02T03:59Z")).toBe(true);
    expect(peakAt("2026-09-02T04:00Z")).toBe(false);
    expect(peakAt("2026-09-02T06:00Z")).toBe(true);
    expect(peakAt("2026-09-02T09:59Z")).toBe(true);
    expect(peakAt("2026-09-02T10:00Z")).toBe(false);
  });

  it("makes Chinese public holidays off-peak all day", () => {
    // National Day, Thursday 2026-10-01; the next regular working day is peak again.
    expect(peakAt("2026-10-01T02:00Z")).toBe(false);
    expect(peakAt("2026-10-07T02:00Z")).toBe(false);
    expect(peakAt("2026-10-08T02:00Z")).toBe(true);
  });

  it("anchors weekdays in Beijing time, not UTC", () => {
    // Sunday 2026-09-06 17:00 UTC is Monday 01:00 in Beijing: a weekday, but outside the windows.
    expect(localTime(parseInstant("2026-09-06T17:00Z"), "Asia/Shanghai")).toEqual({ date: "2026-09-07", weekday: 1, minute: 60 });
  });
});

describe("DeepSeek 2025 off-peak window (16:30-00:30 UTC daily)", () => {
  const at = (t: string) => isPeak(window2025, parseInstant(t));
  it("wraps around midnight", () => {
    expect(at("2025-03-01T16:29Z")).toBe(true);
    expect(at("2025-03-01T16:30Z")).toBe(false);
    expect(at("2025-03-01T23:59Z")).toBe(false);
    expect(at("2025-03-02T00:29Z")).toBe(false);
    expect(at("2025-03-02T00:30Z")).toBe(true);
  });
  it("prices 16 of 24 hours at the standard rate in a typical week", () => {
    expect(typicalPeakShare(window2025.rules[0]!).eq(Exact.of(2n, 3n))).toBe(true);
  });
});

describe("holidaysUnknownFrom", () => {
  const cal = (timeZone: string, holidaysKnownUntil?: number) => ({ ...peak2026, timeZone, ...(holidaysKnownUntil === undefined ? { holidaysKnownUntil: undefined } : { holidaysKnownUntil }) });

  it.each([
    ["UTC", "2027-01-01T00:00:00Z"],
    ["Asia/Shanghai", "2026-12-31T16:00:00Z"],
    ["America/St_Johns", "2027-01-01T03:30:00Z"],
    ["Pacific/Kiritimati", "2026-12-31T10:00:00Z"], // +14, the first zone into a new year
    ["Pacific/Pago_Pago", "2027-01-01T11:00:00Z"], // -11
    ["Pacific/Chatham", "2026-12-31T10:15:00Z"], // +13:45 in its summer
  ])("in %s is the local new year after holidays_known_until, %s; the warning starts exactly there", (tz, at) => {
    const c = cal(tz, 2026);
    const from = holidaysUnknownFrom(c);
    expect(new Date(from).toISOString()).toBe(at.replace("Z", ".000Z"));
    expect(holidayWarning(c, from - 1)).toBeUndefined();
    expect(holidayWarning(c, from)).toContain("on 2027-01-01 and later its holidays are unknown");
    expect(holidaysUnknownFrom(c)).toBe(from);
  });

  it("is never for a calendar without holidays_known_until", () => {
    const c = cal("Asia/Shanghai");
    expect(holidaysUnknownFrom(c)).toBe(Number.POSITIVE_INFINITY);
    expect(holidayWarning(c, Date.parse("2999-01-01"))).toBeUndefined();
  });
});
