// The columns of the price-interval export, shared by its CSV, JSON and SQL writers.

import { formatInstant } from "../../core/instant.js";
import type { ModelName, PriceInterval } from "../../core/intervals.js";

/** What a column holds: text, a UTC instant, or an exact price per 1M tokens. */
export type ColumnKind = "text" | "time" | "price";

/** One column of the export: its name, kind, whether it may be null, and its value in a row. */
export interface IntervalColumn {
  name: string;
  kind: ColumnKind;
  nullable: boolean;
  /** The value as text (ISO 8601 UTC for times, an exact decimal for prices), or null. */
  value(r: PriceInterval): string | null;
}

const price = (key: "input_cache_hit" | "input_cache_miss" | "output"): IntervalColumn => ({ name: key, kind: "price", nullable: false, value: (r) => r.prices[key].toDecimal() });

/** The columns, in order: model, billed_as, start, end, window, currency, then one per price bucket. */
export const INTERVAL_COLUMNS: readonly IntervalColumn[] = [
  { name: "model", kind: "text", nullable: false, value: (r) => r.model },
  { name: "billed_as", kind: "text", nullable: true, value: (r) => r.billedAs },
  { name: "start", kind: "time", nullable: false, value: (r) => formatInstant(r.start) },
  { name: "end", kind: "time", nullable: false, value: (r) => formatInstant(r.end) },
  { name: "window", kind: "text", nullable: true, value: (r) => r.window },
  { name: "currency", kind: "text", nullable: false, value: (r) => r.currency },
  price("input_cache_hit"),
  price("input_cache_miss"),
  price("output"),
];

/** What every export format says about the range besides its rows. */
export interface IntervalExport {
  from: number;
  to: number;
  columns: readonly IntervalColumn[];
  rows: Iterable<PriceInterval>;
  /** Every name a log may give a model, and the `model` of the rows it means (JSON and SQL carry it). */
  names: ModelName[];
}

/**
 * Groups many small strings into chunks of about 64 KB, so a writer streams a long export with
 * few writes and bounded memory.
 */
export function* chunked(parts: Iterable<string>): Generator<string> {
  let buf = "";
  for (const p of parts) {
    buf += p;
    if (buf.length >= 65536) {
      yield buf;
      buf = "";
    }
  }
  if (buf) yield buf;
}
