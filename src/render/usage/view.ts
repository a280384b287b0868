// A usage report as a document: spend per group with the total, the prices applied, then notes.

import { Exact, sum } from "../../core/exact.js";
import { formatInstantShort } from "../../core/instant.js";
import { compareNames } from "../../core/order.js";
import type { UsageLine, UsageReport } from "../../usage/types.js";
import type { Chart, Column, ColumnKind, Document, Note, Section } from "../document.js";
import { billedLabel, bucketLabel, chartScale, formatCount, formatMoney, formatRate, formatShare, formatTokens, moneyAddingUp } from "../format.js";

/** Headings, rows and right-aligned columns of one table; the last row of `groups` is the total. */
interface Grid {
  head: string[];
  rows: string[][];
  right: boolean[];
}

/** "usage 2026-08-14 to 2026-09-13 (UTC) · 12 records priced · USD" */
function usageHeadline(r: UsageReport): string {
  const { start, end } = r.period;
  const span = start !== null && end !== null ? ` ${formatInstantShort(start)} to ${formatInstantShort(end)} (${r.timeZone ?? "UTC"}, end excluded)` : "";
  return `usage${span} · ${formatCount(r.total.records)} record${r.total.records === 1 ? "" : "s"} priced, each at its own instant · ${r.currency}`;
}

/** One row per group, then the total: tokens per bucket and cost. */
function groupGrid(r: UsageReport): Grid {
  const dims = r.by.length > 0 ? r.by : ["group"];
  const writes = r.total.tokens.input_cache_write !== undefined;
  const head = [...dims, "records", "cache hit", "cache miss", ...(writes ? ["cache write"] : []), "output", "of it reasoning", "cost"];
  const money = moneyAddingUp([{ parts: r.groups.map((g) => g.cost), total: r.total.cost }], r.currency); // the groups shown add up to the total shown
  const counts = (t: UsageReport["total"]["tokens"]) => [
    formatTokens(t.input_cache_hit), formatTokens(t.input_cache_miss), ...(writes ? [formatTokens(t.input_cache_write ?? Exact.ZERO)] : []),
    formatTokens(t.output), formatTokens(t.reasoning),
  ];
  const rows = r.groups.map((g) => [...r.by.map((d) => g.key[d] ?? ""), formatCount(g.records), ...counts(g.tokens), money(g.cost)]);
  const t = r.total;
  rows.push(["total", ...dims.slice(1).map(() => ""), formatCount(t.records), ...counts(t.tokens), money(t.cost)]);
  return { head, rows, right: head.map((_, i) => i >= dims.length) };
}

const WINDOW_ORDER = { peak: 0, "off-peak": 1, flat: 2 };

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
const BUCKET_ORDER = { input_cache_hit: 0, input_cache_miss: 1, input_cache_write: 2, output: 3, request_fee: 4 };

/** A usage line's bucket label with what priced it: "input, cache write 1h", "requests: search", "output (above 200000)". */
function lineLabel(l: UsageLine): string {
  let label = bucketLabel(l.bucket);
  if (l.retention) label += ` ${l.retention}`;
  if (l.fee) label += `: ${l.fee}`;
  const how = [...(l.tier ? [l.tier] : []), ...(l.modifiers ?? [])];
  return how.length ? `${label} (${how.join(", ")})` : label;
}

/** One row per price applied (model, billed as, version, window, bucket) over the whole report. */
function priceGrid(r: UsageReport): Grid {
  const merged = new Map<string, { line: UsageLine; tokens: Exact[]; counts: Exact[]; costs: Exact[] }>();
  for (const g of r.groups) {
    for (const l of g.lines) {
      const k = [l.model, l.billedAs, l.priceFrom, l.window, l.bucket, l.retention, l.tier, l.modifiers?.join(), l.fee, l.rate.n, l.rate.d].join("\u0000");
      let m = merged.get(k);
      if (!m) merged.set(k, (m = { line: l, tokens: [], counts: [], costs: [] }));
      m.tokens.push(l.tokens);
      if (l.count) m.counts.push(l.count);
      m.costs.push(l.cost);
    }
  }
  const sorted = [...merged.values()].sort(
    ({ line: a }, { line: b }) =>
      compareNames(a.model, b.model) ||
      a.priceFrom - b.priceFrom ||
      WINDOW_ORDER[a.window ?? "flat"] - WINDOW_ORDER[b.window ?? "flat"] ||
      cmp(a.tier ?? "", b.tier ?? "") ||
      cmp(a.modifiers?.join() ?? "", b.modifiers?.join() ?? "") ||
      BUCKET_ORDER[a.bucket] - BUCKET_ORDER[b.bucket], // retentions keep the report's order (the default first)
  );
  const head = ["model", "billed as", "prices from", "window", "bucket", "tokens", "per 1M", "cost"];
  const rows = sorted.map(({ line: l, tokens, counts, costs }) => [
    l.model, l.billedAs ?? "", formatInstantShort(l.priceFrom), l.window ?? "", lineLabel(l),
    formatTokens(sum(l.fee ? counts : tokens)),
    l.fee ? `${formatRate(l.rate, r.currency)} per ${formatTokens(l.per!)}` : formatRate(l.rate, r.currency), formatMoney(sum(costs), r.currency),
  ]);
  return { head, rows, right: head.map((h) => ["tokens", "per 1M", "cost"].includes(h)) };
}

