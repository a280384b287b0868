// compareNames sorts exactly as localeCompare does (the fast path is only taken where both agree).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareNames } from "../../../src/core/order.js";

describe("compareNames", () => {
  it("has the sign of localeCompare for plain ids and for anything else", () => {
    const plain = fc.stringMatching(/^[a-z0-9./-]{0,8}$/);
    const any = fc.oneof(plain, fc.string({ maxLength: 6 }), fc.stringMatching(/^[A-Za-z0-9_:. -]{0,6}$/));
    fc.assert(
      fc.property(any, any, (a, b) => {
        expect(Math.sign(compareNames(a, b))).toBe(Math.sign(a.localeCompare(b)));
      }),
      { numRuns: 5000 },
    );
  });
});
