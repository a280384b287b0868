// Usage report -> GitHub-flavoured Markdown: the groups, the prices applied, then notes.

import type { UsageReport } from "../../usage/types.js";
import { mdTable } from "../markdown.js";
import { compareLines, groupGrid, noteLines, priceGrid, usageHeadline } from "./view.js";

/** Renders a usage report as Markdown; the total row is bold. */
export function renderUsageMarkdown(r: UsageReport): string {
  const groups = groupGrid(r);
  const rows = groups.rows.map((row, i) => (i === groups.rows.length - 1 ? row.map((x) => (x ? `**${x}**` : x)) : row));
  const out = ["### ratecard usage", "", usageHeadline(r), "", mdTable(groups.head, rows, groups.right)];
  const prices = priceGrid(r);
  if (prices.rows.length > 0) out.push("#### prices applied", "", mdTable(prices.head, prices.rows, prices.right));
  const notes = [...noteLines(r), ...compareLines(r)];
  if (notes.length > 0) out.push(...notes.map((n) => (n.startsWith("  ") ? `  - ${n.trim()}` : `- ${n}`)), "");
  return out.join("\n");
}
