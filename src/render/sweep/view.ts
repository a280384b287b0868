// A sweep as values (for JSON) and as a document: a row per point, a column per model, the chart's lines.

import { decimalFormatter, Exact } from "../../core/exact.js";
import { formatInstantShort, type Instant } from "../../core/instant.js";
import type { Axis } from "../../core/sweep-axis.js";
import type { Frac, Sweep } from "../../core/sweep.js";
import type { SweepTable } from "../../report/types.js";
import type { Chart, Column, Document } from "../document.js";
import { chartScale, formatCount, formatMoney, formatShare, formatTokens } from "../format.js";


/** Reads every row of a sweep into exact values. */
export function collectSweep(sweep: Sweep): SweepTable {
  const rows: SweepTable["rows"] = [];
  for (const r of sweep.rows()) {
    rows.push({
      point: r.point.map((p) => (typeof p === "number" ? p : Exact.of(p.n, p.d))),
      costs: r.costs.map((c) => c && Exact.of(c.n, c.d)),
    });
  }
  return { sweep, rows };
}

/** The column name of an axis. */
export function axisName(a: Axis): string {
  return a.param === "as-of" ? "as-of" : a.param.name;
}

/** An axis value for people: grouped counts, shares as percentages, short dates. */
function pointText(a: Axis, v: Exact | Instant): string {
  if (typeof v === "number") return formatInstantShort(v);
  if (a.param !== "as-of" && a.param.kind === "share") return formatShare(v);
  return formatTokens(v);
}

/** A cost for people ("n/a" where the model has no price). */
function costText(c: Exact | null, currency: string): string {
  return c ? formatMoney(c, currency) : "n/a";
}

/** "ratecard sweep · reply = 0..4000+1000 · USD" */
function sweepHeadline(s: Sweep): string {
  const vary = s.axes.map((a) => `${axisName(a)} = ${a.spec}`).join(" × ");
  return `sweep of ${vary} · ${formatCount(s.size)} point${s.size === 1 ? "" : "s"} · total cost in ${s.currency}`;
}

/** One line per model without a price at some points. */
export function gapNotes(s: Sweep): string[] {
  return s.gaps.map((g) => `${g.model}: no price at ${g.points} point${g.points === 1 ? "" : "s"} (n/a), e.g. ${g.reason}`);
}

/** How many denominators one column keeps a formatter for (a 2-D sweep has one per inner point). */
const FORMATTERS = 4096;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Formats the fractions of one column exactly as `Exact.toDecimal` does, with a formatter per
 * denominator built once and kept: the rows of a 2-D sweep cycle through the inner axis's
 * denominators, so rebuilding on each change would rebuild per cell.
 */
export function fracFormatter(): (f: Frac) => string {
  const byDenominator = new Map<number | bigint, (n: bigint) => string>();
  let d = 0n;
  let fmt: (n: bigint) => string = () => ""; // replaced on the first call (d > 0)
  return (f) => {
    if (f.d !== d) {
      d = f.d;
      const key = d <= MAX_SAFE ? Number(d) : d; // number keys hash faster than BigInt ones
      let found = byDenominator.get(key);
      if (!found) {
        if (byDenominator.size >= FORMATTERS) byDenominator.clear();
        found = decimalFormatter(d);
        byDenominator.set(key, found);
      }
      fmt = found;
    }
    return fmt(f.n);
  };
}

/** The chart of a one-parameter sweep: cost against the parameter, one line per model. */
function sweepChart(t: SweepTable): Chart | undefined {
  const s = t.sweep;
  if (s.axes.length !== 1 || t.rows.length === 0) return undefined;
  const axis = s.axes[0]!;
  const costs = t.rows.flatMap((r) => r.costs.filter((x): x is Exact => x !== null));
  if (costs.length === 0) return undefined;
  const y = chartScale(costs);
  const xs = t.rows.map((r) => (typeof r.point[0] === "number" ? Exact.int(r.point[0]) : (r.point[0] as Exact)));
  const x = chartScale(xs);
  return {
    kind: "lines",
    title: `total cost against ${axisName(axis)} (${s.currency})`,
    x: {
      name: axisName(axis),
      values: xs.map(x.at),
      labels: t.rows.map((r) => pointText(axis, r.point[0]!)),
    },
    series: s.models.map((name, i) => ({ name, values: t.rows.map((r) => (r.costs[i] ? y.at(r.costs[i]!) : null)) })),
    yLabels: { top: formatMoney(y.hi, s.currency), bottom: formatMoney(y.lo, s.currency) },
  };
}

/** The sweep as a document. */
export function sweepDocument(t: SweepTable): Document {
  const s = t.sweep;
  const columns: Column[] = [
    ...s.axes.map((a): Column => ({ head: axisName(a), kind: a.param === "as-of" ? "date" : a.param.kind === "share" ? "percent" : "tokens", align: "right" })),
    ...s.models.map((m): Column => ({ head: m, kind: "money" })),
  ];
  const rows = t.rows.map((r) => ({ cells: [...r.point.map((v, i) => pointText(s.axes[i]!, v)), ...r.costs.map((c) => costText(c, s.currency))] }));
  const chart = sweepChart(t);
  return {
    command: "sweep",
    title: "ratecard sweep",
    headline: sweepHeadline(s),
    ...(chart ? { chart } : {}),
    sections: [{ table: { columns, rows }, notes: gapNotes(s).map((text) => ({ text, level: "dim" })) }],
    warnings: [],
  };
}
