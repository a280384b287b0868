// Counts, shares and amounts as users write them, parsed exactly or rejected.
import { describe, expect, it } from "vitest";
import { Exact } from "../../../src/core/exact.js";
import { parseAmount, parseCount, parseShare } from "../../../src/core/quantity.js";

describe("parseCount", () => {
  it.each([
    ["1000000", 1000000n],
    ["1_000_000", 1000000n],
    ["1,000,000", 1000000n],
    ["1e6", 1000000n],
    ["1M", 1000000n],
    ["2k", 2000n],
    ["2K", 2000n],
    ["1.5M", 1500000n],
    ["0", 0n],
    ["3B", 3000000000n],
    ["2.5e3", 2500n],
  ])("%s = %s", (text, expected) => {
    expect(parseCount(text).eq(Exact.int(expected))).toBe(true);
  });

  it.each([
    ["-5", /negative/],
    ["1.5", /not a whole number/],
    ["1.0001k", /not a whole number/],
    ["lots", /not a number/],
    ["", /not a number/],
    ["1e", /not a number/],
    ["5 M", /not a number/],
    ["0x10", /not a number/],
  ])("rejects %s", (text, message) => {
    expect(() => parseCount(text)).toThrow(message);
  });
});

describe("parseShare", () => {
  it("reads fractions, percentages and ratios exactly", () => {
    expect(parseShare("0.25").eq(Exact.of(1n, 4n))).toBe(true);
    expect(parseShare("25%").eq(Exact.of(1n, 4n))).toBe(true);
    expect(parseShare("1/3").eq(Exact.of(1n, 3n))).toBe(true);
    expect(parseShare("100%").eq(Exact.ONE)).toBe(true);
  });
  it("rejects values outside 0..1 and non-numbers", () => {
    for (const t of ["1.5", "101%", "-0.1", "x", "1/0"]) expect(() => parseShare(t)).toThrow();
  });
});

describe("parseAmount", () => {
  it("reads money amounts exactly", () => {
    expect(parseAmount("$1,500.50").eq(Exact.parseDecimal("1500.5")!)).toBe(true);
    expect(parseAmount("150").eq(Exact.int(150))).toBe(true);
    expect(() => parseAmount("-1")).toThrow(/negative/);
    expect(() => parseAmount("ten")).toThrow(/not an amount/);
  });
});
