// Sweep ranges split at their first "..": the same answer as the pattern it replaced, on any text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitRange } from "../../../src/core/sweep-axis.js";

describe("splitRange", () => {
  it("splits exactly as /^(.+?)\\.\\.(.+)$/ does", () => {
    const pattern = /^(.+?)\.\.(.+)$/;
    const text = fc.array(fc.constantFrom(".", ".", "1", "a", "+", "x", " ", "\n", "\r", "\u2028", "\u2029", "\u0000"), { maxLength: 12 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(text, (s) => {
        const m = pattern.exec(s);
        expect(splitRange(s)).toEqual(m ? [m[0], m[1], m[2]] : null);
      }),
      { numRuns: 5000 },
    );
  });

  it("splits long values as the pattern does", () => {
    const long = `1${".".repeat(300_000)}x`;
    expect(splitRange(long)).toEqual([long, "1", `${".".repeat(299_998)}x`]);
    expect(splitRange(`\u0001${"...".repeat(40_000)}\n`)).toBeNull(); // the pattern took seconds on this one (the hostile suite bounds it)
  });
});
