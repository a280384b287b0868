// Sweeps: axis specs, the exact fast path against plain estimates, and as-of sweeps stepping at each price change.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Exact } from "../../../src/core/exact.js";
import { formatInstant } from "../../../src/core/instant.js";
import { PARAMS } from "../../../src/core/params.js";
import { axisLength, parseAxis, type Axis } from "../../../src/core/sweep-axis.js";
import { sweep, type Frac } from "../../../src/core/sweep.js";
import type { Workload } from "../../../src/core/types.js";
import { at, BOOK, costOn, plan, workload, x } from "../../helpers/plans.js";

const values = (a: Axis) => (a.kind === "range" ? Array.from({ length: a.count }, (_, k) => a.start.add(a.step.mul(Exact.int(k)))) : a.values).map((v) => (typeof v === "number" ? formatInstant(v) : v.toDecimal()));
const exact = (f: Frac | null) => (f ? Exact.of(f.n, f.d) : null);

describe("sweep axes", () => {
  it("reads lists, arithmetic and geometric ranges", () => {
    expect(values(parseAxis("reply=100,200,400"))).toEqual(["100", "200", "400"]);
    expect(values(parseAxis("reply=0..4000+1000"))).toEqual(["0", "1000", "2000", "3000", "4000"]);
    expect(values(parseAxis("calls=1e5..1e7x10"))).toEqual(["100000", "1000000", "10000000"]);
    expect(values(parseAxis("cache_hit_rate=0%..100%+25%"))).toEqual(["0", "0.25", "0.5", "0.75", "1"]);
    expect(values(parseAxis("calls=1k..2.5k+1k"))).toEqual(["1000", "2000"]);
    expect(axisLength(parseAxis("calls=0..1M+1"))).toBe(1_000_001);
  });

  it("reads date ranges stepped by days or months (month ends clamp)", () => {
    expect(values(parseAxis("as-of=2026-01-31..2026-05-31+1mo"))).toEqual(
      ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31"].map((d) => `${d}T00:00:00Z`),
    );
    expect(values(parseAxis("as-of=2026-04-24..2026-05-08+7d"))).toHaveLength(3);
    expect(values(parseAxis("as-of=2026-04-24..2026-05-08+1w"))).toEqual(values(parseAxis("as-of=2026-04-24..2026-05-08+7d")));
    expect(values(parseAxis("as-of=2026-01-31..2026-05-31+1month"))).toEqual(values(parseAxis("as-of=2026-01-31..2026-05-31+1mo")));
    expect(values(parseAxis("as-of=2026-04-24,2026-08-16T16:00Z"))).toEqual(["2026-04-24T00:00:00Z", "2026-08-16T16:00:00Z"]);
  });

  it("fails clearly on bad specs", () => {
    expect(() => parseAxis("replies=1,2")).toThrow(/unknown parameter "replies".*/);
    expect(() => parseAxis("reply=0..100")).toThrow(/needs a step/);
    expect(() => parseAxis("reply=100..0+1")).toThrow(/ends before it starts/);
    expect(() => parseAxis("calls=1..100x1")).toThrow(/factor must be more than 1/);
    expect(() => parseAxis("reply=1,two")).toThrow(/"two" is not a number/);
    expect(() => parseAxis("reply")).toThrow(/PARAM=SPEC/);
  });
});

const fixed = workload({ calls: x("1e6"), cachedPrefix: Exact.int(2000), miss: Exact.int(200), reply: Exact.int(300) });
const chat: Workload = workload({
  calls: Exact.int(1000),
  conversation: { turns: Exact.int(3), system: Exact.int(1000), user: Exact.int(100), reply: Exact.int(200), reasoning: Exact.int(50), historyCached: true, systemCached: true },
});

