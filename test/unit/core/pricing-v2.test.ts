// Rate-card v2 pricing: cache writes by retention, per-request tiers, modifiers, fees and realism, against hand calculations.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRateCards } from "../../../src/cards/load.js";
import { Exact, sum } from "../../../src/core/exact.js";
import { estimate } from "../../../src/core/estimate.js";
import { RateSheet, type BucketRate } from "../../../src/core/pricing.js";
import { TOKEN_BUCKETS, type Conversation, type Line, type Modifier, type PriceVersion, type Workload } from "../../../src/core/types.js";
import { ROOT } from "../../helpers/cli.js";
import { at, fails, workload, x } from "../../helpers/plans.js";

const FILE = "test/fixtures/cards/v2-card.yaml";
const BOOK = loadRateCards([{ file: FILE, text: readFileSync(join(ROOT, FILE), "utf8") }]);
const NOV = at("2026-11-01");

const run = (model: string, w: Workload, asOf = NOV, extra: { currency?: string; fx?: Exact } = {}) =>
  estimate(BOOK, { workloads: [w] }, { asOf, models: [{ id: model }], ...extra });
const lines = (model: string, w: Workload, asOf = NOV) => run(model, w, asOf).estimates[0]!.items[0]!.lines;
const total = (model: string, w: Workload, asOf = NOV) => run(model, w, asOf).estimates[0]!.total;
const brief = (l: Line) => [l.bucket, l.retention, l.tier, l.modifiers?.join("+"), l.fee, (l.fee ? l.count! : l.tokens).toDecimal(), l.rate.toDecimal(), l.cost.toDecimal()];

/** 1,000 calls: 10K cached, 2K miss, 1K 5-minute writes, 500 1-hour writes, 500 out, 2 searches and 1 fetch each. */
const agent = workload({
  calls: x(1000), cachedPrefix: x(10000), miss: x(2000), reply: x(500),
  cacheWrites: { "": x(1000), "1h": x(500) }, requests: { search: x(2), fetch: x(1) },
});

