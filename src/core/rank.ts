// Ranking an estimate's models by cost: `estimate --top N` keeps the N cheapest.

import type { EstimateReport } from "./types.js";

/** The report with its models sorted by total, cheapest first (ties keep their order), cut to the first `n`. */
export function cheapest(report: EstimateReport, n: number): EstimateReport {
  const order = report.estimates.map((e, i) => ({ e, i })).sort((a, b) => a.e.total.cmp(b.e.total) || a.i - b.i);
  return { ...report, estimates: order.slice(0, n).map((x) => x.e) };
}
