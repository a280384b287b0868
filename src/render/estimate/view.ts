// An estimate report as a document: a block per model (facts, priced lines, totals), then the comparison.

import { multiples } from "../../core/estimate.js";
import type { Exact } from "../../core/exact.js";
import { formatInstantShort } from "../../core/instant.js";
import type { EstimateReport, ItemEstimate, Line, ModelEstimate, StretchEstimate } from "../../core/types.js";
import type { Chart, Column, Document, Section } from "../document.js";
import { billedLabel, bucketLabel, chartScale, moneyAddingUp, formatMoney, formatMultiple, formatRate, formatShare, formatTokens, REPORTED_MARK, REPORTED_NOTE, windowLabel } from "../format.js";

/** One display row; `kind` says whether it is a priced line, a subtotal or the total. */
interface ViewRow {
  kind: "line" | "stretch" | "subtotal" | "total";
  workload: string;
  bucket: string;
  window: string;
  tokens: string;
  rate: string;
  cost: string;
}

/** A model's block: a title, facts about its price version, and rows. */
interface ModelView {
  title: string;
  facts: string[];
  hasWindows: boolean;
  rows: ViewRow[];
  /** "$56.00 + $28.00 + $84.00 = $168.00", when the displayed amounts add up exactly. */
  sumLine?: string;
}

function modelTitle(e: ModelEstimate): string {
  const title = billedLabel(e.model, e.billedAs);
  return e.confidence === "reported" ? `${title} ${REPORTED_MARK}` : title;
}

/** Facts about one item's forms: its schedule's peak share, its period, token counts from files. */
function itemFacts(item: ItemEstimate, currency: string, named: boolean): string[] {
  const who = named ? `${item.workload}: ` : "";
  const out: string[] = [];
  if (item.schedule) {
    const share = item.schedule.peakShare ? `${formatShare(item.schedule.peakShare)} of calls at peak prices` : "flat prices, no peak hours";
    out.push(`${who}schedule ${item.schedule.text}: ${share}`);
  }
  if (item.peakShare) out.push(`${who}peak_share: ${formatShare(item.peakShare)} of calls at peak prices`);
  if (item.period) {
    const p = item.period;
    out.push(`${who}period ${p.text} (${formatTokens(p.days)} days from ${formatInstantShort(p.start)}): ${formatTokens(p.calls)} calls, ${formatMoney(p.perDay, currency)} per day on average`);
  }
  for (const st of item.stretches ?? []) {
    const alias = st.billedAs ? `billed as ${st.billedAs}, ` : "";
    const share = st.peakShare ? `, ${formatShare(st.peakShare)} at peak` : "";
    out.push(`${who}${stretchSpan(st)}: ${alias}prices from ${formatInstantShort(st.priceFrom)}${share}, ${formatTokens(st.calls)} calls, ${formatMoney(st.total, currency)}`);
  }
  for (const t of item.tokenFiles ?? []) {
    out.push(`${who}${t.field} = ${formatTokens(t.tokens)} tokens of ${t.file}, counted by the DeepSeek V3 tokenizer (an approximation for V4)`);
  }
  return out;
}

/** "from 2026-08-01 until 2026-08-16 16:00 UTC" */
function stretchSpan(st: StretchEstimate): string {
  return `from ${formatInstantShort(st.from)} until ${formatInstantShort(st.until)}`;
}

/** How the prices reached the report currency, when it is not the card's. */
function conversionFact(e: ModelEstimate, currency: string): string[] {
  if (e.conversion === undefined) return [];
  if (e.conversion === null) return [`${currency} prices as published in the rate card`];
  return [`prices converted from ${e.conversion.from} at 1 ${e.conversion.from} = ${e.conversion.rate.toDecimal()} ${currency} (--fx)`];
}

/**
 * A line's bucket label with what priced it: "input, cache write 1h", "requests: search",
 * "output (above 200000, batch)".
 */
function lineLabel(l: Line): string {
  let label = bucketLabel(l.bucket);
  if (l.bucket === "input_cache_write" && l.retention) label += ` ${l.retention}`;
  if (l.fee) label += `: ${l.fee}`;
  const how = [...(l.tier ? [l.tier] : []), ...(l.modifiers ?? [])];
  return how.length ? `${label} (${how.join(", ")})` : label;
}

