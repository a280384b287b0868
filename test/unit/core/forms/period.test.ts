// Periods and call rates: totals over days and months, per-day averages, and the cases that must fail.
import { describe, expect, it } from "vitest";
import { Exact } from "../../../../src/core/exact.js";
import { estimate } from "../../../../src/core/estimate.js";
import { callsOverPeriod, parseCallRate, parsePeriod, periodSpan } from "../../../../src/core/forms/period.js";
import { at, BOOK, plan, workload, x } from "../../../helpers/plans.js";

describe("periods", () => {
  it("reads day counts and calendar months", () => {
    expect(parsePeriod("30d")).toEqual({ kind: "days", days: 30, text: "30d" });
    expect(periodSpan(parsePeriod("2026-02"), 0).days.toDecimal()).toBe("28");
    expect(periodSpan(parsePeriod("2026-12"), 0)).toMatchObject({ start: at("2026-12-01"), end: at("2027-01-01") });
    for (const bad of ["0d", "30", "2026-13", "month"]) expect(() => parsePeriod(bad)).toThrow();
  });

  it("reads call rates", () => {
    expect(parseCallRate("30_000/day")).toEqual({ calls: Exact.int(30000), per: "day" });
    expect(parseCallRate("1M")).toEqual({ calls: Exact.int(1_000_000) });
    expect(() => parseCallRate("5/fortnight")).toThrow(/not a rate unit/);
  });

  it("multiplies rates out over the period", () => {
    const d30 = parsePeriod("30d");
    expect(callsOverPeriod(Exact.int(30000), "day", d30).toDecimal()).toBe("900000");
    expect(callsOverPeriod(Exact.int(10), "hour", parsePeriod("2026-02")).toDecimal()).toBe(String(10 * 24 * 28));
    expect(callsOverPeriod(Exact.int(7000), "week", d30).toDecimal()).toBe("30000");
    expect(callsOverPeriod(Exact.int(1000), "week", parsePeriod("10d")).eq(Exact.of(10000n, 7n))).toBe(true);
    expect(callsOverPeriod(Exact.int(5), "month", parsePeriod("2026-12")).toDecimal()).toBe("5");
    expect(() => callsOverPeriod(Exact.int(5), "month", d30)).toThrow(/calendar-month period/);
    expect(() => callsOverPeriod(Exact.int(5), "day", undefined)).toThrow(/needs a period/);
  });

  it("reports the period total and the per-day average", () => {
    const w = workload({ calls: Exact.int(30000), callsPer: "day", period: parsePeriod("2026-05"), miss: Exact.int(1000) });
    const e = estimate(BOOK, plan(w), { asOf: at("2026-04-24"), models: [{ id: "deepseek-v4-flash" }] }).estimates[0]!;
    // May 2026 holds no price change: 30,000 x 31 days x 1000 misses x $0.14/1M = $130.20; per day $4.20.
    expect(e.total.eq(x("130.2"))).toBe(true);
    expect(e.items[0]!.period).toMatchObject({ text: "2026-05", days: Exact.int(31), calls: Exact.int(930000) });
    // One stretch, priced at the version in force in May (not the as-of instant's launch version), so it is shown.
    expect(e.items[0]!.stretches?.map((st) => st.priceFrom)).toEqual([at("2026-04-26T12:15Z")]);
    expect(e.items[0]!.period!.perDay.eq(x("4.2"))).toBe(true);
    expect(e.perDay!.eq(x("4.2"))).toBe(true);
  });
});
