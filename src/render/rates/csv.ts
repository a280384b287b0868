// Rates report -> CSV: one row per version and price window, exact decimals.

import { csvDocument } from "../csv.js";
import type { RatesReport } from "../../report/types.js";
import { flatRows, priceText } from "./rows.js";

const HEADER = ["model", "currency", "status", "billed_as", "replacement", "from", "until", "window", "input_cache_hit", "input_cache_miss", "output", "calendar", "confidence", "source", "note"];

/** Renders the models (or their history) as RFC 4180 CSV. */
export function renderRatesCsv(report: RatesReport): string {
  return csvDocument(HEADER, flatRows(report).map((r) => [
    r.model, r.currency, r.status, r.billed_as, r.replacement, r.from, r.until, r.window ?? "",
    priceText(r.prices, "input_cache_hit"), priceText(r.prices, "input_cache_miss"), priceText(r.prices, "output"),
    r.calendar, r.confidence, r.source, r.note,
  ]));
}
