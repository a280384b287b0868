// Usage report -> JSON (schema_version 1): token counts and amounts as exact decimal strings.

import { formatInstant } from "../../core/instant.js";
import type { TokenCounts, UsageLine, UsageReport } from "../../usage/types.js";

function tokens(t: TokenCounts) {
  return {
    input_cache_hit: t.input_cache_hit.toDecimal(),
    input_cache_miss: t.input_cache_miss.toDecimal(),
    output: t.output.toDecimal(),
    reasoning_in_output: t.reasoning.toDecimal(),
    ...(t.input_cache_write ? { input_cache_write: t.input_cache_write.toDecimal() } : {}),
  };
}

function when(t: number | null): string | null {
  return t === null ? null : formatInstant(t);
}

function line(l: UsageLine) {
  return {
    model: l.model,
    billed_as: l.billedAs,
    price_from: formatInstant(l.priceFrom),
    window: l.window,
    bucket: l.bucket,
    tokens: l.tokens.toDecimal(),
    rate: l.rate.toDecimal(),
    cost: l.cost.toDecimal(),
    ...(l.bucket === "input_cache_write" ? { retention: l.retention ?? null } : {}),
    ...(l.fee ? { fee: l.fee, count: l.count!.toDecimal(), per: l.per!.toDecimal() } : {}),
    ...(l.tier ? { tier: l.tier } : {}),
    ...(l.modifiers ? { modifiers: l.modifiers } : {}),
    ...(l.note ? { note: l.note } : {}),
  };
}

/** The JSON object of a usage report, before serialisation. */
function usageJson(r: UsageReport): object {
  return {
    schema_version: 1,
    currency: r.currency,
    by: r.by,
    period: { start: when(r.period.start), end: when(r.period.end) },
    total: { records: r.total.records, tokens: tokens(r.total.tokens), cost: r.total.cost.toDecimal() },
    groups: r.groups.map((g) => ({
      key: g.key,
      start: when(g.start),
      end: when(g.end),
      records: g.records,
      tokens: tokens(g.tokens),
      cost: g.cost.toDecimal(),
      lines: g.lines.map(line),
    })),
    skipped: r.skipped.map((s) => ({ reason: s.reason, count: s.count, first: s.first })),
    duplicates: r.duplicates,
    ignored: r.ignored,
    ...(r.synthetic ? { synthetic: r.synthetic } : {}),
    outside_period: r.outsidePeriod,
    compare: r.compare
      ? {
          plan: r.compare.plan,
          as_of: formatInstant(r.compare.asOf),
          actual: r.compare.actual.toDecimal(),
          ...(r.compare.period ? { period: { start: formatInstant(r.compare.period.start), end: formatInstant(r.compare.period.end) } } : {}),
          estimates: r.compare.estimates.map((e) => ({ model: e.model, billed_as: e.billedAs, total: e.total.toDecimal(), actual: e.actual.toDecimal() })),
        }
      : null,
    warnings: r.warnings ?? [],
  };
}

/** Renders a usage report as pretty-printed JSON. */
export function renderUsageJson(r: UsageReport): string {
  return JSON.stringify(usageJson(r), null, 2) + "\n";
}
