// Estimate report -> terminal tables (cli-table3), coloured only when asked.

import { Chalk } from "chalk";
import Table from "cli-table3";
import type { EstimateReport } from "../../core/types.js";
import type { RenderOptions } from "../options.js";
import { NO_ROW_RULES } from "../table-style.js";
import { comparison, headline, modelView } from "./view.js";

/** Renders an estimate report as one table per model, then the comparison. */
export function renderEstimateTable(report: EstimateReport, opts: RenderOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const out: string[] = [c.bold(headline(report)), ""];
  for (const e of report.estimates) {
    const view = modelView(e, report.currency);
    out.push(c.bold.cyan(view.title));
    for (const f of view.facts) out.push(c.dim(`  ${f}`));
    const head = ["workload", "bucket", ...(view.hasWindows ? ["window"] : []), "tokens", "per 1M", "cost"];
    const table = new Table({
      head: head.map((h) => c.bold(h)),
      style: { head: [], border: [] },
    chars: NO_ROW_RULES,
      colAligns: head.map((h) => (["tokens", "per 1M", "cost"].includes(h) ? "right" : "left")),
    });
    for (const r of view.rows) {
      const cells = [r.workload, r.bucket, ...(view.hasWindows ? [r.window] : []), r.tokens, r.rate, r.cost];
      table.push(r.kind === "line" ? cells : cells.map((x) => c.bold(x)));
    }
    out.push(table.toString());
    if (view.sumLine) out.push(`  ${view.sumLine}`);
    out.push("");
  }
  const cmp = comparison(report);
  if (cmp.length > 0) out.push(`comparison: ${cmp.map((x) => `${x.model} ${x.total} = ${c.bold(x.multiple)}`).join(" · ")}`, "");
  return out.join("\n");
}