describe("sweep rows", () => {
  it("equal plain estimates at every point on the fast path, for affine and quadratic parameters (property)", () => {
    const cases: [Workload, string][] = [
      [fixed, "calls"],
      [fixed, "reply"],
      [fixed, "miss"],
      [fixed, "cache-hit-rate"],
      [chat, "turns"],
      [chat, "system"],
      [chat, "user"],
      [fixed, "peak-share"],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 4, max: 25 }), fc.constantFrom("2026-04-24", "2026-11-02"), ([w, name], step, count, day) => {
        const p = PARAMS.get(name)!;
        const share = p.kind === "share";
        const start = share ? "0" : name === "turns" ? "1" : String(step * 3);
        const stepText = share ? `${1 / 32}` : String(step);
        const end = share ? String(Math.min(1, (count - 1) / 32)) : String(Number(start) + step * (count - 1));
        const axis = parseAxis(`${name}=${start}..${end}+${stepText}`);
        const asOf = at(day);
        const model = day === "2026-04-24" ? "deepseek-v4-pro" : "deepseek-flash";
        const s = sweep(BOOK, plan(w), { asOf, models: [{ id: model }] }, [axis]);
        let k = 0;
        for (const row of s.rows()) {
          const v = Exact.of((row.point[0] as Frac).n, (row.point[0] as Frac).d);
          const t = p.apply({ plan: plan(w), opts: { asOf } }, v);
          expect(exact(row.costs[0]!)!.eq(costOn(model, t.plan, t.opts))).toBe(true);
          k++;
        }
        expect(k).toBe(axisLength(axis));
      }),
      { numRuns: 40 },
    );
  });

  it("price every point of a range that crosses a long-context tier (cost jumps there: no extension)", () => {
    const asOf = at("2025-10-01");
    const model = "claude-sonnet-4-5";
    const cases: [Workload, string][] = [
      [workload({ calls: Exact.int(10), miss: Exact.int(1000), reply: Exact.int(100) }), "miss=190000..210000+1000"],
      [chat, "system=180000..220000+5000"],
    ];
    for (const [w, spec] of cases) {
      const axis = parseAxis(spec);
      const p = PARAMS.get(spec.split("=")[0]!)!;
      const s = sweep(BOOK, plan(w), { asOf, models: [{ id: model }] }, [axis]);
      const costs: Exact[] = [];
      for (const row of s.rows()) {
        const v = Exact.of((row.point[0] as Frac).n, (row.point[0] as Frac).d);
        const t = p.apply({ plan: plan(w), opts: { asOf } }, v);
        const c = exact(row.costs[0]!)!;
        expect(c.eq(costOn(model, t.plan, t.opts))).toBe(true);
        costs.push(c);
      }
      expect(costs).toHaveLength(axisLength(axis));
      // The step across the threshold costs more than the step before it: the jump is in the rows.
      const steps = costs.slice(1).map((c, k) => c.sub(costs[k]!));
      expect(steps.some((d, k) => k > 0 && d.cmp(steps[0]!) > 0)).toBe(true);
    }
  });

  it("equal plain estimates on 2-D grids, whichever axis carries the differences (property)", () => {
    const pairs: [string, string][] = [
      ["turns", "reply"],
      ["reply", "turns"],
      ["calls", "system"],
      ["user", "calls"],
    ];
    const spec = (name: string, n: number, list: boolean) => {
      const first = name === "turns" ? 1 : 100;
      const values = Array.from({ length: n }, (_, k) => first + k * 7);
      return list ? `${name}=${values.join(",")}` : `${name}=${first}..${values.at(-1)}+7`;
    };
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.boolean(), fc.boolean(), ([a, b], na, nb, listA, listB) => {
        const axes = [parseAxis(spec(a, na, listA)), parseAxis(spec(b, nb, listB))];
        const asOf = at("2026-11-02");
        const s = sweep(BOOK, plan(chat), { asOf, models: [{ id: "deepseek-flash" }, { id: "deepseek-v4-pro" }] }, axes);
        const seen: string[] = [];
        for (const row of s.rows()) {
          seen.push(row.point.map((p) => exact(p as Frac)!.toDecimal()).join(" "));
          let t = { plan: plan(chat), opts: { asOf } };
          row.point.forEach((p, i) => (t = PARAMS.get(i === 0 ? a : b)!.apply(t, exact(p as Frac)!)));
          expect(exact(row.costs[0]!)!.eq(costOn("deepseek-flash", t.plan, t.opts))).toBe(true);
          expect(exact(row.costs[1]!)!.eq(costOn("deepseek-v4-pro", t.plan, t.opts))).toBe(true);
        }
        expect(seen).toEqual(values(axes[0]!).flatMap((va) => values(axes[1]!).map((vb) => `${va} ${vb}`))); // outer-major order
      }),
      { numRuns: 40 },
    );
  });

  it("sweeps a 2-D grid with the first parameter outside", () => {
    const s = sweep(BOOK, plan(fixed), { asOf: at("2026-04-24"), models: [{ id: "deepseek-v4-flash" }] }, [parseAxis("reply=100,200"), parseAxis("calls=1e5..1e7x10")]);
    const rows: string[][] = [];
    for (const r of s.rows()) rows.push([...r.point.map((p) => exact(p as Frac)!.toDecimal()), exact(r.costs[0]!)!.toDecimal()]); // rows are reused: read each now
    // Per call: 2000 x 0.028 + 200 x 0.14 + reply x 0.28, per 1M: 84 + 0.28 reply.
    expect(rows).toEqual([
      ["100", "100000", "11.2"],
      ["100", "1000000", "112"],
      ["100", "10000000", "1120"],
      ["200", "100000", "14"],
      ["200", "1000000", "140"],
      ["200", "10000000", "1400"],
    ]);
  });

  it("shows each price change of the card as a step in an as-of sweep, with no price before launch", () => {
    const s = sweep(BOOK, plan(fixed), { asOf: 0, models: [{ id: "deepseek-v4-flash" }] }, [parseAxis("as-of=2026-04-20..2026-10-01+1d")]);
    const steps: string[] = [];
    let prev: string | undefined;
    for (const r of s.rows()) {
      const cost = exact(r.costs[0]!)?.toDecimal() ?? "no price";
      if (prev !== undefined && cost !== prev) steps.push(formatInstant(r.point[0] as number).slice(0, 10));
      prev = cost;
    }
    // Launch 04-24; hit price cut 04-26 12:15 (first whole day 04-27); peak/off-peak 08-16 16:00 (08-17);
    // weekdays-only peak from 08-23; billed as deepseek-flash from 09-10 04:00 (09-11).
    expect(steps).toEqual(["2026-04-24", "2026-04-27", "2026-08-17", "2026-08-23", "2026-09-11"]);
    expect(s.gaps).toEqual([{ model: "deepseek-v4-flash", points: 4, reason: expect.stringMatching(/first price is from 2026-04-24/) }]);
  });

  it("refuses a value the workload cannot take before computing any row", () => {
    expect(() => sweep(BOOK, plan(fixed), { asOf: at("2026-04-24") }, [parseAxis("turns=1..3+1")])).toThrow(/turns does not apply/);
    expect(() => sweep(BOOK, plan(fixed), { asOf: at("2026-04-24") }, [parseAxis("reply=0..1+0.5")])).toThrow(/whole number/);
  });
});
