// A diff report as a document (per-model and per-item changes), and the summary the annotations share.

import type { Change, DiffReport, ModelDiff, Threshold } from "../../core/diff.js";
import { formatInstantShort } from "../../core/instant.js";
import type { Column, Document, Section } from "../document.js";
import { formatMoney } from "../format.js";
import { formatPctChange, formatSignedMoney, formatThreshold } from "../gate-format.js";

/** The formatted amounts of one change. */
interface ChangeCells {
  base: string;
  head: string;
  change: string;
  pct: string;
}

const KIND_NOTES: Record<Change["kind"], string> = { changed: "", unchanged: "", new: "new", removed: "removed" };

/** Base, head, change and percentage as display text ("—" for a side it is absent from). */
export function changeCells(c: Change, currency: string): ChangeCells {
  const money = (x: Change["base"]) => (x === null ? "—" : formatMoney(x, currency));
  return { base: money(c.base), head: money(c.head), change: formatSignedMoney(c.change, currency), pct: formatPctChange(c.pct) };
}

/** "deepseek-v4-flash (billed as deepseek-flash)", naming both sides' when they differ. */
function modelLabel(m: ModelDiff): string {
  const { base, head } = m.billedAs;
  if (base === head) return base ? `${m.model} (billed as ${base})` : m.model;
  return `${m.model} (billed as ${base ?? m.model} → ${head ?? m.model})`;
}

/** "new" / "removed" for rows present on one side only, else "". */
export function kindNote(c: Change): string {
  return KIND_NOTES[c.kind];
}

/** Whether the per-item rows say more than the per-model ones: several items, or items new or removed. */
function showItems(report: DiffReport): boolean {
  return report.models.some((m) => m.items.length > 1 || m.items.some((i) => i.kind === "new" || i.kind === "removed"));
}

/** Whether any gate was given. */
export function gated(report: DiffReport): boolean {
  return report.gates.fail !== undefined || report.gates.warn !== undefined;
}

/** "--fail-above 50%" */
function gateText(flag: string, t: Threshold, currency: string): string {
  return `${flag} ${formatThreshold(t, currency)}`;
}

/** "fail above 50%, warn above 10%", or "no gates". */
function gatesText(report: DiffReport): string {
  const g = report.gates;
  const parts = [g.fail && `fail above ${formatThreshold(g.fail, report.currency)}`, g.warn && `warn above ${formatThreshold(g.warn, report.currency)}`].filter(Boolean);
  return parts.length ? `gates: ${parts.join(", ")} of each model's total` : "no gates";
}

/** "deepseek-v4-flash +$168.00 (+100%)" */
function changeOf(m: ModelDiff, currency: string): string {
  const cells = changeCells(m, currency);
  return `${m.model} ${cells.change} (${cells.pct}${kindNote(m) ? `, ${kindNote(m)}` : ""})`;
}

/** One sentence: the first model over a gate, else the largest change. */
export function diffSummary(report: DiffReport): string {
  const cur = report.currency;
  for (const status of ["FAIL", "WARN"] as const) {
    const over = report.models.filter((m) => m.status === status);
    if (over.length === 0) continue;
    const first = over[0]!;
    const flag = status === "FAIL" ? "--fail-above" : "--warn-above";
    const more = over.length > 1 ? `; ${over.length - 1} more model${over.length > 2 ? "s" : ""} too` : "";
    return `${changeOf(first, cur)} is above ${gateText(flag, first.breach!.threshold, cur)}${more}`;
  }
  const changed = report.models.filter((m) => !m.change.isZero());
  const prefix = gated(report) ? `every model is within the gates` : "no gate given";
  if (changed.length === 0) return `${prefix}; no cost changed`;
  const largest = changed.reduce((a, b) => (b.change.abs().cmp(a.change.abs()) > 0 ? b : a));
  return `${prefix}; largest change: ${changeOf(largest, cur)}`;
}

/** "base `main:plan.yaml` (as of 2026-04-24) → head `plan.yaml` (as of 2026-04-24) · USD" */
function sidesText(report: DiffReport, code: (s: string) => string = (s) => s): string {
  const side = (s: DiffReport["base"]) => `${code(s.label)} (as of ${formatInstantShort(s.asOf)})`;
  return `base ${side(report.base)} → head ${side(report.head)} · ${report.currency}`;
}

const NUMERIC = ["base", "head", "change", "%"];

function columns(head: string[]): Column[] {
  return head.map((h) => ({ head: h, kind: h === "status" ? "status" : h === "%" ? "percent" : NUMERIC.includes(h) ? "money" : "text" }));
}

/** The diff report as a document: the per-model table, the per-item table folded away. */
export function diffDocument(report: DiffReport): Document {
  const cur = report.currency;
  const withStatus = gated(report);
  const models = report.models.map((m) => {
    const c = changeCells(m, cur);
    return { cells: [kindNote(m) ? `${modelLabel(m)} (${kindNote(m)})` : modelLabel(m), c.base, c.head, c.change, c.pct, ...(withStatus ? [{ text: m.status, status: m.status }] : [])] };
  });
  const items = report.models.flatMap((m) =>
    m.items.map((i) => {
      const c = changeCells(i, cur);
      return { cells: [modelLabel(m), i.workload, c.base, c.head, c.change, c.pct, kindNote(i)] };
    }),
  );
  const itemSection: Section = { gap: true, table: { columns: columns(["model", "item", "base", "head", "change", "%", "note"]), rows: items } };
  return {
    command: "diff",
    title: "ratecard diff",
    headline: `ratecard diff · ${sidesText(report)}`,
    facts: [gatesText(report)],
    lead: [`**${diffSummary(report)}**`, `${sidesText(report, (s) => `\`${s}\``)} · ${gatesText(report)}`],
    gap: true,
    ...(withStatus ? { status: report.status } : {}),
    verdict: diffSummary(report),
    marker: true,
    sections: [{ table: { columns: columns(["model", "base", "head", "change", "%", ...(withStatus ? ["status"] : [])]), rows: models } }],
    details: { summary: "Change per workload item", sections: showItems(report) ? [itemSection] : [], terminal: true },
    warnings: report.warnings ?? [],
  };
}
