// Rates report -> display cells shared by the table and markdown renderers.

import { formatInstantShort, parseInstant } from "../../core/instant.js";
import { formatRate } from "../format.js";
import { flatRows, priceText, type RatesReport } from "./rows.js";

/** Column headings and display rows of a rates report. */
export function ratesDisplay(report: RatesReport): { head: string[]; rows: string[][]; right: boolean[] } {
  const history = report.kind === "history";
  const head = ["model", "status", "from", ...(history ? ["until"] : []), "window", "cache hit", "cache miss", "output", ...(history ? ["note"] : ["billed as"])];
  const when = (t: string) => (t ? formatInstantShort(parseInstant(t)) : "");
  const rows = flatRows(report).map((r) => {
    const rate = (k: "input_cache_hit" | "input_cache_miss" | "output") => priceText(r.prices, k, (x) => formatRate(x, r.currency));
    const status = r.status === "alias" ? `billed as ${r.billed_as}` : r.status === "retired" && r.billed_as ? `retired, ${r.billed_as}` : r.status;
    return [
      r.model, status, when(r.from), ...(history ? [when(r.until)] : []), r.window ?? "",
      rate("input_cache_hit"), rate("input_cache_miss"), rate("output"),
      history ? [r.confidence === "reported" ? "(reported)" : "", r.note].filter(Boolean).join(" ") : r.status === "alias" ? r.billed_as : "",
    ];
  });
  const right = head.map((h) => ["cache hit", "cache miss", "output"].includes(h));
  return { head, rows, right };
}

/** The heading line of a rates report. */
export function ratesHeadline(report: RatesReport): string {
  return report.kind === "current" ? `rates as of ${formatInstantShort(report.asOf)}, per 1M tokens` : "rate history, per 1M tokens";
}
