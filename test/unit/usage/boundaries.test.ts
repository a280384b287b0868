// Done-when: a log across the 2026-08-16 peak/off-peak change and the 2026-09-10 Flash change
// prices record by record to a hand calculation (exactly, so to the cent a fortiori).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRateCards } from "../../../src/cards/load.js";
import { Exact } from "../../../src/core/exact.js";
import { UsageAggregator } from "../../../src/usage/aggregate.js";
import { RECORD, RecordReader, SKIP } from "../../../src/usage/record.js";
import { ROOT } from "../../helpers/cli.js";

const book = loadRateCards();
const lines = readFileSync(join(ROOT, "test/fixtures/usage/boundaries.jsonl"), "utf8").split("\n").slice(0, -1);

// Every priced record carries 600,000 cache-hit, 200,000 cache-miss and 100,000 output tokens
// (0.6M, 0.2M and 0.1M at per-1M prices). By hand, from the DeepSeek price notes:
//   V4-Flash flat (from 04-26 12:15):  0.6 x 0.0028 + 0.2 x 0.14 + 0.1 x 0.28 = 0.00168 + 0.028 + 0.028 = 0.05768
//   V4-Flash peak (08-16 16:00..09-10): 0.6 x 0.014 + 0.2 x 0.44 + 0.1 x 1.32 = 0.0084 + 0.088 + 0.132 = 0.2284
//   V4-Flash off-peak:                  0.6 x 0.007 + 0.2 x 0.22 + 0.1 x 0.66 = 0.0042 + 0.044 + 0.066 = 0.1142
//   Flash peak (from 09-10 04:00):      0.6 x 0.006 + 0.2 x 0.30 + 0.1 x 1.20 = 0.0036 + 0.06 + 0.12 = 0.1836
//   Flash off-peak:                     0.6 x 0.003 + 0.2 x 0.15 + 0.1 x 0.60 = 0.0018 + 0.03 + 0.06 = 0.0918
//   V4-Pro flat (from 05-31 15:59):     0.6 x 0.003625 + 0.2 x 0.435 + 0.1 x 0.87 = 0.002175 + 0.087 + 0.087 = 0.176175
// Peak hours are 09:00-12:00 and 14:00-18:00 Beijing time (UTC+8); weekends and holidays are
// off-peak only from 2026-08-23.
const EXPECTED: [line: number, cost: string | null, why: string][] = [
  [1, "0.05768", "08-16 15:59:59Z: one second before the change, flat V4-Flash"],
  [2, "0.1142", "08-16 16:00Z: windows start; Beijing 08-17 00:00, off-peak"],
  [3, "0.2284", "08-17 02:00Z = 10:00 Beijing, peak; 40,000 reasoning tokens inside the 100,000 output, not billed twice"],
  [4, "0.2284", "08-22 02:00Z = Saturday 10:00 Beijing; before 08-23 the windows apply every day: peak"],
  [5, "0.1142", "08-29 02:00Z = Saturday 10:00 Beijing; weekends off-peak now (OpenAI form: 800,000 prompt, 600,000 cached)"],
  [6, "0.2284", "08-24 02:00Z = Monday 10:00 Beijing, peak (Anthropic form: 150,000 input + 50,000 cache writes = misses)"],
  [7, "0.1142", "08-24 05:00Z = 13:00 Beijing, the lunch gap: off-peak (Claude Code form)"],
  [8, "0.1142", "the same Claude Code message and request again, priced with line 7: counted once"],
  [9, "0.2284", "09-10 03:59:59Z = Thursday 11:59:59 Beijing; still V4-Flash's own prices, peak"],
  [10, "0.0918", "09-10 04:00Z: now billed as deepseek-flash; 12:00 Beijing, off-peak"],
  [11, "0.1836", "09-10 06:00Z = 14:00 Beijing, Flash peak"],
  [12, "0.0918", "09-25 02:00Z = Friday 10:00 Beijing, a public holiday: off-peak"],
  [13, "0.0918", "deepseek-flash at 10-01 07:00Z = 15:00 Beijing, National Day: off-peak"],
  [14, null, "deepseek-flash before its first price: skipped"],
  [15, "0.176175", "V4-Pro at 08-16 15:00Z, flat"],
  [16, "0.05768", "deepseek-chat at 07-24 15:58:59Z, billed as V4-Flash flat"],
  [17, null, "deepseek-chat at its retirement instant: skipped"],
  [18, null, "unknown model: skipped"],
  [19, null, "a cut-off line: skipped"],
  [20, null, "a user turn of a session log: not a record"],
];

