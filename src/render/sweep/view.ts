// Sweep rows as values and display text, shared by the sweep renderers.

import { decimalFormatter, Exact } from "../../core/exact.js";
import { formatInstant, formatInstantShort, type Instant } from "../../core/instant.js";
import type { Axis } from "../../core/sweep-axis.js";
import type { Frac, Sweep } from "../../core/sweep.js";
import { formatMoney, formatShare, formatTokens } from "../format.js";

/** A sweep read to the end, with exact values (for the formats that do not stream). */
export interface SweepTable {
  sweep: Sweep;
  rows: { point: (Exact | Instant)[]; costs: (Exact | null)[] }[];
}

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

/** An axis value as data: a decimal string, or an ISO instant. */
export function pointData(v: Exact | Instant): string {
  return typeof v === "number" ? formatInstant(v) : v.toDecimal();
}

/** An axis value for people: grouped counts, shares as percentages, short dates. */
export function pointText(a: Axis, v: Exact | Instant): string {
  if (typeof v === "number") return formatInstantShort(v);
  if (a.param !== "as-of" && a.param.kind === "share") return formatShare(v);
  return formatTokens(v);
}

/** A cost for people ("n/a" where the model has no price). */
export function costText(c: Exact | null, currency: string): string {
  return c ? formatMoney(c, currency) : "n/a";
}

/** "ratecard sweep · reply = 0..4000+1000 · USD" */
export function sweepHeadline(s: Sweep): string {
  const vary = s.axes.map((a) => `${axisName(a)} = ${a.spec}`).join(" × ");
  return `sweep of ${vary} · ${s.size} point${s.size === 1 ? "" : "s"} · total cost in ${s.currency}`;
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
