// Sweep -> GitHub-flavoured Markdown: a heading, then one row per point and a column per model.

import { mdTable } from "../markdown.js";
import { axisName, costText, gapNotes, pointText, sweepHeadline, type SweepTable } from "./view.js";

/** Renders a sweep as a Markdown table. */
export function renderSweepMarkdown(t: SweepTable): string {
  const s = t.sweep;
  const head = [...s.axes.map(axisName), ...s.models];
  const rows = t.rows.map((r) => [...r.point.map((v, i) => pointText(s.axes[i]!, v)), ...r.costs.map((c) => costText(c, s.currency))]);
  const notes = gapNotes(s).map((n) => `- ${n}`);
  return [`### ratecard sweep`, "", sweepHeadline(s), "", mdTable(head, rows, head.map(() => true)), ...(notes.length ? [...notes, ""] : [])].join("\n");
}
