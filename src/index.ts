// The library API: load rate cards, resolve prices and estimate workloads, then render reports.

export { loadRateCards, type CardSource } from "./cards/load.js";
export { parsePlan, parsePlanOrTokenFiles } from "./workload/parse-plan.js";
export { estimate, multiples, type EstimateOptions } from "./core/estimate.js";
export { workloadTotals, type BucketTotals } from "./core/forms/totals.js";
export { PARAMS, paramName, type Param, type Target } from "./core/params.js";
export { parseAxis, type Axis } from "./core/sweep-axis.js";
export { sweep, type Sweep, type SweepRow, type Frac } from "./core/sweep.js";
export { solve, type SolveReport, type SolveResult } from "./core/solve.js";
export { resolvePrice, defaultModels, type Resolution } from "./core/resolve.js";
export { ratesAt, rateHistory } from "./core/rates.js";
export { priceIntervals, type PriceInterval } from "./core/intervals.js";
export { isPeak, typicalPeakShare } from "./core/calendar.js";
export { Exact } from "./core/exact.js";
export { parseInstant, formatInstant } from "./core/instant.js";
export { parseCount, parseShare } from "./core/quantity.js";
export { checkPlan, checkReport, overrideBudget, type CheckReport, type CheckRow, type PlanCheck } from "./core/check.js";
export { diffReports, parseThreshold, type DiffReport, type Gates, type Threshold } from "./core/diff.js";
export type { Status } from "./core/status.js";
export { readSavedReport } from "./workload/parse-report.js";
export { renderCheckJson } from "./render/check/json.js";
export { renderDiffJson } from "./render/diff/json.js";
export { RatecardError, InputError, UsageError, BudgetExceeded } from "./core/errors.js";
export { estimateJson, renderEstimateJson } from "./render/estimate/json.js";
export { renderEstimateCsv } from "./render/estimate/csv.js";
export { render, renderersOf, formatsOf, REPORTERS, DOCUMENT_FORMATS, type Reporter, type Reported } from "./render/reporters.js";
export type { Document, Section, Table, Column, ColumnKind, Row, Cell, Note, Chart, Details } from "./render/document.js";
export { renderMarkdown } from "./render/formats/markdown.js";
export type { RatesReport, TokensReport, SweepTable } from "./report/types.js";
import { estimateDocument } from "./render/estimate/view.js";
import { renderMarkdown } from "./render/formats/markdown.js";
import { renderersOf } from "./render/reporters.js";
import type { EstimateReport } from "./core/types.js";

/** An estimate report as Markdown. */
export function renderEstimateMarkdown(report: EstimateReport): string {
  return renderMarkdown(estimateDocument(report));
}

/** Estimate renderers keyed by format. */
export const ESTIMATE_RENDERERS = renderersOf("estimate");

/** Rates renderers keyed by format. */
export const RATES_RENDERERS = renderersOf("rates");
export { FORMATS, type Format, type RenderOptions } from "./render/options.js";
export type * from "./core/types.js";
