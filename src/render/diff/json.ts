// Diff report -> JSON (schema_version 1): amounts and percentage changes as exact decimal strings.

import type { Change, DiffReport, Threshold } from "../../core/diff.js";
import { formatInstant } from "../../core/instant.js";

function threshold(t: Threshold | undefined): object | null {
  if (!t) return null;
  return t.kind === "percent" ? { percent: t.value.toDecimal() } : { amount: t.value.toDecimal() };
}

function change(c: Change): object {
  return {
    kind: c.kind,
    base: c.base?.toDecimal() ?? null,
    head: c.head?.toDecimal() ?? null,
    change: c.change.toDecimal(),
    change_pct: c.pct?.toDecimal() ?? null,
  };
}

/** Renders a diff report as pretty-printed JSON. */
export function renderDiffJson(report: DiffReport): string {
  const out = {
    schema_version: 1,
    command: "diff",
    status: report.status,
    currency: report.currency,
    base: { label: report.base.label, as_of: formatInstant(report.base.asOf) },
    head: { label: report.head.label, as_of: formatInstant(report.head.asOf) },
    gates: { fail_above: threshold(report.gates.fail), warn_above: threshold(report.gates.warn) },
    models: report.models.map((m) => ({
      model: m.model,
      ...change(m),
      status: m.status,
      breach: m.breach?.gate ?? null,
      items: m.items.map((i) => ({ workload: i.workload, ...change(i) })),
    })),
    warnings: report.warnings ?? [],
  };
  return JSON.stringify(out, null, 2) + "\n";
}
