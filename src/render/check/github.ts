// Check report -> GitHub Actions annotations: an error per failed budget, a warning per warned one, a notice.

import type { CheckReport } from "../../core/check.js";
import { formatMoney } from "../format.js";
import { annotationLine } from "../github.js";
import { checkRows, checkSummary } from "./view.js";

/** Renders a check report as workflow-command lines, attached to the budget's line when known. */
export function renderCheckGithub(report: CheckReport): string {
  const out: string[] = [];
  const rows = checkRows(report);
  for (const v of rows) {
    if (v.status === "PASS") continue;
    const r = v.row;
    const cur = v.check.estimate.currency;
    const amount = v.status === "FAIL" ? r.budget.fail! : r.budget.warn!;
    const limit = `${v.status === "FAIL" ? "its budget" : "its warn limit"} ${formatMoney(amount, cur)}`;
    const over = r.cost.sub(amount);
    const what = r.item === null ? `${v.plan} on ${r.model}` : `${r.item} on ${r.model}`;
    const at = r.budget.where ?? (v.check.file ? { file: v.check.file } : undefined);
    out.push(
      annotationLine({
        level: v.status === "FAIL" ? "error" : "warning",
        title: `ratecard check ${v.status}`,
        message: `${what} costs ${v.cost}, over ${limit} by ${formatMoney(over, cur)}`,
        file: at?.file,
        line: at?.line,
        col: at?.col,
      }),
    );
  }
  out.push(annotationLine({ level: report.status === "PASS" ? "notice" : report.status === "WARN" ? "warning" : "error", title: `ratecard check ${report.status}`, message: checkSummary(report, rows) }));
  return out.join("");
}
