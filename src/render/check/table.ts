// Check report -> terminal table (cli-table3), coloured only when asked.

import { Chalk } from "chalk";
import Table from "cli-table3";
import type { CheckReport } from "../../core/check.js";
import type { Status } from "../../core/status.js";
import type { RenderOptions } from "../options.js";
import { NO_ROW_RULES } from "../table-style.js";
import { checkContext, checkRows, checkSummary } from "./view.js";

/** Renders a check report as a headline, one verdict table and a summary line. */
export function renderCheckTable(report: CheckReport, opts: RenderOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const paint: Record<Status, (s: string) => string> = { PASS: c.green, WARN: c.yellow, FAIL: c.red.bold };
  const several = report.plans.length > 1;
  const head = [...(several ? ["plan"] : []), "item", "model", "cost", "budget", "headroom", "status"];
  const table = new Table({
    head: head.map((h) => c.bold(h)),
    style: { head: [], border: [] },
    chars: NO_ROW_RULES,
    colAligns: head.map((h) => (["cost", "budget", "headroom"].includes(h) ? "right" : "left")),
  });
  for (const r of checkRows(report)) {
    table.push([...(several ? [r.plan] : []), r.item, r.model, r.cost, r.budget, r.headroom, paint[r.status](r.status)]);
  }
  return [c.bold(`ratecard check · ${checkContext(report)}`), "", table.toString(), `${paint[report.status](report.status)}: ${checkSummary(report)}`, ""].join("\n");
}
