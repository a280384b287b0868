// Rates report -> CSV: one row per version and price window, then its tiers and modifiers; fee rows last; exact decimals.

import { formatInstant } from "../../core/instant.js";
import { csvDocument } from "../csv.js";
import type { RatesReport } from "../../report/types.js";
import { feeHistory, feesAt, writesText } from "./parts.js";
import { flatRows, priceText } from "./rows.js";

const HEADER = ["model", "currency", "status", "billed_as", "replacement", "from", "until", "window", "input_cache_hit", "input_cache_miss", "output", "calendar", "confidence", "source", "note"];
/** Columns of rate-card v2 facts, present only when a listed version or model has one. */
const V2_HEADER = ["part", "input_cache_write", "default_retention", "context_window", "max_output", "multiplier", "fee_price", "fee_per"];

/**
 * Renders the models (or their history) as RFC 4180 CSV. With v2 facts, `part` names a tier,
 * modifier or fee row and `input_cache_write` lists write prices ("6.25 (5m), 1h 10").
 */
export function renderRatesCsv(report: RatesReport): string {
  const rows: string[][] = [];
  const feeRows: string[][] = [];
  const feeDone = new Set<string>();
  for (const r of flatRows(report)) {
    const v = r.version;
    const own = !r.part;
    rows.push([
      r.model, r.currency, r.status, r.billed_as, r.replacement, r.from, r.until, r.window ?? "",
      priceText(r.prices, "input_cache_hit"), priceText(r.prices, "input_cache_miss"), priceText(r.prices, "output"),
      r.calendar, r.confidence, r.source, r.note,
      r.part ?? "", writesText(r.prices, own ? v?.defaultRetention : undefined, (x) => x.toDecimal()), own ? (v?.defaultRetention ?? "") : "",
      own ? (v?.contextWindow?.toDecimal() ?? "") : "", own ? (v?.maxOutput?.toDecimal() ?? "") : "", r.multiplier?.toDecimal() ?? "", "", "",
    ]);
    if (!r.fees || feeDone.has(r.model)) continue;
    feeDone.add(r.model);
    const listed = report.kind === "current" ? feesAt(r.fees, report.asOf) : Object.values(r.fees).flatMap(feeHistory);
    for (const f of listed) {
      const fv = f.version;
      feeRows.push([
        r.model, r.currency, fv.removed ? "removed" : "fee", "", "", formatInstant(fv.from), f.until === null ? "" : formatInstant(f.until), "",
        "", "", "", "", fv.confidence ?? "", fv.source ?? "", fv.note ?? "",
        `fee ${f.fee.id}`, "", "", "", "", "", fv.price?.toDecimal() ?? "", fv.per?.toDecimal() ?? "",
      ]);
    }
  }
  const v2 = feeRows.length > 0 || rows.some((r) => r.slice(HEADER.length).some((c) => c !== ""));
  return csvDocument(v2 ? [...HEADER, ...V2_HEADER] : HEADER, [...rows, ...feeRows].map((r) => (v2 ? r : r.slice(0, HEADER.length))));
}
