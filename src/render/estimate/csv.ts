// Estimate report -> CSV: one row per priced line, exact decimal strings.

import type { EstimateReport, Line } from "../../core/types.js";
import { csvDocument } from "../csv.js";

const HEADER = ["model", "billed_as", "workload", "bucket", "window", "tokens", "rate", "cost", "confidence"];
/** Columns of rate-card v2 line facts, present only when some line has one. */
const V2_HEADER = ["retention", "tier", "modifiers", "fee", "count", "per", "note"];

function v2Cells(l: Line): string[] {
  return [l.retention ?? "", l.tier ?? "", (l.modifiers ?? []).join(" "), l.fee ?? "", l.count?.toDecimal() ?? "", l.per?.toDecimal() ?? "", l.note ?? ""];
}

/** Renders an estimate report as RFC 4180 CSV; v2 columns (retention, tier, modifiers, fee...) only when a line has them. */
export function renderEstimateCsv(report: EstimateReport): string {
  const all = report.estimates.flatMap((e) => e.items.flatMap((item) => item.lines.map((l) => ({ e, item, l }))));
  const v2 = all.some(({ l }) => v2Cells(l).some((c) => c !== ""));
  // A line of a period's stretch is billed as that stretch's model.
  const billedAs = (e: (typeof all)[number]["e"], item: (typeof all)[number]["item"], l: Line) => (l.stretch !== undefined ? item.stretches?.[l.stretch]?.billedAs : e.billedAs);
  const rows = all.map(({ e, item, l }) => [
    e.model, billedAs(e, item, l) ?? "", item.workload, l.bucket, l.window ?? "", l.tokens.toDecimal(), l.rate.toDecimal(), l.cost.toDecimal(), e.confidence ?? "",
    ...(v2 ? v2Cells(l) : []),
  ]);
  return csvDocument(v2 ? [...HEADER, ...V2_HEADER] : HEADER, rows);
}
