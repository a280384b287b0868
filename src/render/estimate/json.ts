// Estimate report -> JSON (schema_version 1): amounts and token counts as exact decimal strings.

import { formatInstant } from "../../core/instant.js";
import type { EstimateReport, ItemEstimate, Line, ModelEstimate } from "../../core/types.js";

/** JSON keys of the workload forms, present only when a form is used (additive to schema 1). */
function itemExtras(i: ItemEstimate): object {
  return {
    ...(i.schedule ? { schedule: { text: i.schedule.text, peak_share: i.schedule.peakShare?.toDecimal() ?? null } } : {}),
    ...(i.period
      ? {
          period: {
            text: i.period.text,
            start: formatInstant(i.period.start),
            end: formatInstant(i.period.end),
            days: i.period.days.toDecimal(),
            calls: i.period.calls.toDecimal(),
            per_day: i.period.perDay.toDecimal(),
          },
        }
      : {}),
    ...(i.peakShare ? { peak_share: i.peakShare.toDecimal() } : {}),
    ...(i.stretches
      ? {
          stretches: i.stretches.map((st) => ({
            from: formatInstant(st.from),
            until: formatInstant(st.until),
            billed_as: st.billedAs,
            price_from: formatInstant(st.priceFrom),
            peak_share: st.peakShare?.toDecimal() ?? null,
            calls: st.calls.toDecimal(),
            total: st.total.toDecimal(),
          })),
        }
      : {}),
    ...(i.tokenFiles
      ? { token_files: i.tokenFiles.map((t) => ({ field: t.field, file: t.file, tokens: t.tokens.toDecimal(), tokenizer: "deepseek-v3" })) }
      : {}),
  };
}

/** Rate-card v2 keys of a line, present only when they apply (additive to schema 1). */
function lineExtras(l: Line): object {
  return {
    ...(l.bucket === "input_cache_write" ? { retention: l.retention ?? null } : {}),
    ...(l.fee ? { fee: l.fee, count: l.count!.toDecimal(), per: l.per!.toDecimal() } : {}),
    ...(l.tier ? { tier: l.tier } : {}),
    ...(l.modifiers ? { modifiers: l.modifiers } : {}),
    ...(l.note ? { note: l.note } : {}),
  };
}

/** JSON keys of a model's currency conversion and per-day average, present only when they apply. */
function modelExtras(e: ModelEstimate): object {
  return {
    ...(e.conversion !== undefined ? { conversion: e.conversion ? { from: e.conversion.from, rate: e.conversion.rate.toDecimal() } : null } : {}),
    ...(e.perDay ? { per_day: e.perDay.toDecimal() } : {}),
  };
}

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
      confidence: e.confidence ?? null,
      peak_share: e.peakShare ? e.peakShare.toDecimal() : null,
      total: e.total.toDecimal(),
      ...modelExtras(e),
      items: e.items.map((i) => ({
        workload: i.workload,
        total: i.total.toDecimal(),
        ...itemExtras(i),
        lines: i.lines.map((l) => ({
          bucket: l.bucket,
          window: l.window,
          tokens: l.tokens.toDecimal(),
          rate: l.rate.toDecimal(),
          cost: l.cost.toDecimal(),
          ...lineExtras(l),
          ...(l.stretch !== undefined ? { stretch: l.stretch } : {}),
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
