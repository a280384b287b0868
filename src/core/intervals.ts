// Rate cards flattened to UTC price intervals: one row per model and stretch of time with one price.

import { InputError } from "./errors.js";
import { formatInstant, type Instant } from "./instant.js";
import { peakSegments } from "./peak-segments.js";
import { displayId, modelKey, tryLookupModel } from "./names.js";
import { selectModels, type RatesFilter } from "./rates.js";
import { findModel } from "./resolve.js";
import type { Model, PriceSet, PriceVersion, RateBook, Window } from "./types.js";

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
  /** The model whose version it is. */
  model: Model;
}

/**
 * The price versions billing `model` over [start, end), following aliases as resolvePrice does
 * (each alias span cut by the target's own versions). Retired spans and time before a model's
 * first version yield nothing: a record there has no price, so it must find no interval.
 */
function* resolveSpans(book: RateBook, model: Model, start: Instant, end: Instant, chain: string[]): Generator<Resolved> {
  const key = modelKey(model);
  if (chain.includes(key)) throw new InputError(`model aliases form a loop: ${[...chain, key].join(" -> ")}`, "fix billed_as in the rate card");
  const vs = model.versions;
  for (let i = 0; i < vs.length; i++) {
    const v = vs[i]!;
    const s = Math.max(start, v.from);
    const e = Math.min(end, vs[i + 1]?.from ?? Number.POSITIVE_INFINITY);
    if (s >= e) continue;
    if (v.kind === "price") yield { start: s, end: e, version: v, model };
    else if (v.kind === "alias") yield* resolveSpans(book, findModel(book, v.billedAs, model.provider), s, e, [...chain, key]);
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
function* spanRows(book: RateBook, shown: string, asked: Model, r: Resolved): Generator<PriceInterval> {
  const billedAs = r.model === asked ? null : displayId(book, r.model);
  const base = { model: shown, billedAs, currency: r.model.currency, version: r.version };
  const v = r.version;
  if (!v.calendar) {
    yield { ...base, start: r.start, end: r.end, window: null, prices: v.flat! };
    return;
  }
  const cal = book.calendars.get(v.calendar);
  if (!cal) throw new InputError(`unknown calendar "${v.calendar}" in the version of "${displayId(book, r.model)}" from ${formatInstant(v.from)}`, "add it under calendars: in the rate card");
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
 * Every selected model's prices over [from, to) as non-overlapping UTC intervals, models in the
 * order of `rates` (by display id), each model's intervals in time order; neighbours with
 * identical rows are merged. A generator, so callers can stream in flat memory: the work is a few
 * steps per calendar day (each model walks its own calendar) plus one per row.
 */
export function* priceIntervals(book: RateBook, from: Instant, to: Instant, ids?: string[], filter?: RatesFilter): Generator<PriceInterval> {
  if (!(from < to)) throw new InputError("the interval range is empty", "give a --from before --to");
  for (const [shown, model] of selectModels(book, ids, filter)) {
    let pending: PriceInterval | undefined;
    for (const r of resolveSpans(book, model, from, to, [])) {
      for (const row of spanRows(book, shown, model, r)) {
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

/** One name a log may give a model (bare id, `provider/id`, snapshot id) and the interval model it means. */
export interface ModelName {
  name: string;
  model: string;
}

/**
 * Every name that picks one of the selected models unambiguously, as price resolution reads
 * names (bare ids, `provider/id`, snapshot ids and `provider/snapshot`), mapped to the model id the
 * intervals use; sorted by name. A name two providers share is left out, as `usage` skips it.
 */
export function modelNames(book: RateBook, ids?: string[], filter?: RatesFilter): ModelName[] {
  const shownOf = new Map(selectModels(book, ids, filter).map(([shown, m]) => [m, shown]));
  const names = new Set<string>(book.names.keys());
  for (const m of book.models.values()) {
    names.add(modelKey(m));
    if (m.provider) for (const s of m.snapshots ?? []) names.add(`${m.provider}/${s}`);
  }
  const out: ModelName[] = [];
  for (const name of names) {
    const m = tryLookupModel(book, name);
    const shown = m instanceof InputError ? undefined : shownOf.get(m);
    if (shown !== undefined) out.push({ name, model: shown });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
