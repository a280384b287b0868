// --compare: a plan's estimate for the usage period, set beside the actual spend.

import { InputError } from "../core/errors.js";
import type { Exact } from "../core/exact.js";
import { estimate } from "../core/estimate.js";
import type { Instant } from "../core/instant.js";
import type { Plan, RateBook } from "../core/types.js";
import type { UsageComparison } from "./types.js";

/**
 * Prices `plan` at `asOf` (the period's start: one price version per model, the calendar's
 * typical peak share) and pairs each model's estimate with the actual spend.
 */
export function comparePlan(book: RateBook, plan: Plan, label: string, asOf: Instant, actual: Exact, currency: string): UsageComparison {
  const report = estimate(book, plan, { asOf });
  if (report.currency !== currency) {
    throw new InputError(`the plan is priced in ${report.currency}, the usage in ${currency}`, "compare a plan priced in the usage's currency", plan.file ? { file: plan.file } : undefined);
  }
  return {
    plan: label,
    asOf,
    estimates: report.estimates.map((e) => ({ model: e.model, billedAs: e.billedAs, total: e.total })),
    actual,
  };
}