describe("v2 pricing", () => {
  it("prices writes by retention and fees per request, one line each (hand calculation)", () => {
    expect(lines("test-large", agent).map(brief)).toEqual([
      ["input_cache_hit", undefined, undefined, undefined, undefined, "10000000", "0.3", "3"],
      ["input_cache_miss", undefined, undefined, undefined, undefined, "2000000", "3", "6"],
      ["input_cache_write", "5m", undefined, undefined, undefined, "1000000", "3.75", "3.75"],
      ["input_cache_write", "1h", undefined, undefined, undefined, "500000", "6", "3"],
      ["output", undefined, undefined, undefined, undefined, "500000", "15", "7.5"],
      ["request_fee", undefined, undefined, undefined, "search", "2000", "10", "20"],
      ["request_fee", undefined, undefined, undefined, "fetch", "1000", "0.75", "0.75"],
    ]);
    expect(total("test-large", agent).toDecimal()).toBe("44");
  });

  it("treats cache_write_<default retention> as the default retention", () => {
    const w = workload({ calls: x(10), cacheWrites: { "5m": x(60000), "": x(40000) } });
    expect(lines("test-large", w).filter((l) => l.bucket === "input_cache_write").map(brief)).toEqual([["input_cache_write", "5m", undefined, undefined, undefined, "1000000", "3.75", "3.75"]]);
  });

  it("bills writes at the cache-miss price, and says so, when a version has no write price", () => {
    const w = workload({ calls: x(1), cacheWrites: { "": x(1000000) } });
    const l = lines("deepseek-v4-flash", w, at("2026-04-24")).find((y) => y.bucket === "input_cache_write")!;
    expect([l.retention, l.rate.toDecimal(), l.note]).toEqual([null, "0.14", "no cache-write price: billed at the cache-miss price"]);
  });

  it("decides the long-context tier per request on hits + misses + writes, strictly above", () => {
    const w = (prefix: number) => workload({ calls: x(10), cachedPrefix: x(prefix), miss: x(10000), reply: x(1000), cacheWrites: { "": x(1000) } });
    // 189,000 + 10,000 + 1,000 = 200,000: not above.
    expect(lines("test-large", w(189000)).every((l) => l.tier === undefined)).toBe(true);
    // 190,000 + 10,000 + 1,000 = 201,000: every bucket at the tier.
    expect(lines("test-large", w(190000)).map(brief)).toEqual([
      ["input_cache_hit", undefined, "above 200000", undefined, undefined, "1900000", "0.6", "1.14"],
      ["input_cache_miss", undefined, "above 200000", undefined, undefined, "100000", "6", "0.6"],
      ["input_cache_write", "5m", "above 200000", undefined, undefined, "10000", "7.5", "0.075"],
      ["output", undefined, "above 200000", undefined, undefined, "10000", "22.5", "0.225"],
    ]);
  });

  it("lets each conversation turn decide its own tier (hand calculation)", () => {
    // Turn k sends 110,000 + (k-1) x 30,000: turns 1-4 stay at or below 200,000, turn 5 sends 230,000.
    const conversation: Conversation = { turns: x(5), system: x(100000), user: x(10000), reply: x(20000), reasoning: Exact.ZERO, historyCached: true, systemCached: true };
    const w = workload({ calls: x(1), conversation });
    expect(lines("test-large", w).map(brief)).toEqual([
      ["input_cache_hit", undefined, undefined, undefined, undefined, "580000", "0.3", "0.174"],
      ["input_cache_miss", undefined, undefined, undefined, undefined, "40000", "3", "0.12"],
      ["output", undefined, undefined, undefined, undefined, "80000", "15", "1.2"],
      ["input_cache_hit", undefined, "above 200000", undefined, undefined, "220000", "0.6", "0.132"],
      ["input_cache_miss", undefined, "above 200000", undefined, undefined, "10000", "6", "0.06"],
      ["output", undefined, "above 200000", undefined, undefined, "20000", "22.5", "0.45"],
    ]);
    expect(total("test-large", w).toDecimal()).toBe("2.136");
  });

  it("applies batch after the tier, names it on every line, and stacks batch with a region", () => {
    const w = { ...workload({ calls: x(10), cachedPrefix: x(190000), miss: x(20000), reply: x(1000) }), batch: true };
    expect(lines("test-large", w).map((l) => [l.tier, l.modifiers, l.rate.toDecimal()])).toEqual([
      ["above 200000", ["batch"], "0.3"], ["above 200000", ["batch"], "3"], ["above 200000", ["batch"], "11.25"],
    ]);
    const us = lines("test-large", { ...w, region: "us" });
    expect(us.map((l) => [l.modifiers, l.rate.toDecimal()])).toEqual([[["batch", "us"], "0.33"], [["batch", "us"], "3.3"], [["batch", "us"], "12.375"]]);
  });

  it("turns tiers off under a modifier with stacks_with_tiers: false, and uses explicit prices as given", () => {
    const big = workload({ calls: x(1), cachedPrefix: x(300000), reply: x(1000) });
    expect(lines("test-large", { ...big, serviceTier: "fast" }).map((l) => [l.tier, l.rate.toDecimal()])).toEqual([[undefined, "1.8"], [undefined, "18"], [undefined, "90"]]);
    expect(lines("test-large", { ...big, serviceTier: "flex" }).map((l) => [l.tier, l.modifiers, l.rate.toDecimal()])).toEqual([
      [undefined, ["flex"], "0.15"], [undefined, ["flex"], "1.5"], [undefined, ["flex"], "7.5"],
    ]);
  });

  it("bills cache hits and writes at the modified miss price when a modifier does not stack with cache prices", () => {
    const card = `currency: USD\nmodels:\n  p:\n    versions:\n      - from: 2026-01-01\n        input_cache_hit: 0.1\n        input_cache_miss: 1\n        output: 4\n        input_cache_write: 1.25\n        modifiers:\n          priority:\n            multiplier: 2\n            stacks_with_cache: false\n`;
    const b = loadRateCards([{ file: "p.yaml", text: card }], { builtIn: false });
    const w = { ...workload({ calls: x(1), cachedPrefix: x(1000000), miss: x(1000000), reply: x(1000000), cacheWrites: { "": x(1000000) } }), serviceTier: "priority" };
    const got = estimate(b, { workloads: [w] }, { asOf: NOV }).estimates[0]!.items[0]!.lines.map((l) => [l.bucket, l.rate.toDecimal()]);
    expect(got).toEqual([["input_cache_hit", "2"], ["input_cache_miss", "2"], ["input_cache_write", "2"], ["output", "8"]]);
  });

  it("treats service_tier standard as no modifier", () => {
    expect(total("test-large", { ...agent, serviceTier: "standard" }).eq(total("test-large", agent))).toBe(true);
  });

  it("converts fees with the published price or --fx", () => {
    const w = workload({ calls: x(1000), requests: { search: x(1) } });
    const fee = (opts: { currency?: string; fx?: Exact }) => run("test-small", w, NOV, opts).estimates[0]!.items[0]!.lines.find((l) => l.fee)!;
    expect(fee({ currency: "EUR", fx: x("0.9") }).cost.toDecimal()).toBe("0.675");
    expect(() => fee({ currency: "EUR" })).toThrow(/no published EUR prices/);
  });

  it("warns when a call or a conversation turn cannot run as written", () => {
    const conversation: Conversation = { turns: x(5), system: x(100000), user: x(10000), reply: x(20000), reasoning: Exact.ZERO, historyCached: true, systemCached: true };
    const r = run("test-small", { ...workload({ calls: x(1), conversation }), name: "chat" });
    expect(r.warnings).toEqual([
      'workload "chat" on test-small: turn 2 of 5 sends 140000 input tokens, above the context window of 128000 (its history outgrows the window)',
      'workload "chat" on test-small: each turn\'s reply is 20000 tokens (output + reasoning), above max_output of 8000',
    ]);
    const big = run("test-small", { ...workload({ calls: x(1), cachedPrefix: x(120000), miss: x(9000), reply: x(100) }), name: "rag" });
    expect(big.warnings).toEqual(['workload "rag" on test-small: a call sends 129000 input tokens, above the context window of 128000']);
    expect(run("test-small", workload({ calls: x(1), miss: x(128000), reply: x(8000) })).warnings).toEqual([]);
  });

  describe("bad names are errors with did-you-mean, never $0", () => {
    it.each([
      ["a retention", { cacheWrites: { "1hr": x(1) } }, /unknown cache-write retention "1hr".*did you mean "1h"/],
      ["a service tier", { serviceTier: "flx" }, /unknown service tier "flx".*did you mean "flex"/],
      ["a region", { region: "europe" }, /unknown region "europe" .*regions: us/],
      ["a fee", { requests: { serch: x(1) } }, /unknown fee "serch".*did you mean "search"/],
      ["batch with an excluded tier", { batch: true, serviceTier: "fast" }, /asks for batch and fast, which "test-large" does not combine/],
    ])("%s", (_n, fields, message) => {
      const err = fails(() => run("test-large", { ...agent, ...(fields as Partial<Workload>) }));
      expect(`${err.message} (${err.hint})`).toMatch(message as RegExp);
    });

    it("a model without batch pricing, a retention on a card without writes, a removed fee", () => {
      expect(fails(() => run("test-small", { ...agent, requests: undefined, cacheWrites: undefined, batch: true })).message).toMatch(/"test-small" has no batch pricing/);
      expect(fails(() => run("deepseek-v4-flash", workload({ cacheWrites: { "1h": x(1) } }), at("2026-04-24"))).hint).toMatch(/prices no named retention: use cache_write/);
      expect(fails(() => run("test-small", workload({ requests: { search: x(1) } }), at("2027-01-02"))).message).toMatch(/fee "search" of "test-small" was removed at 2027-01-01/);
    });
  });

  describe("properties", () => {
    const count = fc.bigInt({ min: 0n, max: 10n ** 7n });
    const arb = fc.record({ calls: count, hit: count, miss: count, w5: count, w1h: count, reply: count, search: fc.bigInt({ min: 0n, max: 10n }) });
    const mods = fc.constantFrom<Partial<Workload>>({}, { batch: true }, { serviceTier: "fast" }, { serviceTier: "flex" }, { region: "us", batch: true }, { serviceTier: "priority" });
    type Raw = { calls: bigint; hit: bigint; miss: bigint; w5: bigint; w1h: bigint; reply: bigint; search: bigint };
    const make = (r: Raw, m: Partial<Workload>): Workload => ({
      ...workload({ calls: Exact.int(r.calls), cachedPrefix: Exact.int(r.hit), miss: Exact.int(r.miss), reply: Exact.int(r.reply), cacheWrites: { "": Exact.int(r.w5), "1h": Exact.int(r.w1h) }, requests: { search: Exact.int(r.search) } }),
      ...m,
    });

    it("is linear in calls and exact line by line", () => {
      fc.assert(fc.property(arb, mods, fc.bigInt({ min: 0n, max: 1000n }), (r, m, k) => {
        const one = run("test-large", make(r, m)).estimates[0]!;
        const scaled = total("test-large", make({ ...r, calls: r.calls * k }, m));
        const exact = one.items[0]!.lines.every((l) => l.cost.eq(l.fee ? l.count!.mul(l.rate).div(l.per!) : l.tokens.mul(l.rate).div(Exact.int(1000000))));
        return exact && scaled.eq(one.total.mul(Exact.int(k))) && one.total.eq(sum(one.items[0]!.lines.map((l) => l.cost)));
      }));
    });

    it("is monotonic in each count, across the tier threshold too", () => {
      const keys = ["calls", "hit", "miss", "w5", "w1h", "reply", "search"] as const;
      fc.assert(fc.property(arb, mods, fc.constantFrom(...keys), fc.bigInt({ min: 1n, max: 300000n }), (r, m, key, extra) => {
        const base = total("test-large", make(r, m));
        const more = total("test-large", make({ ...r, [key]: r[key] + extra }, m));
        return more.cmp(base) >= 0;
      }));
    });
  });
});

