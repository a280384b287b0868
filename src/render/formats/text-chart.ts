// A text line chart of a document's "lines" chart, one series per model (loaded only when drawn).

import type { Chalk } from "chalk";
import { escapeControl } from "../../core/printable.js";
import { chartRange, type Chart } from "../document.js";

/** Markers of the series, in order. */
const MARKERS = ["*", "o", "+", "x", "#", "@", "%", "&"];
const SERIES_COLORS = ["cyan", "magenta", "yellow", "green", "blue", "red"] as const;

/** Draws the chart: points joined by linear interpolation on a width x height grid. */
export function lineChartText(chart: Chart & { kind: "lines" }, c: InstanceType<typeof Chalk>, W = 60, H = 12): string {
  const paint = (i: number, t: string) => c[SERIES_COLORS[i % SERIES_COLORS.length]!](t);
  const xs = chart.x.values;
  const all = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (all.length === 0 || xs.length === 0) return "";
  // Loops, not Math.min(...values): a spread of 100,000 points overflows the stack.
  const [yMin, yMax] = chartRange(all);
  const grid: (number | null)[][] = Array.from({ length: H }, () => Array<number | null>(W).fill(null));
  const [x0, x1] = chartRange(xs);
  const col = (x: number) => (x1 === x0 ? 0 : Math.round(((x - x0) / (x1 - x0)) * (W - 1)));
  const row = (y: number) => (yMax === yMin ? Math.floor((H - 1) / 2) : Math.round(((yMax - y) / (yMax - yMin)) * (H - 1)));
  chart.series.forEach((s, si) => {
    for (let i = 0; i < xs.length; i++) {
      const y = s.values[i];
      if (y === null || y === undefined) continue;
      grid[row(y)]![col(xs[i]!)] = si;
      const yn = s.values[i + 1];
      if (i + 1 >= xs.length || yn === null || yn === undefined) continue;
      const [ca, cb] = [col(xs[i]!), col(xs[i + 1]!)];
      for (let k = ca + 1; k < cb; k++) grid[row(y + ((yn - y) * (k - ca)) / (cb - ca))]![k] = si;
    }
  });
  const { top, bottom } = chart.yLabels;
  const labelWidth = Math.max(top.length, bottom.length);
  const lines: string[] = [];
  grid.forEach((cells, r) => {
    const label = r === 0 ? top : r === H - 1 ? bottom : "";
    const body = cells.map((si) => (si === null ? " " : paint(si, MARKERS[si % MARKERS.length]!))).join("");
    lines.push(`${label.padStart(labelWidth)} ${label ? "┤" : "│"}${body}`.trimEnd());
  });
  const pad = " ".repeat(labelWidth + 1);
  lines.push(`${pad}└${"─".repeat(W)}`);
  const [first, last] = [chart.x.labels[0] ?? "", chart.x.labels.at(-1) ?? ""];
  const gap = Math.max(1, W - first.length - last.length);
  lines.push(`${pad} ${first}${" ".repeat(gap)}${last}  ${escapeControl(chart.x.name)}`);
  lines.push(`${pad} ${chart.series.map((s, i) => `${paint(i, MARKERS[i % MARKERS.length]!)} ${escapeControl(s.name)}`).join("   ")}`);
  return lines.join("\n") + "\n";
}
