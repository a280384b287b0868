// Inverse questions: the largest whole value of a parameter (or the lowest hit rate) whose exact cost fits a budget.

import { InputError } from "./errors.js";
import { Exact } from "./exact.js";
import { estimate, estimateModels, type EstimateOptions } from "./estimate.js";
import type { Instant } from "./instant.js";
import { checkTokensUnlessVaried, type Param, type Target } from "./params.js";
import { hasTiers } from "./resolve.js";
import type { Plan, RateBook } from "./types.js";

/** The answer for one model. */
export interface SolveResult {
  model: string;
  billedAs: string | null;
  /** fits: `value` is the answer; none-fits: even the smallest (or best) value costs more; never-reached: every value fits. */
  status: "fits" | "none-fits" | "never-reached";
  value: Exact | null;
  /** Cost at `value`, or at the smallest value when none fits, or the constant cost when never reached. */
  cost: Exact;
  /** For a largest whole value: the value one past it and its cost (over budget). */
  next: { value: Exact; cost: Exact } | null;
}

/** The whole solve report. */
export interface SolveReport {
  asOf: Instant;
  currency: string;
  budget: Exact;
  param: string;
  goal: Param["solve"];
  results: SolveResult[];
  /** Warnings the CLI attaches (stale cards, notes on the input); as on stderr. */
  warnings?: string[];
}

const TWO = Exact.int(2);

/** The parameters `solve --for` takes (distinct prefixes are bounded by calls, so they are left out). */
function solvable(p: Param): boolean {
  return (p.kind === "count" && p.name !== "distinct-prefixes") || p.name === "cache-hit-rate";
}

function floorDiv(a: Exact, b: Exact): Exact {
  const q = a.div(b);
  let n = q.n / q.d;
  if (q.n < 0n && q.n % q.d !== 0n) n -= 1n;
  return Exact.int(n);
}

/** The smallest value of `p` every workload can take (calls cannot be fewer than distinct prefixes). */
function lowest(p: Param, plan: Plan): Exact {
  if (p.name !== "calls") return p.min;
  return plan.workloads.reduce((m, w) => (!w.callsPer && w.distinctPrefixes && w.distinctPrefixes.cmp(m) > 0 ? w.distinctPrefixes : m), p.min);
}

/** Largest whole x >= m with cost(x) <= budget, cost a non-decreasing polynomial of degree <= 2. */
function largest(cost: (x: Exact) => Exact, m: Exact, budget: Exact, model: string): Omit<SolveResult, "billedAs"> {
  const f0 = cost(m);
  if (f0.cmp(budget) > 0) return { model, status: "none-fits", value: null, cost: f0, next: null };
  const f1 = cost(m.add(Exact.ONE));
  const f2 = cost(m.add(TWO));
  const d1 = f1.sub(f0);
  const dd = f2.sub(f1).sub(d1);
  if (d1.isNegative() || dd.isNegative()) throw new Error(`solve: the cost on ${model} falls as the parameter grows`);
  if (d1.isZero() && dd.isZero()) return { model, status: "never-reached", value: null, cost: f0, next: null };
  // p(k) = f0 + k d1 + k(k-1)/2 dd, the cost at m + k.
  const p = (k: Exact) => f0.add(k.mul(d1)).add(k.mul(k.sub(Exact.ONE)).div(TWO).mul(dd));
  let k: Exact;
  if (dd.isZero()) k = floorDiv(budget.sub(f0), d1);
  else {
    let lo = Exact.ZERO;
    let hi = Exact.ONE;
    while (p(hi).cmp(budget) <= 0) {
      lo = hi;
      hi = hi.mul(TWO);
    }
    while (hi.sub(lo).cmp(Exact.ONE) > 0) {
      const mid = floorDiv(lo.add(hi), TWO);
      if (p(mid).cmp(budget) <= 0) lo = mid;
      else hi = mid;
    }
    k = lo;
  }
  const x = m.add(k);
  const fx = cost(x);
  const next = cost(x.add(Exact.ONE));
  if (fx.cmp(budget) > 0 || next.cmp(budget) <= 0) throw new Error(`solve: re-estimating ${model} at ${x.toDecimal()} disagrees with the solution`);
  return { model, status: "fits", value: x, cost: fx, next: { value: x.add(Exact.ONE), cost: next } };
}

