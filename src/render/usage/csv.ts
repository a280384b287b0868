// Usage report -> CSV: one row per priced line of each group, exact decimal strings.

import { formatInstant } from "../../core/instant.js";
import type { UsageReport } from "../../usage/types.js";
import { csvDocument } from "../csv.js";

/**
 * Renders a usage report as RFC 4180 CSV. The group's day, week or month leads each row; model
 * and window are columns of every line already.
 */
export function renderUsageCsv(r: UsageReport): string {
  const time = r.by.filter((d) => d === "day" || d === "week" || d === "month");
  const header = [...time, "model", "billed_as", "price_from", "window", "bucket", "tokens", "rate", "cost", "currency"];
  const rows: string[][] = [];
  for (const g of r.groups) {
    for (const l of g.lines) {
      rows.push([
        ...time.map((d) => g.key[d] ?? ""),
        l.model, l.billedAs ?? "", formatInstant(l.priceFrom), l.window ?? "", l.bucket,
        l.tokens.toDecimal(), l.rate.toDecimal(), l.cost.toDecimal(), r.currency,
      ]);
    }
  }
  return csvDocument(header, rows);
}
