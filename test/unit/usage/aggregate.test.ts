// Aggregation properties: any order, any split into files, any grouping gives the same exact total,
// which equals pricing each record on its own with resolvePrice and isPeak.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadRateCards } from "../../../src/cards/load.js";
import { isPeak } from "../../../src/core/calendar.js";
import { Exact, sum } from "../../../src/core/exact.js";
import { resolvePrice } from "../../../src/core/resolve.js";
import { UsageAggregator } from "../../../src/usage/aggregate.js";
import { RECORD, RecordReader, SKIP } from "../../../src/usage/record.js";
import { DIMENSIONS, type Dimension, type UsageReport } from "../../../src/usage/types.js";

const book = loadRateCards();
const MODELS = ["deepseek-v4-flash", "deepseek-v4-pro", "deepseek-flash", "deepseek-chat", "deepseek-reasoner", "acme-9o"];
const FROM = Date.parse("2025-01-01T00:00:00Z");
const TO = Date.parse("2027-01-01T00:00:00Z");

interface Rec {
  model: string;
  t: number;
  hit: number;
  miss: number;
  out: number;
  id: number;
}

const rec = fc.record({
  model: fc.constantFrom(...MODELS),
  t: fc.integer({ min: FROM, max: TO }),
  hit: fc.integer({ min: 0, max: 1_000_000 }),
  miss: fc.integer({ min: 0, max: 1_000_000 }),
  out: fc.integer({ min: 0, max: 400_000 }),
  id: fc.integer({ min: 0, max: 30 }),
});

/** Records; those written as Claude Code lines (every 4th from the 3rd) repeat by id, as session logs do. */
const recs = (opts: { minLength: number; maxLength: number }) =>
  fc.array(rec, opts).map((list) => {
    const first = new Map<number, Rec>();
    return list.map((r, i) => {
      if (i % 4 !== 2) return r;
      if (!first.has(r.id)) first.set(r.id, r);
      return first.get(r.id)!;
    });
  });

/** A record as a line of one of the three dialects (Claude Code lines repeat by id). */
function line(r: Rec, i: number): string {
  switch (i % 4) {
    case 0:
      return JSON.stringify({ model: r.model, created: r.t / 1000, usage: { prompt_cache_hit_tokens: r.hit, prompt_cache_miss_tokens: r.miss, completion_tokens: r.out } });
    case 1:
      return JSON.stringify({ type: "message", model: r.model, timestamp: new Date(r.t).toISOString(), usage: { input_tokens: r.miss, cache_read_input_tokens: r.hit, output_tokens: r.out } });
    case 2:
      return JSON.stringify({ type: "assistant", timestamp: new Date(r.t).toISOString(), requestId: `req_${r.id}`, message: { id: `msg_${r.id}`, model: r.model, usage: { input_tokens: r.miss, cache_read_input_tokens: r.hit, output_tokens: r.out } } });
    default:
      return i % 8 === 3 ? `{"model":"${r.model}","usage":{"prompt_tok` : JSON.stringify({ type: "user", message: { content: "hi" } });
  }
}

/** Runs lines split into files (a file per part) through one aggregator. */
function run(parts: string[][], by: Dimension[]): UsageReport {
  const reader = new RecordReader("auto");
  const agg = new UsageAggregator(book, { by });
  parts.forEach((lines, f) =>
    lines.forEach((l, i) => {
      const kind = reader.read(l);
      if (kind === RECORD) agg.add(reader.record, `part${f}.jsonl`, i + 1);
      else if (kind === SKIP) agg.skip(reader.reason, reader.detail, `part${f}.jsonl`, i + 1);
    }),
  );
  return agg.report();
}

/** The oracle: each record priced alone with resolvePrice and isPeak; Claude Code repeats once. */
function oracle(recs: Rec[]): Exact {
  const seen = new Set<number>();
  const costs: Exact[] = [];
  recs.forEach((r, i) => {
    if (i % 4 === 3) return;
    if (i % 4 === 2) {
      if (seen.has(r.id)) return;
      seen.add(r.id);
    }
    let res;
    try {
      res = resolvePrice(book, r.model, r.t);
    } catch {
      return;
    }
    const v = res.version;
    const prices = v.flat ?? (isPeak(book.calendars.get(v.calendar!)!, r.t) ? v.peak! : v.offPeak!);
    const c = Exact.int(r.hit).mul(prices.input_cache_hit).add(Exact.int(r.miss).mul(prices.input_cache_miss)).add(Exact.int(r.out).mul(prices.output));
    costs.push(c.div(Exact.int(1_000_000)));
  });
  return sum(costs);
}

/** Splits `items` at the given cut points (any order, duplicates allowed). */
function split<T>(items: T[], cuts: number[]): T[][] {
  const at = [...new Set(cuts.map((c) => c % (items.length + 1)))].sort((a, b) => a - b);
  const parts: T[][] = [];
  let prev = 0;
  for (const c of [...at, items.length]) {
    parts.push(items.slice(prev, c));
    prev = c;
  }
  return parts;
}

