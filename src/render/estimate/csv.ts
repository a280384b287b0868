// Estimate report -> CSV: one row per priced line, exact decimal strings.

import type { EstimateReport } from "../../core/types.js";
import { csvDocument } from "../csv.js";

const HEADER = ["model", "billed_as", "workload", "bucket", "window", "tokens", "rate", "cost", "confidence"];

/** Renders an estimate report as RFC 4180 CSV. */
export function renderEstimateCsv(report: EstimateReport): string {
  const rows: string[][] = [];
  for (const e of report.estimates) {
    for (const item of e.items) {
      for (const l of item.lines) {
        rows.push([e.model, e.billedAs ?? "", item.workload, l.bucket, l.window ?? "", l.tokens.toDecimal(), l.rate.toDecimal(), l.cost.toDecimal(), e.confidence ?? ""]);
      }
    }
  }
  return csvDocument(HEADER, rows);
}