/** Prices one line on its own (line 8, a repeat, together with line 7); null when nothing is priced. */
function priceAlone(i: number): { cost: Exact | null; windows: (string | null)[]; billedAs: (string | null)[] } {
  const reader = new RecordReader("auto");
  const agg = new UsageAggregator(book, { by: ["model"] });
  for (const n of i === 8 ? [7, 8] : [i]) if (reader.read(lines[n - 1]!) === RECORD) agg.add(reader.record, "boundaries.jsonl", n);
  const r = agg.report();
  const priced = r.groups.flatMap((g) => g.lines);
  return { cost: r.total.records === 1 ? r.total.cost : null, windows: priced.map((l) => l.window), billedAs: priced.map((l) => l.billedAs) };
}

describe("the 2026-08-16 and 2026-09-10 boundaries", () => {
  it.each(EXPECTED)("line %i prices to %s (%s)", (line, cost) => {
    expect(priceAlone(line).cost?.toDecimal() ?? null).toBe(cost);
  });

  it("uses the window and the billed-as model the calendar and aliases call for", () => {
    expect(priceAlone(1).windows).toEqual([null, null, null]);
    expect(priceAlone(4).windows).toEqual(["peak", "peak", "peak"]);
    expect(priceAlone(5).windows).toEqual(["off-peak", "off-peak", "off-peak"]);
    expect(priceAlone(10).billedAs).toEqual(["deepseek-flash", "deepseek-flash", "deepseek-flash"]);
    expect(priceAlone(16).billedAs).toEqual(["deepseek-v4-flash", "deepseek-v4-flash", "deepseek-v4-flash"]);
  });

  it("prices the whole log to the sum of the hand figures, with every skip at its position", () => {
    const reader = new RecordReader("auto");
    const agg = new UsageAggregator(book, { by: ["day", "model"] });
    lines.forEach((l, i) => {
      const kind = reader.read(l);
      if (kind === RECORD) agg.add(reader.record, "boundaries.jsonl", i + 1);
      else if (kind === SKIP) agg.skip(reader.reason, reader.detail, "boundaries.jsonl", i + 1);
    });
    const r = agg.report();
    // 2 x 0.05768 + 3 x 0.1142 + 4 x 0.2284 + 3 x 0.0918 + 0.1836 + 0.176175 = 2.006735, $2.01 to the cent
    const hand = EXPECTED.filter(([line, c]) => c !== null && line !== 8).reduce((a, [, c]) => a.add(Exact.parseDecimal(c!)!), Exact.ZERO);
    expect(hand.toDecimal()).toBe("2.006735");
    expect(r.total.cost.toDecimal()).toBe("2.006735");
    expect(r.total.cost.toFixedPlaces(2)).toBe("2.01");
    expect(r.total.records).toBe(14);
    expect(r.duplicates).toBe(1);
    expect(r.skipped.map((s) => [s.reason, s.first.map((f) => f.at)])).toEqual([
      ["malformed-json", ["boundaries.jsonl:19"]],
      ["unknown-model", ["boundaries.jsonl:18"]],
      ["retired-model", ["boundaries.jsonl:17"]],
      ["before-first-price", ["boundaries.jsonl:14"]],
    ]);
  });
});
