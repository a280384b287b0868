// Rate cards flattened to UTC price intervals: one row per model and stretch of time with one price.

import { InputError } from "./errors.js";
import { formatInstant, type Instant } from "./instant.js";
import { peakSegments } from "./peak-segments.js";
import { findModel } from "./resolve.js";
import type { PriceSet, PriceVersion, RateBook, Window } from "./types.js";

/** One model over [start, end): the prices that bill it there, after aliases and calendars. */
export interface PriceInterval {
  model: string;
  /** The model whose prices apply, when `model` is an alias over the interval; else null. */
  billedAs: string | null;
  start: Instant;
  end: Instant;
  window: Window;
  currency: string;
  prices: PriceSet;
  /** The price version the prices come from (the first one, when equal neighbours were merged). */
  version: PriceVersion;
}

/** A stretch of a model's time resolved to one price version (aliases followed). */
interface Resolved {
  start: Instant;
  end: Instant;
  version: PriceVersion;
  billedAs: string;
  currency: string;
}

/**
 * The price versions billing `id` over [start, end), following aliases (each alias span cut by the
 * target's own versions). Retired spans and time before a model's first version yield nothing:
 * a record there has no price, so it must find no interval.
 */
function* resolveSpans(book: RateBook, id: string, start: Instant, end: Instant, chain: string[]): Generator<Resolved> {
  if (chain.includes(id)) throw new InputError(`model aliases form a loop: ${[...chain, id].join(" -> ")}`, "fix billed_as in the rate card");
  const model = findModel(book, id);
  const vs = model.versions;
  for (let i = 0; i < vs.length; i++) {
    const v = vs[i]!;
    const s = Math.max(start, v.from);
    const e = Math.min(end, vs[i + 1]?.from ?? Number.POSITIVE_INFINITY);
    if (s >= e) continue;
    if (v.kind === "price") yield { start: s, end: e, version: v, billedAs: id, currency: model.currency };
    else if (v.kind === "alias") yield* resolveSpans(book, v.billedAs, s, e, [...chain, id]);
  }
}

function samePrices(a: PriceSet, b: PriceSet): boolean {
  return a.input_cache_hit.eq(b.input_cache_hit) && a.input_cache_miss.eq(b.input_cache_miss) && a.output.eq(b.output);
}

/** Whether two intervals of one model carry the same row apart from their times. */
function sameRow(a: PriceInterval, b: PriceInterval): boolean {
  return a.billedAs === b.billedAs && a.window === b.window && a.currency === b.currency && samePrices(a.prices, b.prices);
}

/** The rows of one resolved span: one, or one per peak / off-peak stretch of its calendar. */
function* spanRows(book: RateBook, model: string, r: Resolved): Generator<PriceInterval> {
  const billedAs = r.billedAs === model ? null : r.billedAs;
  const base = { model, billedAs, currency: r.currency, version: r.version };
  const v = r.version;
  if (!v.calendar) {
    yield { ...base, start: r.start, end: r.end, window: null, prices: v.flat! };
    return;
  }
  const cal = book.calendars.get(v.calendar);
  if (!cal) throw new InputError(`unknown calendar "${v.calendar}" in the version of "${r.billedAs}" from ${formatInstant(v.from)}`, "add it under calendars: in the rate card");
  for (const seg of peakSegments(cal, r.start, r.end)) {
    yield {
      ...base,
      start: seg.start,
      end: seg.end,
      window: seg.peak ? "peak" : "off-peak",
      prices: seg.peak ? v.peak! : v.offPeak!,
    };
  }
}

/**
 * Every selected model's prices over [from, to) as non-overlapping UTC intervals, models in id
 * order, each model's intervals in time order; neighbours with identical rows are merged. A
 * generator, so callers can stream in flat memory: the work is a few steps per calendar day
 * (each model walks its own calendar) plus one per row.
 */
export function* priceIntervals(book: RateBook, from: Instant, to: Instant, ids?: string[]): Generator<PriceInterval> {
  if (!(from < to)) throw new InputError("the interval range is empty", "give a --from before --to");
  const models = ids && ids.length > 0 ? ids.map((id) => findModel(book, id).id) : [...book.models.keys()].sort((a, b) => a.localeCompare(b));
  for (const id of models) {
    let pending: PriceInterval | undefined;
    for (const r of resolveSpans(book, id, from, to, [])) {
      for (const row of spanRows(book, id, r)) {
        if (pending && pending.end === row.start && sameRow(pending, row)) pending.end = row.end;
        else {
          if (pending) yield pending;
          pending = row;
        }
      }
    }
    if (pending) yield pending;
  }
}
