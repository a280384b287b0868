// Solve: answers re-checked by estimating at the answer and one past it, hit rates by hand, and the edge cases.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadRateCards } from "../../../src/cards/load.js";
import { Exact } from "../../../src/core/exact.js";
import { PARAMS } from "../../../src/core/params.js";
import { solve } from "../../../src/core/solve.js";
import type { Plan, Workload } from "../../../src/core/types.js";
import { at, BOOK, costOn, plan, workload, x } from "../../helpers/plans.js";

const perCall = workload({ calls: Exact.ONE, cachedPrefix: Exact.int(2000), miss: Exact.int(200), reply: Exact.int(300) });

function costAt(p: Plan, param: string, v: Exact, model: string, asOf: number): Exact {
  const t = PARAMS.get(param)!.apply({ plan: p, opts: { asOf } }, v);
  return costOn(model, t.plan, t.opts);
}

describe("solve", () => {
  it("answers 595238 calls for $100 on V4-Flash at launch (the issue's done-when), re-checked by estimating", () => {
    const asOf = at("2026-04-24");
    const r = solve(BOOK, plan(perCall), { asOf, models: [{ id: "deepseek-v4-flash" }] }, PARAMS.get("calls")!, Exact.int(100));
    const res = r.results[0]!;
    expect(res.status).toBe("fits");
    expect(res.value!.toDecimal()).toBe("595238"); // $168 per 1M calls: 100 / 0.000168 = 595238.09...
    expect(costAt(plan(perCall), "calls", res.value!, "deepseek-v4-flash", asOf).cmp(Exact.int(100))).toBeLessThanOrEqual(0);
    expect(costAt(plan(perCall), "calls", res.value!.add(Exact.ONE), "deepseek-v4-flash", asOf).cmp(Exact.int(100))).toBeGreaterThan(0);
    expect(res.next!.cost.toDecimal()).toBe("100.000152");
  });

  it("solves across a long-context tier: the answer stops below the threshold when the jump passes the budget", () => {
    const asOf = at("2025-10-01");
    const model = "claude-sonnet-4-5"; // > 200,000 input tokens: 6 / 22.50 instead of 3 / 15
    const one = workload({ calls: Exact.ONE, miss: Exact.int(1000), reply: Exact.int(100) });
    const below = solve(BOOK, plan(one), { asOf, models: [{ id: model }] }, PARAMS.get("miss")!, x("0.9")).results[0]!;
    expect(below.value!.toDecimal()).toBe("200000"); // 200,000 x $3 + 100 x $15 = $0.6015; one more token: 200,001 x $6 + 100 x $22.50
    expect(below.next!.cost.toDecimal()).toBe("1.202256");
    const above = solve(BOOK, plan(one), { asOf, models: [{ id: model }] }, PARAMS.get("miss")!, x("1.5")).results[0]!;
    expect(above.value!.toDecimal()).toBe("249625"); // (1.5 - 100 x 22.50 / 1M) / 6 per 1M
    for (const r of [below, above]) {
      expect(costAt(plan(one), "miss", r.value!, model, asOf).cmp(r.cost)).toBe(0);
      expect(costAt(plan(one), "miss", r.value!.add(Exact.ONE), model, asOf).cmp(r.next!.cost)).toBe(0);
    }
  });

  it("finds the largest whole value that fits for any parameter, budget and model (property, re-estimated)", () => {
    const chat: Workload = workload({
      calls: Exact.int(500),
      conversation: { turns: Exact.int(4), system: Exact.int(800), user: Exact.int(120), reply: Exact.int(250), reasoning: Exact.ZERO, historyCached: true, systemCached: false },
    });
    const cases: [Workload, string][] = [
      [perCall, "calls"],
      [perCall, "reply"],
      [perCall, "miss"],
      [perCall, "cached-prefix"],
      [perCall, "reasoning"],
      [chat, "turns"],
      [chat, "system"],
      [chat, "calls"],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.integer({ min: 1, max: 50_000 }), fc.constantFrom("deepseek-v4-flash", "deepseek-v4-pro"), fc.constantFrom("2026-04-24", "2026-11-02"), ([w, param], cents, model, day) => {
        const asOf = at(day);
        const budget = Exact.of(BigInt(cents), 100n);
        const p = plan({ ...w, calls: param === "calls" ? w.calls : w.calls.mul(Exact.int(1000)) });
        const r = solve(BOOK, p, { asOf, models: [{ id: model }] }, PARAMS.get(param)!, budget).results[0]!;
        if (r.status === "none-fits") {
          expect(costAt(p, param, PARAMS.get(param)!.min, model, asOf).cmp(budget)).toBeGreaterThan(0);
          return;
        }
        expect(r.status).toBe("fits");
        expect(costAt(p, param, r.value!, model, asOf).cmp(budget)).toBeLessThanOrEqual(0);
        expect(costAt(p, param, r.value!.add(Exact.ONE), model, asOf).cmp(budget)).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });

  it("finds the lowest cache hit rate that fits: 60/77 for $200 (by hand)", () => {
    const w = workload({ calls: x("1e6"), reply: Exact.int(300), hitRate: { input: Exact.int(2200), rate: Exact.ZERO } });
    const asOf = at("2026-04-24");
    const r = solve(BOOK, plan(w), { asOf, models: [{ id: "deepseek-v4-flash" }] }, PARAMS.get("cache-hit-rate")!, Exact.int(200)).results[0]!;
    // cost(r) = 392 - 246.4 r (see the hit-rate test); 392 - 246.4 r = 200 at r = 60/77.
    expect(r.value!.eq(Exact.of(60n, 77n))).toBe(true);
    expect(r.cost.eq(Exact.int(200))).toBe(true);
    expect(costAt(plan(w), "cache-hit-rate", r.value!.sub(Exact.of(1n, 1_000_000n)), "deepseek-v4-flash", asOf).cmp(Exact.int(200))).toBeGreaterThan(0);
  });

  it("says when no value fits and when the budget is never reached", () => {
    const asOf = at("2026-04-24");
    const opts = { asOf, models: [{ id: "deepseek-v4-flash" }] };
    // reply = 0 still costs 1M x (2000 x 0.028 + 200 x 0.14) / 1M = $84 > $50.
    const none = solve(BOOK, plan({ ...perCall, calls: x("1e6") }), opts, PARAMS.get("reply")!, Exact.int(50)).results[0]!;
    expect(none).toMatchObject({ status: "none-fits", value: null });
    expect(none.cost.eq(Exact.int(84))).toBe(true);
    // A card whose output is free: the reply length never reaches the budget.
    const card = "currency: USD\nmodels:\n  free-out:\n    versions:\n      - { from: 2026-01-01, input_cache_hit: 0.1, input_cache_miss: 1, output: 0 }\n";
    const book = loadRateCards([{ file: "free.yaml", text: card }], { builtIn: false });
    const flat = solve(book, plan(workload({ calls: Exact.int(10), miss: Exact.int(5) })), { asOf, models: [{ id: "free-out" }] }, PARAMS.get("reply")!, Exact.int(1)).results[0]!;
    expect(flat.status).toBe("never-reached");
    expect(flat.cost.eq(x("0.00005"))).toBe(true);
    const rate = solve(BOOK, plan({ ...perCall, calls: x("1e6") }), opts, PARAMS.get("cache-hit-rate")!, Exact.int(10)).results[0]!;
    expect(rate.status).toBe("none-fits"); // even 100% hits: 2200 x 0.028 + 84 = 145.60
    expect(rate.cost.eq(x("145.6"))).toBe(true);
  });

  it("refuses parameters it cannot solve for", () => {
    expect(() => solve(BOOK, plan(perCall), { asOf: at("2026-04-24") }, PARAMS.get("peak-share")!, Exact.ONE)).toThrow(/cannot look for peak-share/);
    expect(() => solve(BOOK, plan(perCall), { asOf: at("2026-04-24") }, PARAMS.get("distinct-prefixes")!, Exact.ONE)).toThrow(/cannot look for distinct-prefixes/);
  });
});
