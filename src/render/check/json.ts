// Check report -> JSON (schema_version 1): amounts as exact decimal strings.

import type { CheckReport } from "../../core/check.js";
import { formatInstant } from "../../core/instant.js";

/** Renders a check report as pretty-printed JSON. */
export function renderCheckJson(report: CheckReport): string {
  const out = {
    schema_version: 1,
    command: "check",
    status: report.status,
    counts: { pass: report.counts.PASS, warn: report.counts.WARN, fail: report.counts.FAIL },
    plans: report.plans.map((p) => ({
      file: p.file ?? null,
      name: p.estimate.planName ?? null,
      as_of: formatInstant(p.estimate.asOf),
      currency: p.estimate.currency,
      status: p.status,
      checks: p.rows.map((r) => ({
        item: r.item,
        model: r.model,
        cost: r.cost.toDecimal(),
        fail: r.budget.fail?.toDecimal() ?? null,
        warn: r.budget.warn?.toDecimal() ?? null,
        headroom: r.headroom.toDecimal(),
        status: r.status,
      })),
    })),
    warnings: report.warnings ?? [],
  };
  return JSON.stringify(out, null, 2) + "\n";
}