/** Lines about records not in the total: skipped per reason with positions, repeats, events, out of period. */
function noteLines(r: UsageReport): string[] {
  const out: string[] = [];
  const skipped = r.skipped.reduce((a, s) => a + s.count, 0);
  if (skipped > 0) {
    out.push(`skipped ${formatCount(skipped)} record${skipped === 1 ? "" : "s"} that cannot be priced (not in the total):`);
    for (const s of r.skipped) {
      const more = s.count > s.first.length ? `, ${formatCount(s.count - s.first.length)} more` : "";
      out.push(`  ${s.reason}: ${formatCount(s.count)} (${s.first.map((f) => `${f.at} ${f.detail}`).join("; ")}${more})`);
    }
  }
  const facts: string[] = [];
  if (r.duplicates > 0) facts.push(`${formatCount(r.duplicates)} repeated session-log record${r.duplicates === 1 ? "" : "s"} counted once`);
  if (r.ignored > 0) facts.push(`${formatCount(r.ignored)} session event${r.ignored === 1 ? "" : "s"} without usage ignored`);
  if (r.synthetic > 0) facts.push(`${formatCount(r.synthetic)} zero-usage <synthetic> record${r.synthetic === 1 ? "" : "s"} (not billed)`);
  if (r.outsidePeriod > 0) facts.push(`${formatCount(r.outsidePeriod)} record${r.outsidePeriod === 1 ? "" : "s"} outside the period`);
  if (facts.length > 0) out.push(facts.join(" · "));
  return out;
}

/** The --compare lines: each model's plan estimate and the actual spend as a share of it. */
function compareLines(r: UsageReport): string[] {
  const c = r.compare;
  if (!c) return [];
  const period = c.period ? ` for ${formatInstantShort(c.period.start)} to ${formatInstantShort(c.period.end)}` : "";
  const out = [`plan "${c.plan}" priced at ${formatInstantShort(c.asOf)}${period}, actual spend ${formatMoney(c.actual, r.currency)}:`];
  for (const e of c.estimates) {
    const model = billedLabel(e.model, e.billedAs);
    const share = e.total.isZero() ? "n/a" : formatShare(e.actual.div(e.total).roundHalfEven(4));
    out.push(`  ${model}: estimate ${formatMoney(e.total, r.currency)}, actual ${formatMoney(e.actual, r.currency)} = ${share} of it`);
  }
  return out;
}

const KINDS: Record<string, ColumnKind> = {
  records: "count", "cache hit": "tokens", "cache miss": "tokens", "cache write": "tokens", output: "tokens", "of it reasoning": "tokens", tokens: "tokens", "per 1M": "rate", cost: "money",
};
const SHORT: Record<string, string> = { "cache hit": "hit", "cache miss": "miss", "cache write": "write", output: "out", "of it reasoning": "reasoning" };

function columns(g: Grid): Column[] {
  return g.head.map((head, i) => ({ head, kind: KINDS[head] ?? "text", short: SHORT[head], align: g.right[i] ? "right" : "left" }));
}

function notes(lines: string[]): Note[] {
  return lines.map((n) => ({ text: n.trim(), sub: n.startsWith("  "), level: n.startsWith("skipped") ? "warn" : "info" }));
}

/** Spend per day stacked by model, when the report is grouped by day (the priced lines name the model). */
function spendChart(r: UsageReport): Chart | undefined {
  if (!r.by.includes("day") || r.groups.length === 0) return undefined;
  const days = [...new Set(r.groups.map((g) => g.key.day ?? ""))].sort();
  const models = [...new Set(r.groups.flatMap((g) => g.lines.map((l) => l.model)))].sort();
  const cost = new Map<string, Exact[]>();
  const perDay = new Map<string, Exact[]>();
  for (const g of r.groups) {
    const day = g.key.day ?? "";
    for (const l of g.lines) {
      const k = `${day}\u0000${l.model}`;
      const costs = cost.get(k);
      if (costs) costs.push(l.cost);
      else cost.set(k, [l.cost]);
    }
    const costs = perDay.get(day);
    if (costs) costs.push(g.cost);
    else perDay.set(day, [g.cost]);
  }
  const top = days.map((d) => sum(perDay.get(d) ?? [])).reduce((a, b) => (b.cmp(a) > 0 ? b : a), Exact.ZERO);
  const scale = chartScale([top], true); // from 0 to the costliest day, exactly (no float range to overflow)
  return {
    kind: "stacked",
    title: `spend per day by model (${r.currency}, ${r.timeZone ?? "UTC"} days)`,
    x: days,
    series: models.map((m) => ({ name: m, values: days.map((d) => scale.at(sum(cost.get(`${d}\u0000${m}`) ?? []))) })),
    top: { value: scale.at(top), text: formatMoney(top, r.currency) },
  };
}

/** The usage report as a document. */
export function usageDocument(r: UsageReport): Document {
  const groups = groupGrid(r);
  const sections: Section[] = [
    { table: { columns: columns(groups), rows: groups.rows.map((cells, i) => ({ cells, strong: i === groups.rows.length - 1 })) } },
  ];
  const prices = priceGrid(r);
  if (prices.rows.length > 0) sections.push({ gap: true, title: "prices applied", table: { columns: columns(prices), rows: prices.rows.map((cells) => ({ cells })) } });
  const n = noteLines(r);
  if (n.length > 0) sections.push({ gap: true, notes: notes(n) });
  const cmp = compareLines(r);
  if (cmp.length > 0) sections.push({ gap: true, notes: notes(cmp) });
  const chart = spendChart(r);
  return { command: "usage", title: "ratecard usage", headline: usageHeadline(r), ...(chart ? { chart } : {}), sections, warnings: r.warnings ?? [] };
}
