// GitHub-flavoured Markdown helpers: escaped cells and tables with aligned columns.

/** Escapes a table cell (pipes and line breaks). */
export function mdCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** A GFM table; `right` marks columns aligned right (numbers). */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[] = []): string {
  const line = (cells: readonly string[]) => `| ${cells.map(mdCell).join(" | ")} |`;
  const rule = `|${header.map((_, i) => (right[i] ? "---:" : "---")).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n") + "\n";
}
