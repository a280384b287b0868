// Rate cards flattened to UTC price intervals: one row per model and stretch of time with one price.

import { InputError } from "./errors.js";
import { formatInstant, type Instant } from "./instant.js";
import { peakSegments } from "./peak-segments.js";
import { displayId, modelKey, tryLookupModel } from "./names.js";
import { selectModels, type RatesFilter } from "./rates.js";
import { feeVersionAt } from "./pricing.js";
import { aliasTarget, findModel, MAX_ALIAS_HOPS, tooManyAliases } from "./resolve.js";
import { Exact } from "./exact.js";
import type { Fee, Model, PriceSet, PriceVersion, RateBook, Window } from "./types.js";

/** One model over [start, end): the prices that bill it there, after aliases and calendars. */
export interface PriceInterval {
  model: string;
  /** The model whose prices apply, when `model` is an alias over the interval; else null. */
  billedAs: string | null;
  start: Instant;
  end: Instant;
  window: Window;
  currency: string;
  /** The window's prices (cache writes included, when the version has them). */
  prices: PriceSet;
  /** The price version the prices come from (the first one, when equal neighbours were merged). */
  version: PriceVersion;
  /** Each per-request fee of the priced model: its price per one unit here, or null when removed or not priced yet. */
  fees: Record<string, Exact | null>;
}

/** A stretch of a model's time resolved to one price version (aliases followed) and one price of each fee. */
interface Resolved {
  start: Instant;
  end: Instant;
  version: PriceVersion;
  /** The model whose version it is. */
  model: Model;
  fees: Record<string, Exact | null>;
}

/** A fee's price per one unit at `t`: price / per of the version in force; null before its first version or after removal. */
function feeAt(fee: Fee, t: Instant): Exact | null {
  const v = feeVersionAt(fee, t);
  return !v || v.removed ? null : v.price!.div(v.per ?? Exact.ONE);
}

/** Cuts a resolved span where any of its model's fees changes price, each piece with its fees. */
function* feeCuts(r: Omit<Resolved, "fees">): Generator<Resolved> {
  const fees = Object.entries(r.model.fees ?? {});
  const cuts = [...new Set(fees.flatMap(([, f]) => f.versions.map((v) => v.from)))].filter((t) => t > r.start && t < r.end).sort((a, b) => a - b);
  let start = r.start;
  for (const end of [...cuts, r.end]) {
    yield { ...r, start, end, fees: Object.fromEntries(fees.map(([id, f]) => [id, feeAt(f, start)])) };
    start = end;
  }
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
    if (v.kind === "price") yield* feeCuts({ start: s, end: e, version: v, model });
    else if (v.kind === "alias") {
      if (chain.length >= MAX_ALIAS_HOPS) throw tooManyAliases(chain[0] ?? key, s); // the recursion stays shallow
      yield* resolveSpans(book, aliasTarget(book, model, v), s, e, [...chain, key]);
    }
  }
}

function priceSetKey(p: PriceSet): string {
  const writes = Object.entries(p.writes ?? {}).map(([k, v]) => `${k}=${v.toDecimal()}`);
  return [p.input_cache_hit, p.input_cache_miss, p.output, p.input_cache_write].map((x) => x?.toDecimal() ?? "-").concat(writes).join(" ");
}

/** Everything a row prices by, apart from its times: equal keys mean neighbours can merge. */
function rowKey(r: PriceInterval): string {
  const tiers = (r.version.flat ? (r.version.tiers ?? []) : []).map((t) => `${t.above.toDecimal()}:${priceSetKey(t.prices)}`);
  const fees = Object.entries(r.fees).map(([k, v]) => `${k}=${v?.toDecimal() ?? "-"}`);
  return [r.billedAs ?? "", r.window ?? "", r.currency, r.version.defaultRetention ?? "", priceSetKey(r.prices), ...tiers, "|", ...fees].join(" ");
}

/** The rows of one resolved span: one, or one per peak / off-peak stretch of its calendar. */
function* spanRows(book: RateBook, shown: string, asked: Model, r: Resolved): Generator<PriceInterval> {
  const billedAs = r.model === asked ? null : displayId(book, r.model);
  const base = { model: shown, billedAs, currency: r.model.currency, version: r.version, fees: r.fees };
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
    let pendingKey = "";
    // a row's key is fixed by its price set and fee prices (the set fixes version, window and billed-as model)
    const keys = new Map<PriceSet, Map<object, string>>();
    for (const r of resolveSpans(book, model, from, to, [])) {
      for (const row of spanRows(book, shown, model, r)) {
        let byFees = keys.get(row.prices);
        if (!byFees) keys.set(row.prices, (byFees = new Map()));
        let key = byFees.get(row.fees);
        if (key === undefined) byFees.set(row.fees, (key = rowKey(row)));
        if (pending && pending.end === row.start && key === pendingKey) pending.end = row.end;
        else {
          if (pending) yield pending;
          pending = row;
          pendingKey = key;
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

/** Which further columns an export needs: cache writes, named retentions, fees and long-context tiers met. */
export interface IntervalShape {
  /** Some version met prices cache writes (default or named retention, or names a default retention). */
  writes: boolean;
  /** Named retentions met (`input_cache_write_1h` -> "1h"), sorted. */
  retentions: string[];
  /** Fee ids of the priced models, sorted. */
  fees: string[];
  /** The most long-context tiers of any flat version met. */
  tiers: number;
}

/** Walks the selected models' versions over [from, to) (no calendars) to learn the export's columns before any row. */
export function intervalShape(book: RateBook, from: Instant, to: Instant, ids?: string[], filter?: RatesFilter): IntervalShape {
  const retentions = new Set<string>();
  const fees = new Set<string>();
  let writes = false;
  let tiers = 0;
  const seen = new Set<PriceVersion>();
  for (const [, model] of selectModels(book, ids, filter)) {
    for (const r of resolveSpans(book, model, from, to, [])) {
      for (const id of Object.keys(r.fees)) fees.add(id);
      const v = r.version;
      if (seen.has(v)) continue;
      seen.add(v);
      const sets = [v.flat, v.peak, v.offPeak, ...(v.flat ? (v.tiers ?? []).map((t) => t.prices) : [])].filter((p): p is PriceSet => p !== undefined);
      for (const p of sets) {
        if (p.input_cache_write) writes = true;
        for (const k of Object.keys(p.writes ?? {})) retentions.add(k);
      }
      if (v.defaultRetention || retentions.size > 0) writes = true;
      if (v.flat) tiers = Math.max(tiers, v.tiers?.length ?? 0);
    }
  }
  const sorted = (xs: Set<string>) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { writes, retentions: sorted(retentions), fees: sorted(fees), tiers };
}
