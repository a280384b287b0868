// Alias chains: at most 64 aliases at any instant, whichever way the chain grew, and no walker recurses per alias.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadRateCards } from "../../../src/cards/load.js";
import { InputError } from "../../../src/core/errors.js";
import { priceIntervals } from "../../../src/core/intervals.js";
import { parseInstant } from "../../../src/core/instant.js";
import { feeVersionAt } from "../../../src/core/pricing.js";
import { hasTiers, resolvePrice } from "../../../src/core/resolve.js";
import { changeInstants } from "../../../src/core/stretches.js";
import type { Fee, FeeVersion } from "../../../src/core/types.js";

const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
const card = (models: string) => `provider: testco\ncurrency: USD\nmodels:\n${models}`;
const priced = (from: string) => `{from: ${from}, input_cache_hit: 1, input_cache_miss: 1, output: 1}`;

/** m_i bills as m_{i+1} from day i, m_n priced from day n: one alias at each alias's start, n aliases after day n. */
function staged(n: number): string {
  return card(Array.from({ length: n }, (_, i) => `  m${i}:\n    versions:\n      - {from: ${day(i)}, billed_as: m${i + 1}}\n`).join("") + `  m${n}:\n    versions:\n      - ${priced(day(n))}\n`);
}

describe("alias chains that grow with time", () => {
  it("price through 64 aliases and refuse 65 at the instant the chain is that long", () => {
    const late = parseInstant(day(100));
    expect(resolvePrice(loadRateCards([{ file: "s.yaml", text: staged(64) }]), "m0", late).billedAs).toBe("m64");
    const book = loadRateCards([{ file: "s.yaml", text: staged(65) }]); // each alias starts one hop from a priced model: the cards load
    expect(() => resolvePrice(book, "m0", late)).toThrow(/model "m0" is billed through more than 64 aliases at 2026-04-11/);
    const intervals = () => [...priceIntervals(book, parseInstant(day(0)), late, ["m0"])];
    expect(intervals).toThrow(InputError);
    expect(intervals).toThrow(/billed through more than 64 aliases/);
  });

  it("walk 3,000 aliases that each hold for a day without recursing per alias", () => {
    // x_i bills as x_{i+1} on day i only and is priced from day i + 1: never more than one alias at once.
    const n = 3000;
    const models = Array.from({ length: n }, (_, i) => `  x${i}:\n    versions:\n      - {from: ${day(i)}, billed_as: x${i + 1}}\n      - ${priced(day(i + 1))}\n`).join("");
    const book = loadRateCards([{ file: "h.yaml", text: card(`${models}  x${n}:\n    versions:\n      - ${priced(day(n))}\n`) }]);
    expect(hasTiers(book, "x0")).toBe(false);
    expect(changeInstants(book, "x0", parseInstant(day(0)), parseInstant(day(n + 1)))).toHaveLength(n);
  });
});

describe("feeVersionAt", () => {
  it("finds the version in force as a scan from the start would", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 12 }), fc.integer({ min: -5, max: 65 }), (froms, t) => {
        const versions = [...froms].sort((a, b) => a - b).map((from) => ({ from, removed: false }) as unknown as FeeVersion);
        let scan: FeeVersion | undefined;
        for (const v of versions) if (v.from <= t) scan = v;
        expect(feeVersionAt({ id: "f", unit: "request", versions } as unknown as Fee, t)).toBe(scan);
      }),
      { numRuns: 2000 },
    );
  });
});
