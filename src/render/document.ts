// The document model: what every command's view builds and every document renderer (table, markdown, html) draws.

import type { Status } from "../core/status.js";

/** What a column holds; numbers (money, tokens, rate, count, percent) align right unless told. */
export type ColumnKind = "text" | "money" | "tokens" | "rate" | "count" | "percent" | "date" | "status";

/** One column: its heading, kind, optional short heading (compact layout) and alignment. */
export interface Column {
  head: string;
  kind: ColumnKind;
  /** Heading in the compact layout of a narrow terminal (default: `head`). */
  short?: string;
  /** Alignment (default: right for numbers, left for text, dates and statuses). */
  align?: "left" | "right";
  /** Wrap the column's text at this many characters (the terminal table only). */
  wrap?: number;
}

/** One cell: its text, and optionally a status (coloured or badged) or emphasis. */
export interface Cell {
  text: string;
  status?: Status;
  strong?: boolean;
}

/** One row; `strong` marks a subtotal or total (bold). */
export interface Row {
  cells: (string | Cell)[];
  strong?: boolean;
}

/** A typed table. `layout: "line"` draws it as one line on a terminal ("title: a b = c · ..."). */
export interface Table {
  columns: Column[];
  rows: Row[];
  layout?: "grid" | "line";
  /** What the one-line layout starts with ("comparison"). */
  label?: string;
}

/** A note under a section: plain, a warning (yellow), or a quiet aside (dim); `sub` indents it. */
export interface Note {
  text: string;
  level?: "info" | "warn" | "dim";
  sub?: boolean;
}

/**
 * Data a chart draws; the terminal and html renderers each draw it their own way. Numbers are
 * display-only geometry (places from 0 to 1, by chartScale);
 * every figure a person reads comes as text.
 */
export type Chart =
  | { kind: "lines"; title: string; x: { name: string; values: number[]; labels: string[] }; series: { name: string; values: (number | null)[] }[]; yLabels: { top: string; bottom: string } }
  | { kind: "bars"; title: string; bars: { label: string; value: number; text: string }[] }
  | { kind: "stacked"; title: string; x: string[]; series: { name: string; values: number[] }[]; top: { value: number; text: string } }
  | { kind: "headroom"; title: string; bars: { label: string; cost: number; limit: number; text: string; status: Status }[] };

/** A section: an optional title and facts, then a table, lines after it and notes. */
export interface Section {
  title?: string;
  facts?: string[];
  table?: Table;
  /** Lines right under the table (a sum line). */
  after?: string[];
  notes?: Note[];
  /** A blank line before the section on a terminal. */
  gap?: boolean;
}

/** Sections a pull-request comment folds away (markdown `<details>`); `terminal` says whether the table shows them. */
export interface Details {
  summary: string;
  sections: Section[];
  terminal: boolean;
}

/** One command's report as a document. */
export interface Document {
  /** The command ("estimate"): html page title, markdown comment marker. */
  command: string;
  /** Heading of markdown and html ("ratecard estimate"). */
  title: string;
  /** The terminal's first line (bold); defaults to the title. In markdown and html, the line under the heading. */
  headline?: string;
  /** Paragraphs under the heading in markdown and html instead of the headline (may use **bold** and `code`). */
  lead?: string[];
  /** Facts of the whole report (as-of, billed-as, sources): dim lines under the terminal headline. */
  facts?: string[];
  /** A blank line after the terminal headline. */
  gap?: boolean;
  /** A gate's verdict: badges the heading; `verdict` is the terminal's last line. */
  status?: Status;
  verdict?: string;
  /** Markdown's hidden first line, so a workflow can find and update its comment. */
  marker?: boolean;
  /** A picture of the whole report (html draws every kind; the terminal draws lines when asked). */
  chart?: Chart;
  sections: Section[];
  details?: Details;
  /** Warnings the report carries (stale cards, notes); the terminal prints them on stderr, html in the page. */
  warnings: string[];
}

/** The least and greatest of a chart's values, by a loop (a spread of 100,000 points would overflow the stack). */
export function chartRange(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** The text of a cell. */
export function cellText(c: string | Cell): string {
  return typeof c === "string" ? c : c.text;
}

/** Whether a column aligns right. */
export function alignsRight(c: Column): boolean {
  if (c.align) return c.align === "right";
  return c.kind !== "text" && c.kind !== "date" && c.kind !== "status";
}