describe("RateSheet.rates", () => {
  it("gives every bucket the rate that rate() gives it, for each price set, tier and pair of modifiers of the built-in and fixture cards", () => {
    let checked = 0;
    for (const book of [loadRateCards(), BOOK]) {
      for (const model of book.models.values()) {
        for (const v of model.versions) {
          if (v.kind !== "price") continue;
          const pv = v as PriceVersion;
          const sets = [pv.flat, pv.peak, pv.offPeak].filter((p) => p !== undefined && p !== null);
          const mods = Object.values(pv.modifiers ?? {});
          const combos: Modifier[][] = [[], ...mods.map((m) => [m]), ...mods.flatMap((m, i) => mods.slice(i + 1).map((n) => [m, n]))];
          for (const set of sets) {
            for (const tier of [undefined, ...(pv.tiers ?? [])]) {
              for (const combo of combos) {
                let sheet: RateSheet;
                try {
                  sheet = new RateSheet(set, tier, combo, { model: model.id, billedAs: null, version: pv, currency: model.currency } as never);
                } catch {
                  continue; // two modifiers with explicit prices: refused, as estimate refuses them
                }
                for (const retention of ["", ...Object.keys(set.writes ?? {})]) {
                  const all = sheet.rates(retention);
                  for (const b of TOKEN_BUCKETS) {
                    const one: BucketRate = sheet.rate(b, retention);
                    expect(all[b].eq(one.rate), `${model.id} ${b} ${retention} ${combo.map((m) => m.name)}`).toBe(true);
                    checked++;
                  }
                }
              }
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
