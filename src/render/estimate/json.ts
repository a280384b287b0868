// Estimate report -> JSON (schema_version 1): amounts and token counts as exact decimal strings.

import { formatInstant } from "../../core/instant.js";
import type { EstimateReport } from "../../core/types.js";

/** The JSON object of an estimate report, before serialisation. */
export function estimateJson(report: EstimateReport): object {
  return {
    schema_version: 1,
    as_of: formatInstant(report.asOf),
    currency: report.currency,
    estimates: report.estimates.map((e) => ({
      model: e.model,
      billed_as: e.billedAs,
      price_from: formatInstant(e.priceFrom),
      source: e.source ?? null,
      peak_share: e.peakShare ? e.peakShare.toDecimal() : null,
      total: e.total.toDecimal(),
      items: e.items.map((i) => ({
        workload: i.workload,
        total: i.total.toDecimal(),
        lines: i.lines.map((l) => ({
          bucket: l.bucket,
          window: l.window,
          tokens: l.tokens.toDecimal(),
          rate: l.rate.toDecimal(),
          cost: l.cost.toDecimal(),
        })),
      })),
    })),
    warnings: report.warnings,
  };
}

/** Renders an estimate report as pretty-printed JSON. */
export function renderEstimateJson(report: EstimateReport): string {
  return JSON.stringify(estimateJson(report), null, 2) + "\n";
}
