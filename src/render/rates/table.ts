// Rates report -> a terminal table (cli-table3).

import { Chalk } from "chalk";
import Table from "cli-table3";
import type { RenderOptions } from "../options.js";
import { NO_ROW_RULES } from "../table-style.js";
import { ratesDisplay, ratesHeadline } from "./display.js";
import type { RatesReport } from "./rows.js";

/** Renders the models (or their history) as a terminal table. */
export function renderRatesTable(report: RatesReport, opts: RenderOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const { head, rows, right } = ratesDisplay(report);
  const table = new Table({
    head: head.map((h) => c.bold(h)),
    style: { head: [], border: [] },
    chars: NO_ROW_RULES,
    colAligns: right.map((r) => (r ? "right" : "left")),
    ...(report.kind === "history" ? { colWidths: head.map((h) => (h === "note" ? 48 : null)), wordWrap: true } : {}),
  });
  for (const r of rows) table.push(r);
  return `${c.bold(ratesHeadline(report))}\n${table.toString()}\n`;
}
