// Diff report -> GitHub Actions annotations: an error or warning per model over a gate, then a summary.

import type { DiffReport } from "../../core/diff.js";
import { annotationLine, type Annotation } from "../github.js";
import { formatThreshold } from "../gate-format.js";
import { changeCells, diffSummary, kindNote } from "./view.js";

/** Renders a diff report as workflow-command lines, attached to the head file. */
export function renderDiffGithub(report: DiffReport): string {
  const out: string[] = [];
  const file = report.head.label;
  for (const m of report.models) {
    if (!m.breach) continue;
    const c = changeCells(m, report.currency);
    const flag = m.breach.gate === "fail" ? "--fail-above" : "--warn-above";
    out.push(
      annotationLine({
        level: m.breach.gate === "fail" ? "error" : "warning",
        title: `ratecard diff ${m.status}`,
        message: `${m.model}${kindNote(m) ? ` (${kindNote(m)})` : ""}: ${c.base} -> ${c.head}, ${c.change} (${c.pct}) vs ${report.base.label}, above ${flag} ${formatThreshold(m.breach.threshold, report.currency)}`,
        file,
      }),
    );
  }
  const level: Annotation["level"] = report.status === "FAIL" ? "error" : report.status === "WARN" ? "warning" : "notice";
  out.push(annotationLine({ level, title: `ratecard diff ${report.status}`, message: diffSummary(report) }));
  return out.join("");
}
