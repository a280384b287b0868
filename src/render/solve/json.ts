// Solve report -> JSON (schema_version 1): each model's answer and the exact costs around it.

import { formatInstant } from "../../core/instant.js";
import type { SolveReport } from "../../core/solve.js";

/** The JSON object of a solve report, before serialisation. */
function solveJson(r: SolveReport): object {
  return {
    schema_version: 1,
    as_of: formatInstant(r.asOf),
    currency: r.currency,
    budget: r.budget.toDecimal(),
    for: r.param,
    goal: r.goal,
    results: r.results.map((x) => ({
      model: x.model,
      billed_as: x.billedAs,
      status: x.status,
      value: x.value ? x.value.toDecimal() : null,
      cost: x.cost.toDecimal(),
      next_value: x.next ? x.next.value.toDecimal() : null,
      next_cost: x.next ? x.next.cost.toDecimal() : null,
    })),
    warnings: r.warnings ?? [],
  };
}

/** Renders a solve report as pretty-printed JSON. */
export function renderSolveJson(r: SolveReport): string {
  return JSON.stringify(solveJson(r), null, 2) + "\n";
}
