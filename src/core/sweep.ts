// Sweeps: a plan's exact cost on each model at every point of one or two varied parameters.

import { defaultModels, findModel, hasTiers } from "./resolve.js";
import { InputError } from "./errors.js";
import { Exact } from "./exact.js";
import { estimate, estimateModels, type EstimateOptions } from "./estimate.js";
import { workloadTotals } from "./forms/totals.js";
import type { Instant } from "./instant.js";
import { checkTokensUnlessVaried, type Target } from "./params.js";
import { axisLength, type Axis } from "./sweep-axis.js";
import type { Plan, RateBook } from "./types.js";

/** An exact value n/d, not necessarily in lowest terms (d > 0). */
export interface Frac {
  n: bigint;
  d: bigint;
}

/** One point of a sweep: the axis values (numbers, or instants for as-of) and each model's cost (null: no price there). */
export interface SweepRow {
  point: (Frac | Instant)[];
  costs: (Frac | null)[];
}

/** A model with no price at some points of an as-of sweep: how many, and why at the first. */
export interface SweepGap {
  model: string;
  points: number;
  reason: string;
}

/** A prepared sweep: its models and currency, and its rows (computed lazily, in order). */
export interface Sweep {
  axes: Axis[];
  models: string[];
  currency: string;
  /** Number of rows. */
  size: number;
  /**
   * The rows, computed as they are read. The row object is reused between steps: read it
   * before asking for the next. Exact: arithmetic ranges of polynomial parameters extend exact
   * values at three points by finite differences on a common denominator (BigInt), and the last
   * point is re-estimated to check the extension.
   */
  rows(): Generator<SweepRow>;
  /** Models without a price at some points (as-of sweeps), filled while rows are read. */
  gaps: SweepGap[];
}

const frac = (e: Exact): Frac => ({ n: e.n, d: e.d });

type Range = Extract<Axis, { kind: "range" }>;

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

function valueAt(axis: Axis, k: number): Exact | Instant {
  if (axis.kind === "range") return axis.start.add(axis.step.mul(Exact.int(k)));
  return axis.values[k]!;
}

function applyAt(t: Target, axis: Axis, v: Exact | Instant): Target {
  if (axis.param === "as-of") return { ...t, opts: { ...t.opts, asOf: v as Instant } };
  return axis.param.apply(t, v as Exact);
}

/** The models a sweep covers: the plan's or the options', else every model priced at some point. */
function sweepModels(book: RateBook, plan: Plan, opts: EstimateOptions, axes: Axis[]): string[] {
  const asOfAxis = axes.find((a) => a.param === "as-of");
  if (!asOfAxis || opts.models || plan.models || plan.workloads.some((w) => w.models)) {
    const at = asOfAxis ? { ...opts, asOf: (asOfAxis as { values: Instant[] }).values.at(-1)! } : opts;
    return estimateModels(book, plan, at);
  }
  const ids = new Set<string>();
  for (const t of (asOfAxis as { values: Instant[] }).values) for (const id of defaultModels(book, t)) ids.add(id);
  if (ids.size === 0) throw new InputError("no model has a price at any date of the sweep", "pick models with -m, or dates after a model's first price");
  return [...ids].sort();
}

