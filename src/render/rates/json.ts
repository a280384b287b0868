// Rates report -> JSON (schema_version 1), prices as exact decimal strings.

import { formatInstant } from "../../core/instant.js";
import type { PriceSet } from "../../core/types.js";
import type { RatesReport } from "../../report/types.js";
import { flatRows } from "./rows.js";

function prices(p: PriceSet) {
  return { input_cache_hit: p.input_cache_hit.toDecimal(), input_cache_miss: p.input_cache_miss.toDecimal(), output: p.output.toDecimal() };
}

/** Renders the models (or their history) as JSON; windows are grouped under each entry. */
export function renderRatesJson(report: RatesReport): string {
  const entries: Record<string, unknown>[] = [];
  let last: Record<string, unknown> | undefined;
  let lastKey = "";
  for (const r of flatRows(report)) {
    const key = `${r.model}|${r.from}|${r.status}`;
    if (key !== lastKey) {
      last = {
        model: r.model, currency: r.currency, status: r.status, billed_as: r.billed_as || null, replacement: r.replacement || null, from: r.from || null,
        ...(report.kind === "history" ? { until: r.until || null } : {}),
        calendar: r.calendar || null, prices: [] as unknown[], confidence: r.confidence || null, source: r.source || null, note: r.note || null,
      };
      entries.push(last);
      lastKey = key;
    }
    if (r.prices) (last!.prices as unknown[]).push({ window: r.window, ...prices(r.prices) });
  }
  const head = report.kind === "current" ? { as_of: formatInstant(report.asOf), models: entries } : { versions: entries };
  return JSON.stringify({ schema_version: 1, ...head }, null, 2) + "\n";
}
