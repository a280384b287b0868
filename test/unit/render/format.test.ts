// Display rounding: cents with separators, sub-cent amounts never shown as $0.00.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Exact } from "../../../src/core/exact.js";
import { chartScale, formatMoney, formatRate, formatShare, formatTokens } from "../../../src/render/format.js";

const d = (s: string) => Exact.parseDecimal(s)!;

describe("formatMoney", () => {
  it.each([
    ["1682", "$1,682.00"],
    ["168", "$168.00"],
    ["0", "$0.00"],
    ["0.000028", "$0.000028"],
    ["0.0000283", "$0.000028"],
    ["0.004", "$0.004"],
    ["0.005", "$0.005"],
    ["0.0051", "$0.01"],
    ["0.015", "$0.02"],
    ["1234567.891", "$1,234,567.89"],
    ["-12.5", "-$12.50"],
  ])("%s -> %s", (amount, shown) => {
    expect(formatMoney(d(amount), "USD")).toBe(shown);
  });
  it("uses the currency's symbol or code", () => {
    expect(formatMoney(d("2"), "CNY")).toBe("¥2.00");
    expect(formatMoney(d("2"), "CHF")).toBe("CHF 2.00");
  });
});

describe("other display formats", () => {
  it("shows rates exactly with at least two decimals", () => {
    expect(formatRate(d("0.028"), "USD")).toBe("$0.028");
    expect(formatRate(d("1.1"), "USD")).toBe("$1.10");
    expect(formatRate(d("0.003625"), "USD")).toBe("$0.003625");
    expect(formatRate(d("1234.5"), "CNY")).toBe("¥1,234.50");
    expect(formatRate(Exact.of(1n, 3n), "USD")).toBe("$0.333333333333");
    expect(formatRate(Exact.of(1n, 30000000000000n), "USD")).toBe("$0.00");
    expect(formatRate(Exact.of(1n, 4000000000000n), "USD")).toBe("$0.00000000000025");
  });
  it("shows a rate as its exact decimal (or 12 places) rounded to at least two places (property)", () => {
    const anyRate = fc
      .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.nat(16), fc.nat(16), fc.bigInt({ min: 1n, max: 999n }))
      .map(([n, twos, fives, rest]) => Exact.of(n, 2n ** BigInt(twos) * 5n ** BigInt(fives) * rest));
    fc.assert(
      fc.property(anyRate, (rate) => {
        const places = Math.max(2, rate.toDecimal().split(".")[1]?.length ?? 0);
        const fixed = rate.toFixedPlaces(places);
        const grouped = fixed.replace(/^-/, "").replace(/^\d+/, (w) => w.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
        expect(formatRate(rate, "USD")).toBe(`$${fixed.startsWith("-") ? "-" : ""}${grouped}`);
      }),
      { numRuns: 3000 },
    );
  });
  it("groups token counts and rounds expected fractional counts", () => {
    expect(formatTokens(Exact.int(2000000000))).toBe("2,000,000,000");
    expect(formatTokens(Exact.of(1250000000n, 3n))).toBe("416,666,666.67");
  });
  it("shows shares as fractions when they do not terminate", () => {
    expect(formatShare(Exact.of(35n, 168n))).toBe("5/24 = 20.83%");
    expect(formatShare(Exact.of(1n, 4n))).toBe("25%");
  });
});

describe("chartScale", () => {
  it("places values from 0 to 1 between the least and greatest, or from zero", () => {
    const values = ["2", "4", "10"].map(d);
    expect(values.map(chartScale(values).at)).toEqual([0, 0.25, 1]);
    expect(values.map(chartScale(values, true).at)).toEqual([0.2, 0.4, 1]);
    expect(chartScale([d("-5"), d("5")], true).at(d("0"))).toBe(0.5);
    expect(chartScale([d("3"), d("3")]).at(d("3"))).toBe(0);
    expect(chartScale([]).hi.eq(Exact.ZERO)).toBe(true);
  });

  it("places amounts past a JS number's range exactly: 1e400 draws like 1e3", () => {
    const huge = ["1e400", "3e400", "4e400"].map(d);
    const small = ["1e3", "3e3", "4e3"].map(d);
    const places = huge.map(chartScale(huge, true).at);
    expect(places).toEqual(small.map(chartScale(small, true).at));
    expect(places).toEqual([0.25, 0.75, 1]);
    expect(chartScale(huge).hi.eq(d("4e400"))).toBe(true);
  });
});
