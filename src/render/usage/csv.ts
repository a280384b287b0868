// Usage report -> CSV: one row per priced line of each group, exact decimal strings.

import { formatInstant } from "../../core/instant.js";
import type { UsageReport } from "../../usage/types.js";
import { csvDocument } from "../csv.js";

/** Columns of rate-card v2 line facts, present only when some line has one. */
const V2_HEADER = ["retention", "tier", "modifiers", "fee", "count", "per", "note"];

/**
 * Renders a usage report as RFC 4180 CSV. Each --by dimension but model and window (its hour, day,
 * week or month, session, project) leads each row; model and window are columns of every line already.
 */
export function renderUsageCsv(r: UsageReport): string {
  const time = r.by.filter((d) => d !== "model" && d !== "window");
  const v2 = r.groups.some((g) => g.lines.some((l) => l.retention !== undefined || l.tier || l.modifiers || l.fee || l.note));
  const header = [...time, "model", "billed_as", "price_from", "window", "bucket", "tokens", "rate", "cost", "currency", ...(v2 ? V2_HEADER : [])];
  const rows: string[][] = [];
  for (const g of r.groups) {
    for (const l of g.lines) {
      rows.push([
        ...time.map((d) => g.key[d] ?? ""),
        l.model, l.billedAs ?? "", formatInstant(l.priceFrom), l.window ?? "", l.bucket,
        l.tokens.toDecimal(), l.rate.toDecimal(), l.cost.toDecimal(), r.currency,
        ...(v2 ? [l.retention ?? "", l.tier ?? "", (l.modifiers ?? []).join(" "), l.fee ?? "", l.count?.toDecimal() ?? "", l.per?.toDecimal() ?? "", l.note ?? ""] : []),
      ]);
    }
  }
  return csvDocument(header, rows);
}
