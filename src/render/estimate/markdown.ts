// Estimate report -> GitHub-flavoured Markdown, ready to paste into a pull request.

import type { EstimateReport } from "../../core/types.js";
import { mdTable } from "../markdown.js";
import { comparison, headline, modelView } from "./view.js";

/** Renders an estimate report as Markdown: a heading, one table per model, the comparison. */
export function renderEstimateMarkdown(report: EstimateReport): string {
  const out: string[] = [`### ratecard estimate`, "", headline(report), ""];
  for (const e of report.estimates) {
    const view = modelView(e, report.currency);
    out.push(`#### ${view.title}`, "", ...view.facts.map((f) => `- ${f}`), "");
    const head = ["workload", "bucket", ...(view.hasWindows ? ["window"] : []), "tokens", "per 1M", "cost"];
    const right = head.map((h) => ["tokens", "per 1M", "cost"].includes(h));
    const rows = view.rows.map((r) => {
      const cells = [r.workload, r.bucket, ...(view.hasWindows ? [r.window] : []), r.tokens, r.rate, r.cost];
      return r.kind === "line" ? cells : cells.map((x) => (x ? `**${x}**` : x));
    });
    out.push(mdTable(head, rows, right));
    if (view.sumLine) out.push(view.sumLine, "");
  }
  const cmp = comparison(report);
  if (cmp.length > 0) out.push(mdTable(["model", "total", "vs cheapest"], cmp.map((x) => [x.model, x.total, x.multiple]), [false, true, true]));
  return out.join("\n");
}
