// Rates report -> display cells shared by the table and markdown renderers.

import { formatInstantShort, parseInstant } from "../../core/instant.js";
import { formatRate } from "../format.js";
import { flatRows, priceText, type RatesReport } from "./rows.js";

/** Column headings and display rows of a rates report. */
export function ratesDisplay(report: RatesReport): { head: string[]; rows: string[][]; right: boolean[] } {
  const history = report.kind === "history";
  const head = ["model", "status", "from", ...(history ? ["until"] : []), "window", "cache hit", "cache miss", "output", ...(history ? ["note"] : [])];
  const when = (t: string) => (t ? formatInstantShort(parseInstant(t)) : "");
  const rows = flatRows(report).map((r, i, all) => {
    const sameVersion = i > 0 && all[i - 1]!.model === r.model && all[i - 1]!.from === r.from;
    const rate = (k: "input_cache_hit" | "input_cache_miss" | "output") => priceText(r.prices, k, (x) => formatRate(x, r.currency));
    const status =
      r.status === "alias" ? `billed as ${r.billed_as}` : r.status === "retired" && r.replacement ? `retired, use ${r.replacement}` : r.status === "no-price" ? "no price yet" : r.status;
    return [
      r.model, status, when(r.from), ...(history ? [when(r.until)] : []), r.window ?? "",
      rate("input_cache_hit"), rate("input_cache_miss"), rate("output"),
      ...(history ? [sameVersion ? "" : [r.confidence === "reported" && !/reported/.test(r.note) ? "(reported)" : "", r.note].filter(Boolean).join(" ")] : []),
    ];
  });
  const right = head.map((h) => ["cache hit", "cache miss", "output"].includes(h));
  return { head, rows, right };
}

/** The heading line of a rates report. */
export function ratesHeadline(report: RatesReport): string {
  return report.kind === "current" ? `rates as of ${formatInstantShort(report.asOf)}, per 1M tokens` : "rate history, per 1M tokens";
}
