// Sweep -> a terminal table (cli-table3), and for a one-parameter sweep the chart under it.

import { Chalk } from "chalk";
import Table from "cli-table3";
import type { RenderOptions } from "../options.js";
import { NO_ROW_RULES } from "../table-style.js";
import { axisName, costText, gapNotes, pointText, sweepHeadline, type SweepTable } from "./view.js";

const SERIES_COLORS = ["cyan", "magenta", "yellow", "green", "blue", "red"] as const;

/** Renders a sweep as a table; with `chart`, draws the chart (loaded lazily) under it. */
export async function renderSweepTable(t: SweepTable, opts: RenderOptions & { chart?: boolean }): Promise<string> {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const s = t.sweep;
  const head = [...s.axes.map(axisName), ...s.models];
  const table = new Table({ head: head.map((h) => c.bold(h)), style: { head: [], border: [] }, chars: NO_ROW_RULES, colAligns: head.map(() => "right") });
  for (const r of t.rows) table.push([...r.point.map((v, i) => pointText(s.axes[i]!, v)), ...r.costs.map((x) => costText(x, s.currency))]);
  const out = [c.bold(sweepHeadline(s)), table.toString(), ...gapNotes(s).map((n) => c.dim(n))];
  if (opts.chart) {
    const { renderSweepChart } = await import("./chart.js");
    out.push("", renderSweepChart(t, { paint: (i, text) => c[SERIES_COLORS[i % SERIES_COLORS.length]!](text) }).trimEnd());
  }
  return out.join("\n") + "\n";
}
