// Budgets against an estimate: each plan and item budget on each model -> PASS / WARN / FAIL rows.

import { InputError, UsageError } from "./errors.js";
import type { Exact } from "./exact.js";
import { worst, type Status } from "./status.js";
import type { Budget, EstimateReport, Plan } from "./types.js";

/** One budget applied to one model: the cost it limits and the verdict. */
export interface CheckRow {
  /** The workload item, or null for the model's total over the plan. */
  item: string | null;
  model: string;
  /** The model whose prices applied, when `model` is an alias; else null. */
  billedAs: string | null;
  cost: Exact;
  budget: Budget;
  /** The limit (fail, else warn) minus the cost: negative when over it. */
  headroom: Exact;
  status: Status;
}

/** The verdict on one plan file. */
export interface PlanCheck {
  file?: string;
  estimate: EstimateReport;
  rows: CheckRow[];
  status: Status;
}

/** The verdict on every plan checked in one run. */
export interface CheckReport {
  plans: PlanCheck[];
  status: Status;
  counts: Record<Status, number>;
  /** Warnings the CLI attaches (stale cards); as on stderr. */
  warnings?: string[];
}

/** FAIL over the fail limit, WARN over the warn limit, else PASS (a cost equal to a limit fits). */
export function budgetStatus(cost: Exact, budget: Budget): Status {
  if (budget.fail && cost.cmp(budget.fail) > 0) return "FAIL";
  if (budget.warn && cost.cmp(budget.warn) > 0) return "WARN";
  return "PASS";
}

function row(item: string | null, model: string, billedAs: string | null, cost: Exact, budget: Budget): CheckRow {
  const limit = (budget.fail ?? budget.warn)!;
  return { item, model, billedAs, cost, budget, headroom: limit.sub(cost), status: budgetStatus(cost, budget) };
}

/**
 * The plan-level budget with `--budget` / `--warn` laid over the file's: each flag replaces its
 * field. Fails when the result warns above its fail limit.
 */
export function overrideBudget(file: Budget | undefined, flags: { fail?: Exact; warn?: Exact }): Budget | undefined {
  if (!flags.fail && !flags.warn) return file;
  const merged: Budget = { fail: flags.fail ?? file?.fail, warn: flags.warn ?? file?.warn, where: file?.where };
  if (merged.fail && merged.warn && merged.warn.cmp(merged.fail) > 0) {
    const whence = (flag: boolean) => (flag ? "the flag" : "the plan");
    throw new UsageError(
      `the warn limit ${merged.warn.toDecimal()} (${whence(!!flags.warn)}) is above the fail limit ${merged.fail.toDecimal()} (${whence(!!flags.fail)})`,
      "give --warn at or below --budget",
    );
  }
  return merged;
}

/** Applies the plan's budget to each model's total and each item's budget to its cost on each model. */
export function checkPlan(report: EstimateReport, plan: Plan): PlanCheck {
  const rows: CheckRow[] = [];
  const itemBudgets = new Map(plan.workloads.filter((w) => w.budget).map((w) => [w.name, w.budget!]));
  for (const e of report.estimates) {
    if (plan.budget) rows.push(row(null, e.model, e.billedAs, e.total, plan.budget));
    for (const item of e.items) {
      const b = itemBudgets.get(item.workload);
      if (b) rows.push(row(item.workload, e.model, e.billedAs, item.total, b));
    }
  }
  if (rows.length === 0) {
    const none = !plan.budget && itemBudgets.size === 0;
    throw new InputError(
      none ? "the plan has no budget to check" : "no budget applies to the models priced",
      none ? "add budget: to the plan or a workload, or give --budget" : "price the models the budgeted workloads use (-m), or add a plan budget",
      plan.file ? { file: plan.file } : undefined,
    );
  }
  return { file: plan.file, estimate: report, rows, status: worst(rows.map((r) => r.status)) };
}

/** Gathers the plans' verdicts: the worst status and how many rows pass, warn and fail. */
export function checkReport(plans: PlanCheck[]): CheckReport {
  const counts: Record<Status, number> = { PASS: 0, WARN: 0, FAIL: 0 };
  for (const p of plans) for (const r of p.rows) counts[r.status]++;
  return { plans, status: worst(plans.map((p) => p.status)), counts };
}
