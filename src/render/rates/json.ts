// Rates report -> JSON (schema_version 1), prices as exact decimal strings.

import { formatInstant } from "../../core/instant.js";
import type { PriceSet } from "../../core/types.js";
import type { RatesReport } from "../../report/types.js";
import { feeHistory, feeJson, feesAt, versionExtrasJson, writesJson } from "./parts.js";
import { flatRows } from "./rows.js";

function prices(p: PriceSet) {
  return { input_cache_hit: p.input_cache_hit.toDecimal(), input_cache_miss: p.input_cache_miss.toDecimal(), output: p.output.toDecimal(), ...writesJson(p) };
}

/**
 * Renders the models (or their history) as JSON; windows are grouped under each entry. Rate-card
 * v2 facts (cache writes, limits, tiers, modifiers, fees) appear only where a version has them.
 */
export function renderRatesJson(report: RatesReport): string {
  const entries: Record<string, unknown>[] = [];
  const fees: object[] = [];
  let last: Record<string, unknown> | undefined;
  let lastKey = "";
  for (const r of flatRows(report)) {
    const key = `${r.model}|${r.from}|${r.status}`;
    if (key !== lastKey) {
      const current = report.kind === "current" && r.fees ? feesAt(r.fees, report.asOf).map((f) => feeJson(f, false)) : [];
      last = {
        model: r.model, currency: r.currency, status: r.status, billed_as: r.billed_as || null, replacement: r.replacement || null, from: r.from || null,
        ...(report.kind === "history" ? { until: r.until || null } : {}),
        calendar: r.calendar || null, prices: [] as unknown[], ...versionExtrasJson(r.version), ...(current.length ? { fees: current } : {}),
        confidence: r.confidence || null, source: r.source || null, note: r.note || null,
      };
      if (report.kind === "history" && r.fees) {
        for (const fee of Object.values(r.fees)) fees.push(...feeHistory(fee).map((f) => ({ model: r.model, ...feeJson(f, true) })));
      }
      entries.push(last);
      lastKey = key;
    }
    if (r.prices && !r.part) (last!.prices as unknown[]).push({ window: r.window, ...prices(r.prices) });
  }
  const head = report.kind === "current" ? { as_of: formatInstant(report.asOf), models: entries } : { versions: entries, ...(fees.length ? { fees } : {}) };
  return JSON.stringify({ schema_version: 1, ...head }, null, 2) + "\n";
}
