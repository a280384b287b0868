// Any document -> GitHub-flavoured Markdown, ready to paste into a pull request.

import { escapeControl } from "../../core/printable.js";
import { alignsRight, cellText, type Cell, type Document, type Row, type Section, type Table } from "../document.js";
import { statusBadge } from "../gate-format.js";
import { prComment } from "../pr-comment.js";

/** Escapes a table cell (control characters, pipes). */
function mdCell(text: string): string {
  return escapeControl(text).replace(/\|/g, "\\|");
}

function cell(c: string | Cell, row: Row): string {
  const text = mdCell(cellText(c));
  if (typeof c !== "string" && c.status) return statusBadge(c.status);
  return text && (row.strong || (typeof c !== "string" && c.strong)) ? `**${text}**` : text;
}

/** A GFM table with aligned columns. */
function mdTable(t: Table): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  const rule = `|${t.columns.map((c) => (alignsRight(c) ? "---:" : "---")).join("|")}|`;
  return [line(t.columns.map((c) => mdCell(c.head))), rule, ...t.rows.map((r) => line(r.cells.map((c) => cell(c, r))))].join("\n");
}

/** A section's paragraphs; in a folded block its title is a paragraph of its own markup, else a heading. */
function section(s: Section, folded: boolean): string[] {
  const out: string[] = [];
  if (s.title) out.push(folded ? escapeControl(s.title) : `#### ${escapeControl(s.title)}`);
  if (s.facts?.length) out.push(s.facts.map((f) => `- ${escapeControl(f)}`).join("\n"));
  if (s.table) out.push(mdTable(s.table));
  if (s.after?.length) out.push(s.after.map(escapeControl).join("\n"));
  if (s.notes?.length) out.push(s.notes.map((n) => `${n.sub ? "  " : ""}- ${escapeControl(n.text)}`).join("\n"));
  return out;
}

/** Renders any document as Markdown; a gate's verdict badges the heading, folded sections go in `<details>`. */
export function renderMarkdown(doc: Document): string {
  const heading = `### ${doc.status ? `${statusBadge(doc.status)}: ` : ""}${escapeControl(doc.title)}`;
  const paras = [doc.marker ? `<!-- ratecard ${doc.command} -->\n${heading}` : heading];
  if (doc.lead) paras.push(...doc.lead.map(escapeControl));
  else if (doc.headline && doc.headline !== doc.title) paras.push(escapeControl(doc.headline));
  for (const s of doc.sections) paras.push(...section(s, false));
  const main = paras.join("\n\n") + "\n";
  if (!doc.details || doc.details.sections.length === 0) return main;
  return prComment(main, doc.details.summary, doc.details.sections.flatMap((s) => section(s, true)).join("\n\n"));
}