/** Builds the display block of one model. */
function modelView(e: ModelEstimate, currency: string): ModelView {
  const facts = [`prices from ${formatInstantShort(e.priceFrom)}${e.source ? ` (${e.source})` : ""}`, ...conversionFact(e, currency)];
  if (e.confidence === "reported") facts.push(`${REPORTED_NOTE}; check it before you budget on it`);
  if (e.peakShare && !e.items.every((i) => i.schedule || i.peakShare)) facts.push(`${formatShare(e.peakShare)} of calls at peak prices`);
  for (const item of e.items) facts.push(...itemFacts(item, currency, e.items.length > 1));
  if (e.perDay && e.items.length > 1) facts.push(`total ${formatMoney(e.perDay, currency)} per day on average`);
  const rows: ViewRow[] = [];
  const several = e.items.length > 1;
  // the amounts shown add up: lines to each subtotal, subtotals (or lines) to the total
  const money = moneyAddingUp(
    several
      ? [...e.items.map((i) => ({ parts: i.lines.map((l) => l.cost), total: i.total })), { parts: e.items.map((i) => i.total), total: e.total }]
      : [{ parts: e.items.flatMap((i) => i.lines.map((l) => l.cost)), total: e.total }],
    currency,
  );
  const rates = new Map<Exact, string>(); // lines share a few rate objects: format each once
  const rateText = (r: Exact) => rates.get(r) ?? (rates.set(r, formatRate(r, currency)), rates.get(r)!);
  for (const item of e.items) {
    item.lines.forEach((l, k) => {
      const st = l.stretch !== undefined && item.lines[k - 1]?.stretch !== l.stretch ? item.stretches?.[l.stretch] : undefined;
      if (st) rows.push({ kind: "stretch", workload: item.workload, bucket: stretchSpan(st), window: "", tokens: "", rate: "", cost: formatMoney(st.total, currency) });
      rows.push({
        kind: "line",
        workload: item.workload,
        bucket: lineLabel(l),
        window: windowLabel(l.window),
        tokens: formatTokens(l.fee ? l.count! : l.tokens),
        rate: l.fee ? `${rateText(l.rate)} per ${formatTokens(l.per!)}` : rateText(l.rate),
        cost: money(l.cost),
      });
    });
    if (several) rows.push({ kind: "subtotal", workload: item.workload, bucket: "subtotal", window: "", tokens: "", rate: "", cost: money(item.total) });
  }
  rows.push({ kind: "total", workload: "total", bucket: "", window: "", tokens: "", rate: "", cost: money(e.total) });
  const lines = e.items.flatMap((i) => i.lines);
  const notes = [...new Set(lines.map((l) => l.note).filter((n): n is string => !!n))];
  for (const n of notes) facts.push(`cache writes: ${n}`);
  let shown = 0n; // in cents, as whole numbers: linear in the lines
  for (const l of lines) shown += l.cost.scaledHalfEven(2);
  const sumLine = lines.length > 1 && shown === e.total.scaledHalfEven(2) && !lines.some((l) => l.cost.scaledHalfEven(2) === 0n && !l.cost.isZero())
    ? `${lines.map((l) => money(l.cost)).join(" + ")} = ${money(e.total)}`
    : undefined;
  return { title: modelTitle(e), facts, hasWindows: lines.some((l) => l.window), rows, sumLine };
}

/** "as of 2026-04-24 · USD per 1M tokens" */
function headline(report: EstimateReport): string {
  const name = report.planName ? `${report.planName} · ` : "";
  return `${name}as of ${formatInstantShort(report.asOf)} · prices in ${report.currency} per 1M tokens`;
}

/**
 * The comparison of totals, cheapest first (= 1.00x), noting models that cover fewer workloads;
 * empty with fewer than two models.
 */
function comparison(report: EstimateReport): { model: string; total: string; multiple: string }[] {
  if (report.estimates.length < 2) return [];
  const m = multiples(report);
  const most = Math.max(...report.estimates.map((e) => e.items.length));
  const order = report.estimates.map((_, i) => i).sort((a, b) => report.estimates[a]!.total.cmp(report.estimates[b]!.total) || a - b);
  return order.map((i) => {
    const e = report.estimates[i]!;
    return {
      model: modelTitle(e) + (e.items.length < most ? ` (${e.items.length} of ${most} workloads)` : ""),
      total: formatMoney(e.total, report.currency),
      multiple: m[i] ? formatMultiple(m[i]!) : "n/a",
    };
  });
}

/** The estimate report as a document. */
export function estimateDocument(report: EstimateReport): Document {
  const sections: Section[] = report.estimates.map((e, i) => {
    const view = modelView(e, report.currency);
    const columns: Column[] = [
      { head: "workload", kind: "text" },
      { head: "bucket", kind: "text" },
      ...(view.hasWindows ? [{ head: "window", kind: "text" } as Column] : []),
      { head: "tokens", kind: "tokens" },
      { head: "per 1M", kind: "rate" },
      { head: "cost", kind: "money" },
    ];
    const rows = view.rows.map((r) => ({
      cells: [r.workload, r.bucket, ...(view.hasWindows ? [r.window] : []), r.tokens, r.rate, r.cost],
      strong: r.kind !== "line",
    }));
    return { title: view.title, facts: view.facts, table: { columns, rows }, after: view.sumLine ? [view.sumLine] : [], gap: i > 0 };
  });
  const cmp = comparison(report);
  if (cmp.length > 0) {
    sections.push({
      gap: true,
      table: {
        layout: "line",
        label: "comparison",
        columns: [{ head: "model", kind: "text" }, { head: "total", kind: "money" }, { head: "vs cheapest", kind: "percent" }],
        rows: cmp.map((x) => ({ cells: [x.model, x.total, x.multiple] })),
      },
    });
  }
  const scale = chartScale(report.estimates.map((e) => e.total), true);
  const chart: Chart = {
    kind: "bars",
    title: `total cost per model (${report.currency})`,
    bars: report.estimates.map((e) => ({ label: modelTitle(e), value: scale.at(e.total), text: formatMoney(e.total, report.currency) })),
  };
  return { command: "estimate", title: "ratecard estimate", headline: headline(report), gap: true, chart, sections, warnings: report.warnings };
}