describe("UsageAggregator", () => {
  it("gives the oracle's total for any split into files and any grouping; groups sum to the total", () => {
    fc.assert(
      fc.property(
        recs({ minLength: 1, maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.shuffledSubarray([...DIMENSIONS]),
        (list, cuts, by) => {
          const lines = list.map(line);
          const expected = oracle(list);
          const whole = run([lines], []);
          const r = run(split(lines, cuts), by);
          expect(whole.total.cost.eq(expected)).toBe(true);
          expect(r.total.cost.eq(expected)).toBe(true);
          expect(sum(r.groups.map((g) => g.cost)).eq(r.total.cost)).toBe(true);
          expect(r.groups.reduce((a, g) => a + g.records, 0)).toBe(r.total.records);
          expect(sum(r.groups.map((g) => g.tokens.output)).eq(r.total.tokens.output)).toBe(true);
          for (const g of r.groups) expect(sum(g.lines.map((l) => l.cost)).eq(g.cost)).toBe(true);
          const skipped = r.skipped.reduce((a, s) => a + s.count, 0);
          expect(skipped + r.total.records + r.duplicates).toBe(whole.skipped.reduce((a, s) => a + s.count, 0) + whole.total.records + whole.duplicates);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives the same total in any order of records", () => {
    const shuffled = recs({ minLength: 1, maxLength: 40 }).chain((list) =>
      fc.tuple(fc.constant(list), fc.shuffledSubarray(list.map(line), { minLength: list.length, maxLength: list.length })),
    );
    fc.assert(
      fc.property(shuffled, ([list, reordered]) => {
        expect(run([reordered], ["day"]).total.cost.eq(run([list.map(line)], ["model"]).total.cost)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("applies --as-of to records without an instant, and skips them without it", () => {
    const l = '{"model":"deepseek-v4-flash","usage":{"prompt_cache_hit_tokens":0,"prompt_cache_miss_tokens":1000000,"completion_tokens":0}}';
    const reader = new RecordReader("auto");
    reader.read(l);
    const withAsOf = new UsageAggregator(book, { by: [], asOf: Date.parse("2026-05-01T00:00:00Z") });
    withAsOf.add(reader.record, "f", 1);
    expect(withAsOf.report().total.cost.toDecimal()).toBe("0.14");
    const without = new UsageAggregator(book, { by: [] });
    without.add(reader.record, "f", 1);
    expect(without.report().skipped).toEqual([{ reason: "no-instant", count: 1, first: [{ at: "f:1", detail: "no timestamp or created field (give --as-of)" }] }]);
  });

  it("keeps a cell's sums exact when its safe-integer partial sums pass 2^53 - 1", () => {
    const agg = new UsageAggregator(book, { by: ["day"] });
    const reader = new RecordReader("auto");
    const max = Number.MAX_SAFE_INTEGER;
    const counts = [max, 1, max, max - 7, 3, 12345678901234, max];
    counts.forEach((n, i) => {
      reader.read(`{"model":"deepseek-v4-flash","created":1786000000,"usage":{"prompt_cache_hit_tokens":${n},"prompt_cache_miss_tokens":${i},"completion_tokens":${max - i}}}`);
      agg.add(reader.record, "f", i + 1);
    });
    const t = agg.report().total.tokens;
    expect(t.input_cache_hit.n).toBe(counts.reduce((a, n) => a + BigInt(n), 0n));
    expect(t.input_cache_miss.n).toBe(21n);
    expect(t.output.n).toBe(BigInt(max) * 7n - 21n);
  });

  it("counts records outside --since/--until apart, and keeps only the first five positions per reason", () => {
    const agg = new UsageAggregator(book, { by: [], since: Date.parse("2026-05-01T00:00:00Z"), until: Date.parse("2026-06-01T00:00:00Z") });
    const reader = new RecordReader("auto");
    for (const [i, day] of ["2026-04-30", "2026-05-01", "2026-05-31", "2026-06-01"].entries()) {
      reader.read(`{"model":"deepseek-v4-flash","created":${Date.parse(`${day}T12:00:00Z`) / 1000},"usage":{"prompt_tokens":1}}`);
      agg.add(reader.record, "f", i + 1);
    }
    for (let i = 0; i < 7; i++) agg.skip("malformed-json", "x", "g", i + 1);
    const r = agg.report();
    expect(r.total.records).toBe(2);
    expect(r.outsidePeriod).toBe(2);
    expect(r.skipped[0]!.count).toBe(7);
    expect(r.skipped[0]!.first.map((f) => f.at)).toEqual(["g:1", "g:2", "g:3", "g:4", "g:5"]);
    expect(r.period).toEqual({ start: Date.parse("2026-05-01T00:00:00Z"), end: Date.parse("2026-06-01T00:00:00Z") });
  });

  it("refuses to add records priced in two currencies", () => {
    const cny = `provider: x\ncurrency: CNY\nmodels:\n  yuan-model:\n    versions:\n      - from: 2026-01-01\n        input_cache_hit: 1\n        input_cache_miss: 1\n        output: 1\n`;
    const b = loadRateCards([{ file: "cny.yaml", text: cny }]);
    const agg = new UsageAggregator(b, { by: [] });
    const reader = new RecordReader("auto");
    reader.read('{"model":"deepseek-v4-flash","created":1786000000,"usage":{"prompt_tokens":1}}');
    agg.add(reader.record, "f", 1);
    reader.read('{"model":"yuan-model","created":1786000000,"usage":{"prompt_tokens":1}}');
    expect(() => agg.add(reader.record, "f", 2)).toThrow(/totals cannot mix currencies/);
  });
});
