// Cache hit rates (exact, fractional expected tokens) and cache warm-up of distinct prefixes.
import { describe, expect, it } from "vitest";
import { Exact } from "../../../../src/core/exact.js";
import { workloadTotals } from "../../../../src/core/forms/totals.js";
import { PARAMS } from "../../../../src/core/params.js";
import { at, costOn, plan, workload, x } from "../../../helpers/plans.js";

describe("cache hit rate", () => {
  it("splits input into expected hits and misses, exactly, even when fractional", () => {
    const t = workloadTotals(workload({ calls: Exact.int(10), hitRate: { input: Exact.int(1000), rate: Exact.of(1n, 3n) } }));
    expect(t.hit.eq(Exact.of(10000n, 3n))).toBe(true);
    expect(t.miss.eq(Exact.of(20000n, 3n))).toBe(true);
  });

  it("prices the split: 1M calls x 2200 input at 60/77 hit rate + 300 reply fits $200 on V4-Flash exactly", () => {
    // By hand: 2200 x (0.14 - 0.112 r) + 84 = 392 - 246.4 r; r = 60/77 gives 392 - 192 = 200.
    const w = workload({ calls: x("1e6"), reply: Exact.int(300), hitRate: { input: Exact.int(2200), rate: Exact.of(60n, 77n) } });
    expect(costOn("deepseek-v4-flash", w, { asOf: at("2026-04-24") }).eq(Exact.int(200))).toBe(true);
  });

  it("re-splits a fixed workload's input when a hit rate is applied to it", () => {
    const fixed = workload({ calls: Exact.int(2), cachedPrefix: Exact.int(2000), miss: Exact.int(200) });
    const t = PARAMS.get("cache-hit-rate")!.apply({ plan: plan(fixed), opts: { asOf: 0 } }, x("0.5"));
    expect(workloadTotals(t.plan.workloads[0]!)).toMatchObject({ hit: Exact.int(2200), miss: Exact.int(2200) });
  });

  it("refuses input with cache_hit_rate next to a fixed split", () => {
    expect(() => workloadTotals(workload({ miss: Exact.ONE, hitRate: { input: Exact.ONE, rate: Exact.ZERO } }))).toThrow(/cache_hit_rate and also cached_prefix or miss/);
  });
});

describe("cache warm-up", () => {
  it("bills the cached part of each distinct prefix's first call at the miss price", () => {
    const w = workload({ calls: Exact.int(1000), cachedPrefix: Exact.int(2000), miss: Exact.int(200), distinctPrefixes: Exact.int(10) });
    const t = workloadTotals(w);
    // By hand: 1000 x 2000 - 10 x 2000 hits, 1000 x 200 + 10 x 2000 misses.
    expect([t.hit, t.miss].map((v) => v.toDecimal())).toEqual(["1980000", "220000"]);
    // On V4-Flash at launch: 1.98M x 0.028 + 0.22M x 0.14 = 0.05544 + 0.0308
    expect(costOn("deepseek-v4-flash", w, { asOf: at("2026-04-24") }).eq(x("0.08624"))).toBe(true);
  });

  it("warms a conversation's system prompt once per prefix, not its history", () => {
    const conversation = { turns: Exact.int(3), system: Exact.int(1000), user: Exact.int(100), reply: Exact.int(200), reasoning: Exact.ZERO, historyCached: true, systemCached: true };
    const cold = workloadTotals(workload({ calls: Exact.int(1000), conversation, distinctPrefixes: Exact.int(4) }));
    expect([cold.hit, cold.miss].map((v) => v.toDecimal())).toEqual([String(3_900_000 - 4000), String(300_000 + 4000)]);
  });

  it("fails when there are more distinct prefixes than calls", () => {
    expect(() => workloadTotals(workload({ calls: Exact.int(3), cachedPrefix: Exact.ONE, distinctPrefixes: Exact.int(4) }))).toThrow(/more than the calls/);
  });
});
