// Rate listings flattened to rows (one per price window), shared by every rates renderer.

import type { Exact } from "../../core/exact.js";
import { formatInstant } from "../../core/instant.js";
import type { RatesReport } from "../../report/types.js";
import type { Fee, PriceSet, PriceVersion, Version, Window } from "../../core/types.js";
import { partRows } from "./parts.js";


/** One flat row: a price window of a version, or a version without prices (alias, retirement). */
export interface FlatRow {
  model: string;
  currency: string;
  status: string;
  billed_as: string;
  replacement: string;
  from: string;
  until: string;
  window: Window;
  prices: PriceSet | null;
  /** A tier or modifier row's label ("tier above 200000"); undefined for the version's own prices. */
  part?: string;
  multiplier?: Exact;
  /** The price version the row lists, for its v2 facts (limits, default retention, tiers, modifiers). */
  version?: PriceVersion;
  /** The model's fees, on the first row of a model (history) or each model (current). */
  fees?: Record<string, Fee>;
  calendar: string;
  confidence: string;
  source: string;
  note: string;
}

type Shown = [Window, PriceSet | null, { part?: string; multiplier?: Exact }];

function windows(v: PriceVersion | undefined): Shown[] {
  if (!v) return [[null, null, {}]];
  const own: Shown[] = v.flat ? [[null, v.flat, {}]] : [["peak", v.peak!, {}], ["off-peak", v.offPeak!, {}]];
  return [...own, ...partRows(v).map((p): Shown => [p.window, p.prices, { part: p.label, ...(p.multiplier ? { multiplier: p.multiplier } : {}) }])];
}

function versionStatus(v: Version): string {
  return v.kind === "price" ? "price" : v.kind === "alias" ? "alias" : "retired";
}

/** Flattens a rates report into rows, one per price window. */
export function flatRows(report: RatesReport): FlatRow[] {
  const out: FlatRow[] = [];
  if (report.kind === "current") {
    for (const r of report.rows) {
      for (const [window, prices, part] of windows(r.price)) {
        out.push({
          model: r.model, currency: r.currency, status: r.status, billed_as: r.billedAs ?? "", replacement: r.replacement ?? "",
          from: r.price ? formatInstant(r.price.from) : "", until: "", window, prices, ...part, ...(r.price ? { version: r.price } : {}),
          ...(r.fees ? { fees: r.fees } : {}),
          calendar: r.price?.calendar ?? "", confidence: r.price?.confidence ?? "", source: r.price?.source ?? "", note: r.price?.note ?? "",
        });
      }
    }
    return out;
  }
  for (const h of report.rows) {
    const v = h.version;
    for (const [window, prices, part] of windows(v.kind === "price" ? v : undefined)) {
      out.push({
        ...part,
        ...(v.kind === "price" ? { version: v } : {}),
        ...(h.fees ? { fees: h.fees } : {}),
        model: h.model, currency: h.currency, status: versionStatus(v),
        billed_as: v.kind === "alias" ? v.billedAs : "",
        replacement: v.kind === "retired" ? (v.replacement ?? "") : "",
        from: formatInstant(v.from), until: h.until === null ? "" : formatInstant(h.until), window, prices,
        calendar: v.kind === "price" ? (v.calendar ?? "") : "", confidence: v.confidence ?? "", source: v.source ?? "", note: v.note ?? "",
      });
    }
  }
  return out;
}

/** Exact decimal text of a price, or "" when the row has none. */
export function priceText(p: PriceSet | null, key: "input_cache_hit" | "input_cache_miss" | "output", show: (x: Exact) => string = (x) => x.toDecimal()): string {
  return p ? show(p[key]) : "";
}
