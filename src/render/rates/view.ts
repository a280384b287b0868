// A rates report as a document: one table of the prices in force, or of every version.

import { formatInstantShort, parseInstant } from "../../core/instant.js";
import type { Column, Document } from "../document.js";
import { formatRate } from "../format.js";
import type { RatesReport } from "../../report/types.js";
import { flatRows, priceText } from "./rows.js";

/** The mark of a reported price in the current listing, and its footnote. */
const MARK = "\u2020";
const FOOTNOTE = `${MARK} reported price: only third parties give this figure or its date`;

/** The rates report as a document. */
export function ratesDocument(report: RatesReport): Document {
  const history = report.kind === "history";
  const columns: Column[] = [
    { head: "model", kind: "text" },
    { head: "status", kind: "text" },
    { head: "from", kind: "date" },
    ...(history ? [{ head: "until", kind: "date" } as Column] : []),
    { head: "window", kind: "text" },
    { head: "cache hit", kind: "rate", short: "hit" },
    { head: "cache miss", kind: "rate", short: "miss" },
    { head: "output", kind: "rate", short: "out" },
    ...(history ? [{ head: "note", kind: "text", wrap: 46 } as Column] : []),
  ];
  const when = (t: string) => (t ? formatInstantShort(parseInstant(t)) : "");
  let marked = false;
  const rows: string[][] = flatRows(report).map((r, i, all) => {
    const mark = !history && r.prices !== null && r.confidence === "reported";
    if (mark) marked = true;
    const sameVersion = i > 0 && all[i - 1]!.model === r.model && all[i - 1]!.from === r.from;
    const rate = (k: "input_cache_hit" | "input_cache_miss" | "output") => priceText(r.prices, k, (x) => formatRate(x, r.currency));
    const status =
      r.status === "alias" ? `billed as ${r.billed_as}` : r.status === "retired" && r.replacement ? `retired, use ${r.replacement}` : r.status === "no-price" ? "no price yet" : r.status;
    return [
      mark ? `${r.model} ${MARK}` : r.model, status, when(r.from), ...(history ? [when(r.until)] : []), r.window ?? "",
      rate("input_cache_hit"), rate("input_cache_miss"), rate("output"),
      ...(history ? [sameVersion ? "" : [r.confidence === "reported" && !/reported/.test(r.note) ? "(reported)" : "", r.note].filter(Boolean).join(" ")] : []),
    ];
  });
  const title = report.kind === "current" ? `rates as of ${formatInstantShort(report.asOf)}, per 1M tokens` : "rate history, per 1M tokens";
  return { command: "rates", title, sections: [{ table: { columns, rows: rows.map((cells) => ({ cells })) }, ...(marked ? { after: [FOOTNOTE] } : {}) }], warnings: [] };
}
