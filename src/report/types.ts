// The report types, in one layer: what each command computes and every renderer reads.

import type { Exact } from "../core/exact.js";
import type { Instant } from "../core/instant.js";
import type { HistoryRow, RateRow } from "../core/rates.js";
import type { Sweep } from "../core/sweep.js";

export type { EstimateReport } from "../core/types.js";
export type { CheckReport } from "../core/check.js";
export type { DiffReport } from "../core/diff.js";
export type { SolveReport } from "../core/solve.js";
export type { UsageReport } from "../usage/types.js";

/** What the rates command renders: the models at an instant, or their whole history. */
export type RatesReport =
  | { kind: "current"; asOf: number; rows: RateRow[] }
  | { kind: "history"; rows: HistoryRow[] };

/** Token counts of files (`-` is standard input). */
export interface TokensReport {
  files: { file: string; tokens: Exact }[];
  total: Exact;
}

/** A sweep read to the end, with exact values (for the formats that do not stream). */
export interface SweepTable {
  sweep: Sweep;
  rows: { point: (Exact | Instant)[]; costs: (Exact | null)[] }[];
}
