// A text line chart of cost against a swept parameter, one series per model (loaded only when drawn).

import type { Exact } from "../../core/exact.js";
import { formatMoney } from "../format.js";
import { axisName, pointText, type SweepTable } from "./view.js";

/** Markers of the series, in order. */
const MARKERS = ["*", "o", "+", "x", "#", "@", "%", "&"];

/** What the chart draws: x positions, one y list per series (null: no value), and labels. */
interface ChartInput {
  xs: number[];
  series: { name: string; ys: (number | null)[] }[];
  yMin: number;
  yMax: number;
  yLabels: { top: string; bottom: string };
  xLabels: { first: string; last: string; name: string };
}

/** Chart size and colouring; `paint` colours series `i`'s text. */
export interface ChartOptions {
  width?: number;
  height?: number;
  paint?: (i: number, text: string) => string;
}

/** Draws a line chart: points joined by linear interpolation on a width x height grid. */
function renderLineChart(c: ChartInput, opts: ChartOptions = {}): string {
  const W = opts.width ?? 60;
  const H = opts.height ?? 12;
  const paint = opts.paint ?? ((_i: number, t: string) => t);
  const grid: (number | null)[][] = Array.from({ length: H }, () => Array<number | null>(W).fill(null));
  const x0 = Math.min(...c.xs);
  const x1 = Math.max(...c.xs);
  const col = (x: number) => (x1 === x0 ? 0 : Math.round(((x - x0) / (x1 - x0)) * (W - 1)));
  const row = (y: number) => (c.yMax === c.yMin ? Math.floor((H - 1) / 2) : Math.round(((c.yMax - y) / (c.yMax - c.yMin)) * (H - 1)));
  c.series.forEach((s, si) => {
    for (let i = 0; i < c.xs.length; i++) {
      const y = s.ys[i];
      if (y === null || y === undefined) continue;
      grid[row(y)]![col(c.xs[i]!)] = si;
      const yn = s.ys[i + 1];
      if (i + 1 >= c.xs.length || yn === null || yn === undefined) continue;
      const [ca, cb] = [col(c.xs[i]!), col(c.xs[i + 1]!)];
      for (let k = ca + 1; k < cb; k++) grid[row(y + ((yn - y) * (k - ca)) / (cb - ca))]![k] = si;
    }
  });
  const labelWidth = Math.max(c.yLabels.top.length, c.yLabels.bottom.length);
  const lines: string[] = [];
  grid.forEach((cells, r) => {
    const label = r === 0 ? c.yLabels.top : r === H - 1 ? c.yLabels.bottom : "";
    const body = cells.map((si) => (si === null ? " " : paint(si, MARKERS[si % MARKERS.length]!))).join("");
    lines.push(`${label.padStart(labelWidth)} ${label ? "┤" : "│"}${body}`.trimEnd());
  });
  const pad = " ".repeat(labelWidth + 1);
  lines.push(`${pad}└${"─".repeat(W)}`);
  const gap = Math.max(1, W - c.xLabels.first.length - c.xLabels.last.length);
  lines.push(`${pad} ${c.xLabels.first}${" ".repeat(gap)}${c.xLabels.last}  ${c.xLabels.name}`);
  lines.push(`${pad} ${c.series.map((s, i) => `${paint(i, MARKERS[i % MARKERS.length]!)} ${s.name}`).join("   ")}`);
  return lines.join("\n") + "\n";
}

/** A display-only float of an exact value (chart geometry; money text stays exact). */
function approx(e: Exact): number {
  return Number(e.toFixedPlaces(9));
}

/** The chart of a one-parameter sweep: cost against the parameter, one series per model. */
export function renderSweepChart(t: SweepTable, opts: ChartOptions = {}): string {
  const s = t.sweep;
  const axis = s.axes[0]!;
  const xs = t.rows.map((r) => (typeof r.point[0] === "number" ? r.point[0] : approx(r.point[0] as Exact)));
  const costs = t.rows.flatMap((r) => r.costs.filter((x): x is Exact => x !== null));
  if (costs.length === 0 || xs.length === 0) return "";
  const max = costs.reduce((a, b) => (b.cmp(a) > 0 ? b : a));
  const min = costs.reduce((a, b) => (b.cmp(a) < 0 ? b : a));
  return renderLineChart(
    {
      xs,
      series: s.models.map((name, i) => ({ name, ys: t.rows.map((r) => (r.costs[i] ? approx(r.costs[i]!) : null)) })),
      yMin: approx(min),
      yMax: approx(max),
      yLabels: { top: formatMoney(max, s.currency), bottom: formatMoney(min, s.currency) },
      xLabels: { first: pointText(axis, t.rows[0]!.point[0]!), last: pointText(axis, t.rows.at(-1)!.point[0]!), name: axisName(axis) },
    },
    opts,
  );
}
