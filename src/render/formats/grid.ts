// Box-drawn text tables in cli-table3's look (no rules between rows), padded in one linear pass.

/** Terminal columns a string takes: ANSI codes take none, East Asian wide characters and emoji two. */
export function displayWidth(s: string): number {
  if (/^[\x20-\x7e]*$/.test(s)) return s.length;
  const plain = s.replace(/\x1b\[[0-9;]*m/g, "");
  let w = 0;
  for (const ch of plain) {
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfe0f) continue;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

/** Word-wraps text to `max` columns the way cli-table3 does (words kept whole; a longer word is cut with "…"). */
export function wrapText(text: string, max: number): string[] {
  const parts = text.split(/(\s+)/g);
  const lines: string[] = [];
  let line = "";
  let len = 0;
  let space = "";
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i]!;
    const w = displayWidth(word);
    const next = len + w + (len > 0 ? space.length : 0);
    if (next > max) {
      if (len !== 0) lines.push(line);
      line = word;
      len = w;
    } else {
      line += (len > 0 ? space : "") + word;
      len = next;
    }
    space = parts[i + 1] ?? "";
  }
  if (len) lines.push(line);
  return lines.map((l) => (displayWidth(l) > max ? l.slice(0, max - 1) + "…" : l));
}

/** A grid column: right-aligned or not, and an optional fixed wrap width. */
export interface GridColumn {
  right: boolean;
  wrap?: number;
}

/** A cell before painting: its plain text and a painter for it. */
export interface GridCell {
  text: string;
  paint?: (s: string) => string;
}

/**
 * Draws a table: a top rule, the heading row, the body rows, a bottom rule; cells padded one space
 * each side. Widths are measured once per cell, so the cost is linear in the number of cells.
 */
export function drawGrid(columns: readonly GridColumn[], head: readonly GridCell[], rows: readonly (readonly GridCell[])[]): string {
  const all = [head, ...rows];
  const wraps = columns.some((c) => c.wrap);
  // cell lines only where a column wraps; a plain cell is its one line
  const lines = wraps ? all.map((r) => r.map((c, i) => (columns[i]!.wrap ? wrapText(c.text, columns[i]!.wrap!) : [c.text]))) : undefined;
  const widths = columns.map((col, i) => {
    if (col.wrap) return col.wrap;
    let w = 0;
    for (const r of all) w = Math.max(w, displayWidth(r[i]?.text ?? ""));
    return w;
  });
  const rule = (l: string, m: string, r: string) => l + widths.map((w) => "─".repeat(w + 2)).join(m) + r;
  const out: string[] = [rule("┌", "┬", "┐")];
  all.forEach((row, ri) => {
    const cellLines = lines?.[ri];
    const height = cellLines ? Math.max(1, ...cellLines.map((c) => c.length)) : 1;
    for (let h = 0; h < height; h++) {
      let text = "│";
      for (let i = 0; i < columns.length; i++) {
        const t = (cellLines ? cellLines[i]?.[h] : row[i]?.text) ?? "";
        const pad = " ".repeat(Math.max(0, widths[i]! - displayWidth(t)));
        const paint = row[i]?.paint;
        const shown = paint && t ? paint(t) : t;
        text += " " + (columns[i]!.right ? pad + shown : shown + pad) + " │";
      }
      out.push(text);
    }
  });
  out.push(rule("└", "┴", "┘"));
  return out.join("\n");
}