/** Prepares a sweep of the plan over one or two axes (the first is the outer loop). */
export function sweep(book: RateBook, plan: Plan, opts: EstimateOptions, axes: Axis[]): Sweep {
  if (axes.length < 1 || axes.length > 2) throw new InputError("a sweep varies one or two parameters", "give --vary once or twice");
  if (axes.length === 2 && axes[0]!.param === axes[1]!.param) throw new InputError("both --vary flags name the same parameter", "vary two different parameters");
  for (const w of plan.workloads) workloadTotals(w, opts.asOf); // fail on a bad workload before the first row
  checkTokensUnlessVaried(plan, axes.map((a) => (a.param === "as-of" ? "as-of" : a.param.name)));
  const models = sweepModels(book, plan, opts, axes);
  for (const a of axes) {
    // Fail on a value the workload cannot take before the first row: the ends of each axis.
    const n = axisLength(a);
    for (const k of n > 1 ? [0, 1, n - 1] : [0]) applyAt({ plan, opts }, a, valueAt(a, k));
  }
  const currency = opts.currency ?? findModel(book, models[0]!).currency;
  const byAsOf = axes.some((a) => a.param === "as-of");
  const gapMap = new Map<string, SweepGap>();
  const gaps: SweepGap[] = [];

  /** The exact cost of the target on one model; null for a gap of an as-of sweep (the reason is kept). */
  function cost(t: Target, model: string): Exact | null {
    try {
      const r = estimate(book, t.plan, { ...t.opts, models: [{ id: model }], allowNoTokens: true });
      if (r.currency !== currency) {
        throw new InputError(`${model} is priced in ${r.currency}, the sweep in ${currency}`, "compare models of one currency per run, or give --currency");
      }
      return r.estimates[0]!.total;
    } catch (err) {
      if (!byAsOf || !(err instanceof InputError)) throw err;
      if (!gapMap.has(model)) {
        const gap = { model, points: 0, reason: err.message };
        gapMap.set(model, gap);
        gaps.push(gap);
      }
      return null;
    }
  }

  function countGaps(model: string, points: number): void {
    gapMap.get(model)!.points += points;
  }

  const inner = axes[axes.length - 1]!;
  const outer = axes.length === 2 ? axes[0]! : undefined;
  const base: Target = { plan, opts };

  /**
   * Finite-difference state of one model's cost along an arithmetic range: exact costs at points
   * 0, 1 and 2 on a common denominator give the value, first and second differences (exact for a
   * polynomial of degree <= 2); the last point is estimated too, to check the extension.
   */
  function differences(probes: Target[], axis: Range, model: string): { value: Frac; delta: bigint; second: bigint } | null {
    const [f0, f1, f2, fl] = probes.map((p) => cost(p, model));
    if (!f0 || !f1 || !f2 || !fl) return null; // no price at this as-of: a gap along the whole range
    const d = lcm(lcm(f0.d, f1.d), f2.d);
    const [n0, n1, n2] = [f0, f1, f2].map((f) => f.n * (d / f.d)) as [bigint, bigint, bigint];
    const second = n2 - 2n * n1 + n0;
    const L = BigInt(axis.count - 1);
    const predicted = Exact.of(n0 + L * (n1 - n0) + ((L * (L - 1n)) / 2n) * second, d);
    if (!predicted.eq(fl) || (axis.param.degree === 1 && second !== 0n)) {
      throw new Error(`sweep: the cost on ${model} is not a polynomial of degree ${axis.param.degree} in ${axis.param.name}`);
    }
    return { value: { n: n0, d }, delta: n1 - n0, second };
  }

  /** The targets at points 0, 1, 2 and the last of a range. */
  function probesOf(t: Target, axis: Range): Target[] {
    return [0, 1, 2, axis.count - 1].map((k) => applyAt(t, axis, valueAt(axis, k)));
  }

  /** The exact values of a range on one denominator, stepped in place. */
  function rangeCursor(axis: Range): { x: Frac; step: () => void } {
    const d = lcm(axis.start.d, axis.step.d);
    const x: Frac = { n: axis.start.n * (d / axis.start.d), d };
    const by = axis.step.n * (d / axis.step.d);
    return { x, step: () => (x.n += by) };
  }

  const pointOf = (v: Exact | Instant): Frac | Instant => (typeof v === "number" ? v : frac(v));

  /** Every point priced by a full estimate (lists, as-of dates, short ranges). */
  function* plain(): Generator<SweepRow> {
    const row: SweepRow = { point: [], costs: models.map(() => null) };
    const outerN = outer ? axisLength(outer) : 1;
    for (let i = 0; i < outerN; i++) {
      const ov = outer ? valueAt(outer, i) : undefined;
      const t = outer ? applyAt(base, outer, ov!) : base;
      for (let k = 0; k < axisLength(inner); k++) {
        const v = valueAt(inner, k);
        const at = applyAt(t, inner, v);
        row.point = outer ? [pointOf(ov!), pointOf(v)] : [pointOf(v)];
        models.forEach((m, j) => {
          const c = cost(at, m);
          if (!c) countGaps(m, 1);
          row.costs[j] = c && frac(c);
        });
        yield row;
      }
    }
  }

  /** The inner axis is a range: per outer point, four estimates per model, then finite differences. */
  function* alongInner(axis: Range): Generator<SweepRow> {
    const row: SweepRow = { point: [], costs: models.map(() => null) };
    const outerN = outer ? axisLength(outer) : 1;
    for (let i = 0; i < outerN; i++) {
      const ov = outer ? valueAt(outer, i) : undefined;
      const probes = probesOf(outer ? applyAt(base, outer, ov!) : base, axis);
      const states = models.map((m) => differences(probes, axis, m));
      states.forEach((st, j) => (st ? undefined : countGaps(models[j]!, axis.count)));
      const cursor = rangeCursor(axis);
      row.point = outer ? [pointOf(ov!), cursor.x] : [cursor.x];
      states.forEach((st, j) => (row.costs[j] = st ? st.value : null));
      const live = states.filter((st) => st !== null);
      for (let k = 0; k < axis.count; k++) {
        yield row;
        cursor.step();
        for (const st of live) {
          st.value.n += st.delta;
          st.delta += st.second;
        }
      }
    }
  }

  /** The outer axis is a range (and the inner one short or not a range): one difference state per inner point. */
  function* alongOuter(axis: Range, innerAxis: Axis): Generator<SweepRow> {
    const probes = probesOf(base, axis);
    const innerValues = Array.from({ length: axisLength(innerAxis) }, (_, k) => valueAt(innerAxis, k));
    const states = innerValues.map((v) => {
      const at = probes.map((p) => applyAt(p, innerAxis, v));
      return models.map((m) => {
        const st = differences(at, axis, m);
        if (!st) countGaps(m, axis.count);
        return st;
      });
    });
    const innerPoints = innerValues.map(pointOf);
    const cursor = rangeCursor(axis);
    const row: SweepRow = { point: [cursor.x, innerPoints[0]!], costs: models.map(() => null) };
    for (let i = 0; i < axis.count; i++) {
      for (let k = 0; k < innerPoints.length; k++) {
        row.point[1] = innerPoints[k]!;
        const perModel = states[k]!;
        for (let j = 0; j < perModel.length; j++) row.costs[j] = perModel[j] ? perModel[j]!.value : null;
        yield row;
      }
      cursor.step();
      for (const perModel of states) {
        for (const st of perModel) {
          if (!st) continue;
          st.value.n += st.delta;
          st.delta += st.second;
        }
      }
    }
  }

  /** Picks the cheaper exact strategy: differences along the inner range, along the outer one, or none (tiered models). */
  const tiered = models.some((m) => hasTiers(book, m));
  function rows(): Generator<SweepRow> {
    if (tiered) return plain();
    const extendable = (a: Axis | undefined): a is Range => a?.kind === "range" && a.count >= 4;
    const innerCost = extendable(inner) ? (outer ? axisLength(outer) : 1) : Infinity;
    const outerCost = extendable(outer) ? axisLength(inner) : Infinity;
    if (innerCost === Infinity && outerCost === Infinity) return plain();
    return innerCost <= outerCost ? alongInner(inner as Range) : alongOuter(outer as Range, inner);
  }

  const size = axes.reduce((acc, a) => acc * axisLength(a), 1);
  return { axes, models, currency, size, rows, gaps };
}
