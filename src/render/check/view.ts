// A check report as a document (verdict table, cost breakdown), and the rows and summary the annotations share.

import type { CheckReport, CheckRow, PlanCheck } from "../../core/check.js";
import { formatInstantShort } from "../../core/instant.js";
import type { Budget } from "../../core/types.js";
import type { Column, Document, Section } from "../document.js";
import { billedLabel, chartScale, formatCount, formatMoney, moneyAddingUp } from "../format.js";
import { plural } from "../gate-format.js";

/** One verdict row, formatted. */
interface CheckViewRow {
  plan: string;
  item: string;
  model: string;
  cost: string;
  budget: string;
  headroom: string;
  status: CheckRow["status"];
  row: CheckRow;
  check: PlanCheck;
}

/** The label of a plan: its name, else its file. */
function planLabel(p: PlanCheck): string {
  return p.estimate.planName ?? p.file ?? "plan";
}

/** "$200.00", "$200.00 (warn $150.00)" or "warn $150.00". */
function budgetText(b: Budget, currency: string): string {
  const warn = b.warn ? `warn ${formatMoney(b.warn, currency)}` : "";
  if (!b.fail) return warn;
  return formatMoney(b.fail, currency) + (warn ? ` (${warn})` : "");
}

/** Every verdict row of every plan, formatted. */
export function checkRows(report: CheckReport): CheckViewRow[] {
  return report.plans.flatMap((p) =>
    p.rows.map((r) => {
      const cur = p.estimate.currency;
      return {
        plan: planLabel(p),
        item: r.item ?? "(total)",
        model: billedLabel(r.model, r.billedAs),
        cost: formatMoney(r.cost, cur),
        budget: budgetText(r.budget, cur),
        headroom: formatMoney(r.headroom, cur),
        status: r.status,
        row: r,
        check: p,
      };
    }),
  );
}

/** "deepseek-v4-flash total" or "deepseek-v4-flash · chat", prefixed by the plan when there are several. */
function where(v: CheckViewRow, several: boolean): string {
  return `${several ? `${v.plan}: ` : ""}${v.model}${v.row.item === null ? " total" : ` · ${v.row.item}`}`;
}

/** What a row's cost is over: "$168.00 > $150.00" or "$160.00 > warn $150.00". */
function overText(v: CheckViewRow): string {
  const cur = v.check.estimate.currency;
  const r = v.row;
  if (r.status === "FAIL") return `${v.cost} > ${formatMoney(r.budget.fail!, cur)}`;
  return `${v.cost} > warn ${formatMoney(r.budget.warn!, cur)}`;
}

/** One sentence: how many budgets failed or warned and the first of them, or the least headroom (`rows`: the report's checkRows, when already made). */
export function checkSummary(report: CheckReport, rows: readonly CheckViewRow[] = checkRows(report)): string {
  const several = report.plans.length > 1;
  const { PASS, WARN, FAIL } = report.counts;
  const total = PASS + WARN + FAIL;
  if (FAIL > 0) {
    const first = rows.find((r) => r.status === "FAIL")!;
    return `${formatCount(FAIL)} of ${plural(total, "budget")} failed${WARN ? `, ${formatCount(WARN)} warned` : ""}; first: ${where(first, several)} ${overText(first)}`;
  }
  if (WARN > 0) {
    const first = rows.find((r) => r.status === "WARN")!;
    return `${formatCount(WARN)} of ${plural(total, "budget")} warned; first: ${where(first, several)} ${overText(first)}`;
  }
  const least = rows.reduce((a, b) => (b.row.headroom.cmp(a.row.headroom) < 0 ? b : a));
  const all = total === 1 ? "the budget passes" : `all ${formatCount(total)} budgets pass`;
  return `${all}; least headroom ${least.headroom} (${where(least, several)})`;
}

/** "support bot · as of 2026-04-24 · USD" for one plan; "N plans" for several. */
function checkContext(report: CheckReport): string {
  if (report.plans.length > 1) return `${report.plans.length} plans`;
  const p = report.plans[0]!;
  return `${planLabel(p)} · as of ${formatInstantShort(p.estimate.asOf)} · ${p.estimate.currency}`;
}

/** The cost of every workload item on every model of a plan, with totals ("—" where an item is not priced). */
function breakdown(p: PlanCheck): { head: string[]; rows: string[][] } {
  const cur = p.estimate.currency;
  const models = p.estimate.estimates;
  const items = [...new Set(models.flatMap((e) => e.items.map((i) => i.workload)))];
  // each model's column adds up to its total as shown
  const money = models.map((e) => moneyAddingUp([{ parts: e.items.map((i) => i.total), total: e.total }], cur));
  const rows = items.map((w) => [w, ...models.map((e, k) => {
    const it = e.items.find((i) => i.workload === w);
    return it ? money[k]!(it.total) : "—";
  })]);
  rows.push(["total", ...models.map((e, k) => money[k]!(e.total))]);
  return { head: ["item", ...models.map((e) => e.model)], rows };
}

/** The check report as a document: the verdict table, the cost breakdown folded away. */
export function checkDocument(report: CheckReport): Document {
  const several = report.plans.length > 1;
  const columns: Column[] = [
    ...(several ? [{ head: "plan", kind: "text" } as Column] : []),
    { head: "item", kind: "text" },
    { head: "model", kind: "text" },
    { head: "cost", kind: "money" },
    { head: "budget", kind: "money" },
    { head: "headroom", kind: "money" },
    { head: "status", kind: "status" },
  ];
  const verdicts = checkRows(report);
  const summary = checkSummary(report, verdicts);
  const context = checkContext(report);
  const rows = verdicts.map((r) => ({
    cells: [...(several ? [r.plan] : []), r.item, r.model, r.cost, r.budget, r.headroom, { text: r.status, status: r.status }],
  }));
  const details: Section[] = report.plans.map((p) => {
    const b = breakdown(p);
    return {
      title: `**${planLabel(p)}**${p.file ? ` (\`${p.file}\`)` : ""}, as of ${formatInstantShort(p.estimate.asOf)}, ${p.estimate.currency}`,
      table: { columns: b.head.map((head, i) => ({ head, kind: i > 0 ? "money" : "text" })), rows: b.rows.map((cells) => ({ cells })) },
    };
  });
  return {
    command: "check",
    title: "ratecard check",
    headline: `ratecard check · ${context}`,
    lead: [`**${summary}** · ${context}`],
    gap: true,
    status: report.status,
    verdict: summary,
    marker: true,
    chart: {
      kind: "headroom",
      title: "cost against each budget (dashed: the limit)",
      bars: verdicts.map((r) => {
        const limit = r.row.budget.fail ?? r.row.budget.warn!;
        const scale = chartScale([r.row.cost, limit], true); // each bar has its own scale
        return {
          label: `${several ? `${r.plan}: ` : ""}${r.model} · ${r.item}`,
          cost: scale.at(r.row.cost),
          limit: scale.at(limit),
          text: `${r.cost} of ${formatMoney(limit, r.check.estimate.currency)}`,
          status: r.status,
        };
      }),
    },
    sections: [{ table: { columns, rows } }],
    details: { summary: "Cost per item and model", sections: details, terminal: false },
    warnings: report.warnings ?? [],
  };
}