/** Past this many steps from the smallest value, a cost that still fits and has not moved never reaches the budget. */
const FAR = 2n ** 64n;
/** Past this many steps the search gives up rather than run on (a budget beyond any sensible cost). */
const FARTHEST = 2n ** 256n;

/**
 * Largest whole x >= m with cost(x) <= budget, cost non-decreasing but not a polynomial (a long-context
 * tier makes it jump where a request's input crosses the threshold): doubling, then bisection, every
 * probe an exact estimate.
 */
function largestStepwise(cost: (x: Exact) => Exact, m: Exact, budget: Exact, model: string): Omit<SolveResult, "billedAs"> {
  const f0 = cost(m);
  if (f0.cmp(budget) > 0) return { model, status: "none-fits", value: null, cost: f0, next: null };
  const at = (k: bigint) => cost(m.add(Exact.int(k)));
  let lo = 0n;
  let hi = 1n;
  for (;;) {
    const fh = at(hi);
    if (fh.cmp(budget) > 0) break;
    if (hi >= FAR && fh.eq(f0)) return { model, status: "never-reached", value: null, cost: f0, next: null };
    if (hi >= FARTHEST) throw new InputError(`the budget is beyond any cost of ${model} solve can reach`, "give a smaller --budget");
    lo = hi;
    hi *= 2n;
  }
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (at(mid).cmp(budget) <= 0) lo = mid;
    else hi = mid;
  }
  const x = m.add(Exact.int(lo));
  const fx = cost(x);
  const next = cost(x.add(Exact.ONE));
  if (fx.cmp(budget) > 0 || next.cmp(budget) <= 0) throw new Error(`solve: re-estimating ${model} at ${x.toDecimal()} disagrees with the solution`);
  return { model, status: "fits", value: x, cost: fx, next: { value: x.add(Exact.ONE), cost: next } };
}

/** Lowest rate r in [0, 1] with cost(r) <= budget, cost affine in r. */
function lowestRate(cost: (r: Exact) => Exact, budget: Exact, model: string): Omit<SolveResult, "billedAs"> {
  const c0 = cost(Exact.ZERO);
  if (c0.cmp(budget) <= 0) return { model, status: "fits", value: Exact.ZERO, cost: c0, next: null };
  const c1 = cost(Exact.ONE);
  if (c1.cmp(budget) > 0) return { model, status: "none-fits", value: null, cost: c1, next: null };
  const r = budget.sub(c0).div(c1.sub(c0));
  const cr = cost(r);
  if (cr.cmp(budget) > 0) throw new Error(`solve: re-estimating ${model} at hit rate ${r.toDecimal()} disagrees with the solution`);
  return { model, status: "fits", value: r, cost: cr, next: null };
}

/** Solves for `param` on each model: the largest whole value whose cost fits `budget`, or the lowest hit rate. */
export function solve(book: RateBook, plan: Plan, opts: EstimateOptions, param: Param, budget: Exact): SolveReport {
  if (!solvable(param)) {
    throw new InputError(`solve cannot look for ${param.name}`, "solve --for takes calls, cached-prefix, miss, reply, reasoning, input, turns, system, user or cache-hit-rate");
  }
  checkTokensUnlessVaried(plan, [param.name]);
  const base: Target = { plan, opts };
  let currency = "";
  const results = estimateModels(book, plan, opts).map((model) => {
    let billedAs: string | null = null;
    const cost = (v: Exact): Exact => {
      const t = param.apply(base, v);
      const r = estimate(book, t.plan, { ...t.opts, models: [{ id: model }], allowNoTokens: true });
      currency = r.currency;
      billedAs = r.estimates[0]!.billedAs;
      return r.estimates[0]!.total;
    };
    const whole = hasTiers(book, model) ? largestStepwise : largest;
    const r = param.solve === "lowest" ? lowestRate(cost, budget, model) : whole(cost, lowest(param, plan), budget, model);
    return { ...r, billedAs };
  });
  return { asOf: opts.asOf, currency, budget, param: param.name, goal: param.solve, results };
}
