// Diff report -> GitHub Markdown for a pull request: summary line, per-model table, items in <details>.

import type { DiffReport } from "../../core/diff.js";
import { statusBadge } from "../gate-format.js";
import { mdTable } from "../markdown.js";
import { prComment } from "../pr-comment.js";
import { changeCells, diffSummary, gated, gatesText, kindNote, showItems, sidesText } from "./view.js";

/** Renders a diff report as Markdown; the hidden first line lets a workflow find and update its comment. */
export function renderDiffMarkdown(report: DiffReport): string {
  const cur = report.currency;
  const withStatus = gated(report);
  const head = ["model", "base", "head", "change", "%", ...(withStatus ? ["status"] : [])];
  const rows = report.models.map((m) => {
    const c = changeCells(m, cur);
    const model = kindNote(m) ? `${m.model} (${kindNote(m)})` : m.model;
    return [model, c.base, c.head, c.change, c.pct, ...(withStatus ? [statusBadge(m.status)] : [])];
  });
  const main = [
    "<!-- ratecard diff -->",
    `### ${withStatus ? `${statusBadge(report.status)}: ` : ""}ratecard diff`,
    "",
    `**${diffSummary(report)}**`,
    "",
    `${sidesText(report, (s) => `\`${s}\``)} · ${gatesText(report)}`,
    "",
    mdTable(head, rows, head.map((h) => ["base", "head", "change", "%"].includes(h))),
  ].join("\n");
  const itemHead = ["model", "item", "base", "head", "change", "%", "note"];
  const itemRows = report.models.flatMap((m) =>
    m.items.map((i) => {
      const c = changeCells(i, cur);
      return [m.model, i.workload, c.base, c.head, c.change, c.pct, kindNote(i)];
    }),
  );
  if (!showItems(report)) return main;
  return prComment(main, "Change per workload item", mdTable(itemHead, itemRows, itemHead.map((h) => ["base", "head", "change", "%"].includes(h))));
}
