// A rates report as a document: one table of the prices in force, or of every version; fees as notes.

import { Exact } from "../../core/exact.js";
import { formatInstantShort, parseInstant } from "../../core/instant.js";
import type { Column, Document, Note } from "../document.js";
import { formatRate, formatTokens, REPORTED_MARK, REPORTED_NOTE } from "../format.js";
import type { RatesReport } from "../../report/types.js";
import { feeHistory, feesAt, writesText, type FeeRow } from "./parts.js";
import { flatRows, priceText, type FlatRow } from "./rows.js";

/** "$0.75 per 1,000 requests from 2026-10-17" (or "removed from ..."). */
function feeText(r: FeeRow, currency: string, history: boolean): string {
  const v = r.version;
  const span = history ? ` from ${formatInstantShort(v.from)}${r.until !== null ? ` until ${formatInstantShort(r.until)}` : ""}` : "";
  if (v.removed) return `${r.fee.id}: removed${span}`;
  const other = Object.entries(v.currencies ?? {}).map(([c, x]) => ` (${formatRate(x, c)})`).join("");
  const unit = r.fee.unit !== "request" ? `x ${r.fee.unit}` : v.per!.eq(Exact.ONE) ? "request" : "requests";
  return `${r.fee.id}${r.fee.name ? ` (${r.fee.name})` : ""}: ${formatRate(v.price!, currency)}${other} per ${formatTokens(v.per!)} ${unit}${span}`;
}

/** One note per distinct fee listing, naming the models it applies to. */
function feeNotes(report: RatesReport, rows: FlatRow[]): Note[] {
  const byText = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const r of rows) {
    if (!r.fees || seen.has(r.model)) continue;
    seen.add(r.model);
    const listed = report.kind === "current" ? feesAt(r.fees, report.asOf) : Object.values(r.fees).flatMap(feeHistory);
    for (const f of listed) {
      const text = feeText(f, r.currency, report.kind === "history");
      byText.set(text, [...(byText.get(text) ?? []), r.model]);
    }
  }
  return [...byText].map(([text, models]) => ({ text: `fee ${text} (${models.join(", ")})` }));
}

/** The rates report as a document; cache-write and limit columns appear only when a listed version has them. */
export function ratesDocument(report: RatesReport): Document {
  const history = report.kind === "history";
  const all = flatRows(report);
  const writes = all.some((r) => r.prices?.input_cache_write || r.prices?.writes);
  const limits = all.some((r) => r.version?.contextWindow || r.version?.maxOutput);
  const columns: Column[] = [
    { head: "model", kind: "text" },
    { head: "status", kind: "text" },
    { head: "from", kind: "date" },
    ...(history ? [{ head: "until", kind: "date" } as Column] : []),
    { head: "window", kind: "text" },
    { head: "cache hit", kind: "rate", short: "hit" },
    { head: "cache miss", kind: "rate", short: "miss" },
    ...(writes ? [{ head: "cache write", kind: "rate", short: "write" } as Column] : []),
    { head: "output", kind: "rate", short: "out" },
    ...(limits ? [{ head: "context", kind: "tokens" } as Column, { head: "max output", kind: "tokens", short: "max out" } as Column] : []),
    ...(history ? [{ head: "note", kind: "text", wrap: 46 } as Column] : []),
  ];
  const when = (t: string) => (t ? formatInstantShort(parseInstant(t)) : "");
  let marked = false;
  const rows: string[][] = all.map((r, i) => {
    const mark = !history && r.prices !== null && !r.part && r.confidence === "reported";
    if (mark) marked = true;
    const sameVersion = i > 0 && all[i - 1]!.model === r.model && all[i - 1]!.from === r.from;
    const show = (x: Exact) => formatRate(x, r.currency);
    const rate = (k: "input_cache_hit" | "input_cache_miss" | "output") => priceText(r.prices, k, show);
    const status =
      r.status === "alias" ? `billed as ${r.billed_as}` : r.status === "retired" && r.replacement ? `retired, use ${r.replacement}` : r.status === "no-price" ? "no price yet" : r.status;
    const window = r.part ? [r.window, r.part].filter(Boolean).join(", ") : (r.window ?? "");
    const limit = (x: Exact | undefined) => (x && !r.part && !sameVersion ? formatTokens(x) : "");
    return [
      mark ? `${r.model} ${REPORTED_MARK}` : r.model, status, when(r.from), ...(history ? [when(r.until)] : []), window,
      rate("input_cache_hit"), rate("input_cache_miss"), ...(writes ? [writesText(r.prices, r.version?.defaultRetention, show)] : []), rate("output"),
      ...(limits ? [limit(r.version?.contextWindow), limit(r.version?.maxOutput)] : []),
      ...(history ? [sameVersion ? "" : [r.confidence === "reported" && !/reported/.test(r.note) ? "(reported)" : "", r.note].filter(Boolean).join(" ")] : []),
    ];
  });
  const title = report.kind === "current" ? `rates as of ${formatInstantShort(report.asOf)}, per 1M tokens` : "rate history, per 1M tokens";
  const notes = feeNotes(report, all);
  return {
    command: "rates",
    title,
    sections: [{ table: { columns, rows: rows.map((cells) => ({ cells })) }, ...(marked ? { after: [REPORTED_NOTE] } : {}), ...(notes.length ? { notes } : {}) }],
    warnings: [],
  };
}
