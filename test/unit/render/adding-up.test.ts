// Figures add up: the amounts a table shows sum to the total it shows, with the digits it takes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Exact, sum } from "../../../src/core/exact.js";
import { moneyAddingUp } from "../../../src/render/format.js";

const d = (s: string) => Exact.parseDecimal(s)!;
const value = (text: string) => d(text.replace(/[^0-9.-]/g, ""));

describe("moneyAddingUp", () => {
  it("keeps cents when they add up", () => {
    const money = moneyAddingUp([{ parts: [d("56"), d("28"), d("84")], total: d("168") }], "USD");
    expect([d("56"), d("168")].map(money)).toEqual(["$56.00", "$168.00"]);
  });

  it("shows the digits needed where cents would not add up", () => {
    // 3 x $0.125: in cents $0.12 + $0.12 + $0.12 = $0.36, but the total is $0.38
    const parts = [d("0.125"), d("0.125"), d("0.125")];
    const money = moneyAddingUp([{ parts, total: d("0.375") }], "USD");
    expect(parts.map(money)).toEqual(["$0.125", "$0.125", "$0.125"]);
    expect(money(d("0.375"))).toBe("$0.375");
    expect(money(d("59.375"))).toBe("$59.375");
  });

  it("makes any parts with up to 6 decimals add up, every group at once", () => {
    const amount = fc.bigInt({ min: 0n, max: 10n ** 10n }).map((n) => Exact.of(n, 10n ** 6n));
    fc.assert(
      fc.property(fc.array(fc.array(amount, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }), (groups) => {
        const g = groups.map((parts) => ({ parts, total: sum(parts) }));
        const money = moneyAddingUp(g, "USD");
        for (const { parts, total } of g) expect(sum(parts.map((p) => value(money(p)))).eq(value(money(total)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
