// "Did you mean": the length bound that skips hopeless names never changes a suggestion; names past 256 characters match by containment.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareNames } from "../../../src/core/order.js";
import { closest } from "../../../src/core/suggest.js";
import { BOOK } from "../../helpers/plans.js";

/** The textbook edit distance, for the reference below. */
function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

/** closest() as specified: names over 256 characters take no part; every other name scored by its full distance (1 when one contains the other). */
function reference(name: string, known: string[], limit = 3): string[] {
  const lower = name.toLowerCase();
  if (lower.length > 256) return [];
  const scored = known.filter((k) => k.toLowerCase().length <= 256).map((k) => {
    const kl = k.toLowerCase();
    let d = levenshtein(lower, kl);
    if (lower.length >= 3 && kl.length >= 3 && (kl.includes(lower) || lower.includes(kl))) d = Math.min(d, 1);
    return { k, d };
  });
  const cutoff = Math.max(2, Math.ceil(name.length / 3));
  const best = Math.min(...scored.map((s) => s.d));
  return scored.filter((s) => s.d <= cutoff && s.d <= best + 1).sort((x, y) => x.d - y.d || compareNames(x.k, y.k)).slice(0, limit).map((s) => s.k);
}

describe("closest", () => {
  it("suggests what the full distances suggest", () => {
    const word = fc.array(fc.constantFrom("a", "b", "c", "-", "4", "v"), { minLength: 0, maxLength: 14 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(word, fc.array(word, { minLength: 1, maxLength: 8 }), (name, known) => {
        expect(closest(name, known)).toEqual(reference(name, known));
      }),
      { numRuns: 3000 },
    );
  });

  it("suggests what the reference suggests for names around the 256-character edge", () => {
    const word = fc.tuple(fc.integer({ min: 250, max: 262 }), fc.array(fc.constantFrom("a", "b"), { minLength: 0, maxLength: 6 })).map(([n, tail]) => "a".repeat(n) + tail.join(""));
    fc.assert(
      fc.property(word, fc.array(word, { minLength: 1, maxLength: 4 }), (name, known) => {
        expect(closest(name, known)).toEqual(reference(name, known));
      }),
      { numRuns: 200 },
    );
  });

  it("suggests nothing for a 300,000-character name, even one holding a known name, and ranks 150,000 names", () => {
    const models = [...BOOK.models.keys()];
    expect(closest(`z${"a".repeat(300_000)}z`, models)).toEqual([]);
    expect(closest(`${"x".repeat(300_000)}deepseek/deepseek-v4-flash`, models)).toEqual([]);
    const many = Array.from({ length: 150_000 }, (_, i) => `s${i.toString(36)}`);
    expect(closest("s10", many)).toEqual(["s10", "s0", "s1"]); // more names than a spread into Math.min takes
  });
});
