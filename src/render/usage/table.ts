// Usage report -> terminal tables (cli-table3): groups with the total, the prices applied, then notes.

import { Chalk } from "chalk";
import Table from "cli-table3";
import type { UsageReport } from "../../usage/types.js";
import type { RenderOptions } from "../options.js";
import { NO_ROW_RULES } from "../table-style.js";
import { compareLines, groupGrid, noteLines, priceGrid, usageHeadline, type Grid } from "./view.js";

function draw(c: InstanceType<typeof Chalk>, grid: Grid, boldLast: boolean): string {
  const table = new Table({
    head: grid.head.map((h) => c.bold(h)),
    style: { head: [], border: [] },
    chars: NO_ROW_RULES,
    colAligns: grid.right.map((r) => (r ? "right" : "left")),
  });
  grid.rows.forEach((row, i) => table.push(boldLast && i === grid.rows.length - 1 ? row.map((x) => c.bold(x)) : row));
  return table.toString();
}

/** Renders a usage report for the terminal. */
export function renderUsageTable(r: UsageReport, opts: RenderOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const out = [c.bold(usageHeadline(r)), draw(c, groupGrid(r), true)];
  const prices = priceGrid(r);
  if (prices.rows.length > 0) out.push("", c.bold("prices applied"), draw(c, prices, false));
  const notes = noteLines(r);
  if (notes.length > 0) out.push("", ...notes.map((n) => (n.startsWith("skipped") ? c.yellow(n) : n)));
  const cmp = compareLines(r);
  if (cmp.length > 0) out.push("", ...cmp);
  return out.join("\n") + "\n";
}
