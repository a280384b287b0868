// The display rows of an estimate, shared by the table and markdown renderers.

import { multiples } from "../../core/estimate.js";
import { formatInstantShort } from "../../core/instant.js";
import type { EstimateReport, ModelEstimate } from "../../core/types.js";
import { bucketLabel, formatMoney, formatMultiple, formatRate, formatShare, formatTokens, windowLabel } from "../format.js";

/** One display row; `kind` says whether it is a priced line, a subtotal or the total. */
export interface ViewRow {
  kind: "line" | "subtotal" | "total";
  workload: string;
  bucket: string;
  window: string;
  tokens: string;
  rate: string;
  cost: string;
}

/** A model's block: a title, facts about its price version, and rows. */
export interface ModelView {
  title: string;
  facts: string[];
  hasWindows: boolean;
  rows: ViewRow[];
}

function modelTitle(e: ModelEstimate): string {
  return e.billedAs ? `${e.model} (billed as ${e.billedAs})` : e.model;
}

/** Builds the display block of one model. */
export function modelView(e: ModelEstimate, currency: string): ModelView {
  const facts = [`prices from ${formatInstantShort(e.priceFrom)}${e.source ? ` (${e.source})` : ""}`];
  if (e.peakShare) facts.push(`${formatShare(e.peakShare)} of calls at peak prices`);
  const rows: ViewRow[] = [];
  const several = e.items.length > 1;
  for (const item of e.items) {
    for (const l of item.lines) {
      rows.push({
        kind: "line",
        workload: item.workload,
        bucket: bucketLabel(l.bucket),
        window: windowLabel(l.window),
        tokens: formatTokens(l.tokens),
        rate: formatRate(l.rate, currency),
        cost: formatMoney(l.cost, currency),
      });
    }
    if (several) rows.push({ kind: "subtotal", workload: item.workload, bucket: "subtotal", window: "", tokens: "", rate: "", cost: formatMoney(item.total, currency) });
  }
  rows.push({ kind: "total", workload: "total", bucket: "", window: "", tokens: "", rate: "", cost: formatMoney(e.total, currency) });
  return { title: modelTitle(e), facts, hasWindows: e.items.some((i) => i.lines.some((l) => l.window)), rows };
}

/** "as of 2026-04-24 · USD per 1M tokens" */
export function headline(report: EstimateReport): string {
  const name = report.planName ? `${report.planName} · ` : "";
  return `${name}as of ${formatInstantShort(report.asOf)} · prices in ${report.currency} per 1M tokens`;
}

/** The comparison of totals, cheapest = 1.00x; empty with fewer than two models. */
export function comparison(report: EstimateReport): { model: string; total: string; multiple: string }[] {
  if (report.estimates.length < 2) return [];
  const m = multiples(report);
  return report.estimates.map((e, i) => ({
    model: modelTitle(e),
    total: formatMoney(e.total, report.currency),
    multiple: m[i] ? formatMultiple(m[i]!) : "n/a",
  }));
}
