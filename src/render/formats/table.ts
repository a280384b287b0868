// Any document -> terminal text: box-drawn tables, coloured only when asked; a compact layout on a narrow terminal.

import type { ChalkInstance } from "chalk";
import type { Status } from "../../core/status.js";
import { escapeControl } from "../../core/printable.js";
import { alignsRight, cellText, type Cell, type Document, type Row, type Section, type Table } from "../document.js";
import type { RenderOptions } from "../options.js";
import { displayWidth, drawGrid, wrapText, type GridCell } from "./grid.js";

type Paint = ChalkInstance;

/**
 * The painter when colour is off: any style, or chain of styles, returns its text unchanged, as
 * chalk at level 0 does; chalk itself then never loads (its start-up builds every style).
 */
const NO_PAINT: Paint = new Proxy((text: string) => text, { get: (_f, key) => (key === "then" ? undefined : NO_PAINT) }) as unknown as Paint;

/** Inline markup of leads and titles (**bold**, `code`) as plain terminal text. */
function plain(text: string): string {
  return escapeControl(text.replace(/\*\*(.*?)\*\*/g, "$1").replace(/`([^`]*)`/g, "$1"));
}

function statusPaint(c: Paint): Record<Status, (s: string) => string> {
  return { PASS: c.green, WARN: c.yellow, FAIL: c.red.bold };
}

function gridCell(cell: string | Cell, row: Row, c: Paint): GridCell {
  const text = escapeControl(cellText(cell));
  if (typeof cell !== "string" && cell.status) return { text, paint: statusPaint(c)[cell.status] };
  if (row.strong || (typeof cell !== "string" && cell.strong)) return { text, paint: c.bold };
  return { text };
}

/** The full table, box-drawn. */
function grid(t: Table, c: Paint): string {
  const cols = t.columns.map((col) => ({ right: alignsRight(col), wrap: col.wrap }));
  const head = t.columns.map((col) => ({ text: escapeControl(col.head), paint: c.bold }));
  return drawGrid(cols, head, t.rows.map((r) => r.cells.map((cell) => gridCell(cell, r, c))));
}

/** Parts joined by " · ", wrapped to `width` (a part wider than the line is word-wrapped). */
function flow(parts: string[], width: number, indent: string): string[] {
  const out: string[] = [];
  let line = "";
  for (const p of parts) {
    const next = line ? `${line} · ${p}` : p;
    if (displayWidth(indent + next) <= width) line = next;
    else {
      if (line) out.push(indent + line);
      if (displayWidth(indent + p) <= width) line = p;
      else {
        const wrapped = wrapText(p, Math.max(10, width - indent.length));
        out.push(...wrapped.slice(0, -1).map((l) => indent + l));
        line = wrapped.at(-1) ?? "";
      }
    }
  }
  if (line) out.push(indent + line);
  return out;
}

/** The compact layout: each row stacked as its first cell, then "label value" pairs wrapped to the width. */
function stacked(t: Table, c: Paint, width: number): string {
  const out: string[] = [];
  for (const r of t.rows) {
    const cells = r.cells.map((x) => escapeControl(cellText(x)));
    const bold = r.strong ? c.bold : (s: string) => s;
    out.push(bold(cells[0] || "·"));
    const pairs = t.columns.slice(1).flatMap((col, i) => (cells[i + 1] ? [`${col.short ?? col.head} ${cells[i + 1]}`] : []));
    out.push(...flow(pairs, width, "  ").map((l) => bold(l)));
  }
  return out.join("\n");
}

/** "comparison: a $1.00 = 1.00x · b $2.00 = 2.00x" */
function oneLine(t: Table, c: Paint): string {
  const rows = t.rows.map((r) => {
    const cells = r.cells.map((x) => escapeControl(cellText(x)));
    return `${cells.slice(0, -1).join(" ")} = ${c.bold(cells.at(-1)!)}`;
  });
  return `${t.label ? `${t.label}: ` : ""}${rows.join(" · ")}`;
}

function table(t: Table, c: Paint, width: number | undefined): string {
  if (t.layout === "line") return oneLine(t, c);
  const full = grid(t, c);
  if (width === undefined || displayWidth(full.slice(0, full.indexOf("\n"))) <= width) return full;
  return stacked(t, c, width);
}

/** A line of prose, painted; on a narrow terminal word-wrapped to its width, keeping the indent. */
function prose(text: string, paint: (s: string) => string, width: number | undefined): string[] {
  if (width === undefined || displayWidth(text) <= width) return [paint(text)];
  const indent = /^ */.exec(text)![0];
  return wrapText(text.slice(indent.length), Math.max(10, width - indent.length)).map((l) => paint(indent + l));
}

function section(s: Section, c: Paint, opts: RenderOptions): string[] {
  const out: string[] = [];
  const w = opts.width;
  if (s.gap) out.push("");
  if (s.title) out.push(...prose(plain(s.title), c.bold.cyan, w));
  for (const f of s.facts ?? []) out.push(...prose(`  ${plain(f)}`, c.dim, w));
  if (s.table) out.push(table(s.table, c, w));
  for (const a of s.after ?? []) out.push(...prose(`  ${plain(a)}`, (x) => x, w));
  for (const n of s.notes ?? []) {
    const text = `${n.sub ? "  " : ""}${plain(n.text)}`;
    out.push(...prose(text, n.level === "warn" ? c.yellow : n.level === "dim" ? c.dim : (x) => x, w));
  }
  return out;
}

/** Renders any document for the terminal. */
export async function renderTable(doc: Document, opts: RenderOptions): Promise<string> {
  const c = opts.color ? new (await import("chalk")).Chalk({ level: 1 }) : NO_PAINT;
  const head = doc.headline ?? doc.title;
  const out: string[] = head ? prose(plain(head), c.bold, opts.width) : [];
  for (const f of doc.facts ?? []) out.push(...prose(plain(f), c.dim, opts.width));
  if (doc.gap) out.push("");
  for (const s of doc.sections) out.push(...section(s, c, opts));
  if (doc.details?.terminal) for (const s of doc.details.sections) out.push(...section(s, c, opts));
  if (doc.chart?.kind === "lines" && opts.chart) {
    const { lineChartText } = await import("./text-chart.js");
    out.push("", lineChartText(doc.chart, c).trimEnd());
  }
  if (doc.verdict !== undefined) {
    const lines = prose(`${doc.status ? `${doc.status}: ` : ""}${plain(doc.verdict)}`, (x) => x, opts.width);
    if (doc.status) lines[0] = statusPaint(c)[doc.status](doc.status) + lines[0]!.slice(doc.status.length);
    out.push(...lines);
  }
  return out.join("\n") + "\n";
}
