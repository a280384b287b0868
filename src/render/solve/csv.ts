// Solve report -> CSV: one row per model, exact decimal strings.

import type { SolveReport } from "../../core/solve.js";
import { csvDocument } from "../csv.js";

const HEADER = ["model", "billed_as", "for", "budget", "status", "value", "cost", "next_value", "next_cost"];

/** Renders a solve report as RFC 4180 CSV. */
export function renderSolveCsv(r: SolveReport): string {
  return csvDocument(
    HEADER,
    r.results.map((x) => [
      x.model,
      x.billedAs ?? "",
      r.param,
      r.budget.toDecimal(),
      x.status,
      x.value?.toDecimal() ?? "",
      x.cost.toDecimal(),
      x.next?.value.toDecimal() ?? "",
      x.next?.cost.toDecimal() ?? "",
    ]),
  );
}
