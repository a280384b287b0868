// Diff report -> terminal tables (cli-table3), coloured only when asked.

import { Chalk } from "chalk";
import Table from "cli-table3";
import type { DiffReport } from "../../core/diff.js";
import type { Status } from "../../core/status.js";
import type { RenderOptions } from "../options.js";
import { NO_ROW_RULES } from "../table-style.js";
import { changeCells, diffSummary, gated, gatesText, kindNote, showItems, sidesText } from "./view.js";

const NUMERIC = ["base", "head", "change", "%"];

function table(head: string[], bold: (s: string) => string): Table.Table {
  return new Table({
    head: head.map((h) => bold(h)),
    style: { head: [], border: [] },
    chars: NO_ROW_RULES,
    colAligns: head.map((h) => (NUMERIC.includes(h) ? "right" : "left")),
  });
}

/** Renders a diff report as a headline, the per-model table, the per-item table and the summary. */
export function renderDiffTable(report: DiffReport, opts: RenderOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const paint: Record<Status, (s: string) => string> = { PASS: c.green, WARN: c.yellow, FAIL: c.red.bold };
  const cur = report.currency;
  const withStatus = gated(report);
  const models = table(["model", "base", "head", "change", "%", ...(withStatus ? ["status"] : [])], c.bold);
  for (const m of report.models) {
    const x = changeCells(m, cur);
    models.push([kindNote(m) ? `${m.model} (${kindNote(m)})` : m.model, x.base, x.head, x.change, x.pct, ...(withStatus ? [paint[m.status](m.status)] : [])]);
  }
  const items = table(["model", "item", "base", "head", "change", "%", "note"], c.bold);
  for (const m of showItems(report) ? report.models : []) {
    for (const i of m.items) {
      const x = changeCells(i, cur);
      items.push([m.model, i.workload, x.base, x.head, x.change, x.pct, kindNote(i)]);
    }
  }
  const verdict = withStatus ? `${paint[report.status](report.status)}: ` : "";
  return [
    c.bold(`ratecard diff · ${sidesText(report)}`),
    c.dim(gatesText(report)),
    "",
    models.toString(),
    ...(showItems(report) ? ["", items.toString()] : []),
    `${verdict}${diffSummary(report)}`,
    "",
  ].join("\n");
}
