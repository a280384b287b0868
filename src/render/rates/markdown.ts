// Rates report -> a GitHub-flavoured Markdown table.

import { mdTable } from "../markdown.js";
import { ratesDisplay, ratesHeadline } from "./display.js";
import type { RatesReport } from "./rows.js";

/** Renders the models (or their history) as Markdown. */
export function renderRatesMarkdown(report: RatesReport): string {
  const { head, rows, right } = ratesDisplay(report);
  return `### ${ratesHeadline(report)}\n\n${mdTable(head, rows, right)}`;
}
