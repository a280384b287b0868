// Solve report -> GitHub-flavoured Markdown.

import type { SolveReport } from "../../core/solve.js";
import { mdTable } from "../markdown.js";
import { solveHeadline, solveRows } from "./view.js";

/** Renders a solve report as a heading and a table. */
export function renderSolveMarkdown(r: SolveReport): string {
  const rows = solveRows(r).map((x) => [x.model, x.answer, x.cost, x.next, x.note]);
  return [`### ratecard solve`, "", solveHeadline(r), "", mdTable(["model", r.param, "cost", "one more", "note"], rows, [false, true, true, false, false])].join("\n");
}
