// --compare: a plan's estimate set beside the actual spend, model by model, with a warning when their periods differ.

import { InputError } from "../core/errors.js";
import { sum } from "../core/exact.js";
import { estimate, type EstimateOptions } from "../core/estimate.js";
import { periodSpan } from "../core/forms/period.js";
import { formatInstantShort, type Instant } from "../core/instant.js";
import type { Plan, RateBook } from "../core/types.js";
import type { UsageComparison, UsageReport } from "./types.js";

/** The one span every item's period covers at `asOf`, or undefined when the plan has none (or several). */
function planSpan(plan: Plan, asOf: Instant): { start: Instant; end: Instant } | undefined {
  const spans = plan.workloads.map((w) => (w.period ? periodSpan(w.period, asOf) : undefined));
  const first = spans[0];
  if (!first || !spans.every((s) => s && s.start === first.start && s.end === first.end)) return undefined;
  return { start: first.start, end: first.end };
}

/**
 * Prices `plan` at its own as-of instant (else `fallbackAsOf`, the logs' start), each item over
 * its period, and pairs each model's estimate with that model's actual spend: the records logged
 * as that model or billed as the model it is billed as. A warning says when the logs' date
 * range and the plan's period differ.
 */
export function comparePlan(book: RateBook, plan: Plan, label: string, fallbackAsOf: Instant, usage: UsageReport, opts: Pick<EstimateOptions, "currency" | "fx"> = {}): { compare: UsageComparison; warnings: string[] } {
  const asOf = plan.asOf ?? fallbackAsOf;
  const report = estimate(book, plan, { asOf, ...opts });
  if (report.currency !== usage.currency) {
    throw new InputError(`the plan is priced in ${report.currency}, the usage in ${usage.currency}`, "compare a plan priced in the usage's currency", plan.file ? { file: plan.file } : undefined);
  }
  const lines = usage.groups.flatMap((g) => g.lines);
  const estimates = report.estimates.map((e) => {
    const billed = e.billedAs ?? e.model;
    const mine = lines.filter((l) => l.model === e.model || (l.billedAs ?? l.model) === billed);
    return { model: e.model, billedAs: e.billedAs, total: e.total, actual: sum(mine.map((l) => l.cost)) };
  });
  const span = planSpan(plan, asOf);
  const warnings: string[] = [];
  const { start, end } = usage.period;
  if (span && start !== null && end !== null && (span.start !== start || span.end !== end)) {
    const range = (a: Instant, b: Instant) => `${formatInstantShort(a)} to ${formatInstantShort(b)}`;
    warnings.push(`--compare: the logs cover ${range(start, end)} but the plan's period is ${range(span.start, span.end)}: the comparison is not like for like`);
  }
  return { compare: { plan: label, asOf, ...(span ? { period: span } : {}), estimates, actual: usage.total.cost }, warnings };
}
