// Display rounding: cents with separators, sub-cent amounts never shown as $0.00.
import { describe, expect, it } from "vitest";
import { Exact } from "../../../src/core/exact.js";
import { formatMoney, formatRate, formatShare, formatTokens } from "../../../src/render/format.js";

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
