// The columns of the price-interval export, shared by its CSV, JSON and SQL writers.

import { InputError } from "../../core/errors.js";
import type { Exact } from "../../core/exact.js";
import { formatInstant } from "../../core/instant.js";
import type { IntervalShape, ModelName, PriceInterval } from "../../core/intervals.js";
import type { PriceSet, PriceVersion } from "../../core/types.js";

/** What a column holds: text, a UTC instant, a price (per 1M tokens, or per unit for a fee), or a token count. */
export type ColumnKind = "text" | "time" | "price" | "count";

/** One column of the export: its name, kind, whether it may be null, and its value in a row. */
export interface IntervalColumn {
  name: string;
  kind: ColumnKind;
  nullable: boolean;
  /** The value as text (ISO 8601 UTC for times, an exact decimal for prices and counts), or null. */
  value(r: PriceInterval): string | null;
  /** For a price: the usage column it multiplies, whether per 1M tokens or per unit, and whether it counts as request input (tiers). */
  pricing?: { usage: string; per: "million" | "unit"; input: boolean };
  /** For a long-context tier column: the tier (1-based) and the base column it replaces above the threshold. */
  tier?: { k: number; base: string };
}

const texts = new WeakMap<Exact, string>();

/** `x.toDecimal()`, remembered per value: a long export prints the same few prices over and over. */
function text(x: Exact): string {
  let t = texts.get(x);
  if (t === undefined) texts.set(x, (t = x.toDecimal()));
  return t;
}

/** Exact decimal text of a price; a value whose expansion does not end fails closed (it would need rounding). */
function decimal(x: Exact, what: string): string {
  if (!x.terminates()) throw new InputError(`${what} is ${x.n}/${x.d}, which has no exact decimal form`, "give the fee a `per` that divides its price into a terminating decimal");
  return x.toDecimal();
}

/** A price set's bucket as billed: a cache write without its own price bills at the cache-miss price. */
function bucketPrice(p: PriceSet, v: PriceVersion, bucket: string): Exact | null {
  if (bucket === "input_cache_hit" || bucket === "input_cache_miss" || bucket === "output") return p[bucket];
  if (bucket === "input_cache_write") return p.input_cache_write ?? p.input_cache_miss;
  const ret = bucket.slice("input_cache_write_".length);
  const named = p.writes?.[ret];
  if (named) return named;
  return v.defaultRetention === ret ? (p.input_cache_write ?? p.input_cache_miss) : null; // an unknown retention has no price
}

/** The token price buckets of a shape, with the usage column each multiplies. */
function buckets(shape: IntervalShape): { name: string; usage: string; input: boolean; nullable: boolean }[] {
  return [
    { name: "input_cache_hit", usage: "cache_hit", input: true, nullable: false },
    { name: "input_cache_miss", usage: "cache_miss", input: true, nullable: false },
    { name: "output", usage: "output", input: false, nullable: false },
    ...(shape.writes ? [{ name: "input_cache_write", usage: "cache_write", input: true, nullable: false }] : []),
    ...shape.retentions.map((ret) => ({ name: `input_cache_write_${ret}`, usage: `cache_write_${ret}`, input: true, nullable: true })),
  ];
}

/**
 * The columns, in order: model, billed_as, start, end, window, currency, input_cache_hit,
 * input_cache_miss, output, then (when the cards have them) input_cache_write, one per named
 * retention, one per fee (`fee_<id>`, price per unit), and per long-context tier `tier<k>_above`
 * and the tier's price of every bucket.
 */
export function intervalColumns(shape: IntervalShape): IntervalColumn[] {
  const cols: IntervalColumn[] = [
    { name: "model", kind: "text", nullable: false, value: (r) => r.model },
    { name: "billed_as", kind: "text", nullable: true, value: (r) => r.billedAs },
    { name: "start", kind: "time", nullable: false, value: (r) => formatInstant(r.start) },
    { name: "end", kind: "time", nullable: false, value: (r) => formatInstant(r.end) },
    { name: "window", kind: "text", nullable: true, value: (r) => r.window },
    { name: "currency", kind: "text", nullable: false, value: (r) => r.currency },
  ];
  const bs = buckets(shape);
  for (const b of bs) {
    cols.push({
      name: b.name, kind: "price", nullable: b.nullable, pricing: { usage: b.usage, per: "million", input: b.input },
      value: (r) => {
        const p = bucketPrice(r.prices, r.version, b.name);
        return p ? text(p) : null;
      },
    });
  }
  for (const fee of shape.fees) {
    cols.push({
      name: `fee_${fee}`, kind: "price", nullable: true, pricing: { usage: `requests_${fee}`, per: "unit", input: false },
      value: (r) => {
        const p = r.fees[fee];
        return p ? decimal(p, `fee "${fee}" of "${r.billedAs ?? r.model}" per unit`) : null;
      },
    });
  }
  for (let k = 1; k <= shape.tiers; k++) {
    const tierOf = (r: PriceInterval) => (r.version.flat ? r.version.tiers?.[k - 1] : undefined);
    cols.push({ name: `tier${k}_above`, kind: "count", nullable: true, value: (r) => {
      const t = tierOf(r);
      return t ? text(t.above) : null;
    } });
    for (const b of bs) {
      cols.push({
        name: `tier${k}_${b.name}`, kind: "price", nullable: true, tier: { k, base: b.name },
        value: (r) => {
          const t = tierOf(r);
          const p = t && bucketPrice(t.prices, r.version, b.name);
          return p ? text(p) : null;
        },
      });
    }
  }
  return cols;
}

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
