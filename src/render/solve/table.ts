// Solve report -> a terminal table (cli-table3).

import { Chalk } from "chalk";
import Table from "cli-table3";
import type { SolveReport } from "../../core/solve.js";
import type { RenderOptions } from "../options.js";
import { NO_ROW_RULES } from "../table-style.js";
import { solveHeadline, solveRows } from "./view.js";

/** Renders a solve report as a headline and one row per model. */
export function renderSolveTable(r: SolveReport, opts: RenderOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const head = ["model", r.param, "cost", "one more", "note"];
  const table = new Table({ head: head.map((h) => c.bold(h)), style: { head: [], border: [] }, chars: NO_ROW_RULES, colAligns: ["left", "right", "right", "left", "left"] });
  for (const x of solveRows(r)) table.push([x.model, x.status === "fits" ? c.bold(x.answer) : x.answer, x.cost, x.next, x.note]);
  return [c.bold(solveHeadline(r)), table.toString(), ""].join("\n");
}
