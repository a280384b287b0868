// Check report -> GitHub Markdown for a pull request: summary line, verdict table, breakdown in <details>.

import type { CheckReport } from "../../core/check.js";
import { formatInstantShort } from "../../core/instant.js";
import { statusBadge } from "../gate-format.js";
import { mdTable } from "../markdown.js";
import { prComment } from "../pr-comment.js";
import { breakdown, checkContext, checkRows, checkSummary, planLabel } from "./view.js";

/** Renders a check report as Markdown; the hidden first line lets a workflow find and update its comment. */
export function renderCheckMarkdown(report: CheckReport): string {
  const several = report.plans.length > 1;
  const head = [...(several ? ["plan"] : []), "item", "model", "cost", "budget", "headroom", "status"];
  const right = head.map((h) => ["cost", "budget", "headroom"].includes(h));
  const rows = checkRows(report).map((r) => [...(several ? [r.plan] : []), r.item, r.model, r.cost, r.budget, r.headroom, statusBadge(r.status)]);
  const main = [
    "<!-- ratecard check -->",
    `### ${statusBadge(report.status)}: ratecard check`,
    "",
    `**${checkSummary(report)}** · ${checkContext(report)}`,
    "",
    mdTable(head, rows, right),
  ].join("\n");
  const details = report.plans.map((p) => {
    const b = breakdown(p);
    const title = `**${planLabel(p)}**${p.file ? ` (\`${p.file}\`)` : ""}, as of ${formatInstantShort(p.estimate.asOf)}, ${p.estimate.currency}`;
    return `${title}\n\n${mdTable(b.head, b.rows, b.head.map((_, i) => i > 0))}`;
  });
  return prComment(main, "Cost per item and model", details.join("\n"));
}
