// The fast path of estimate(): plain items on flat or peak/off-peak prices, in exact safe-integer arithmetic.

import { holidaysUnknownFrom, holidayWarning } from "./calendar.js";
import { inCurrency } from "./currency.js";
import { Exact } from "./exact.js";
import type { EstimateOptions } from "./estimate.js";
import { peakShareFor } from "./pricing.js";
import { realismWarnings } from "./realism.js";
import { defaultModels, resolveSpan, type Resolution } from "./resolve.js";
import type { Instant } from "./instant.js";
import type { Bucket, Calendar, Conversion, EstimateReport, ItemEstimate, Line, ModelEstimate, Plan, PriceSet, RateBook, Window, Workload } from "./types.js";

/** One window's line of a bucket: its share a/b of the tokens, its rate, and share x rate on the model's common denominator. */
interface Part {
  window: Window;
  a: number;
  b: number;
  rate: Exact;
  scaled: number;
  /** n -> n / b in lowest terms (the line's tokens). */
  tokensOf: (n: number) => Exact;
  /** The line's cost per token in lowest terms is unit / (its denominator); costOf: n -> n / (that denominator) in lowest terms. */
  unit: number;
  costOf: (n: number) => Exact;
}

/** A model resolved at one instant and set of options, with its rates as safe integers over one denominator. */
interface Fast {
  res: Resolution;
  share: Exact | null;
  conversion?: Conversion | null;
  /** The calendar whose holiday warning applies from `holidaysFrom` on (holidaysUnknownFrom of it). */
  holidays?: Calendar;
  holidaysFrom: Instant;
  /** n -> n / den in lowest terms, den the common denominator of the parts' `scaled` (an item's total is sum(tokens x scaled) / den). */
  over: (n: number) => Exact;
  hit: Part[];
  miss: Part[];
  output: Part[];
  /** A call with more input tokens than this is priced at a long-context tier (Infinity: no tiers). */
  tierFloor: number;
  /** The context window and max output as numbers (Infinity: none); a limit that is no safe integer is checked by realismWarnings always (-1). */
  context: number;
  maxOutput: number;
}

/** A prepared model, the span of instants [from, until) and the options it was prepared for; `fast` null: the general path prices it. */
interface Prepared {
  from: Instant;
  until: Instant;
  currency?: string;
  fx?: Exact;
  peakShare?: Exact;
  fast: Fast | null;
}

/** Prepared models by book (a book does not change once loaded) and id; the last KEEP option sets per id, at most IDS ids. */
const prepared = new WeakMap<RateBook, Map<string, Prepared[]>>();
const defaults = new WeakMap<RateBook, { asOf: Instant; ids: string[] }>();
const KEEP = 8;
const IDS = 1024;
const MILLION = 1000000;

const safe = Number.isSafeInteger;

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** A whole, non-negative, safe count as a number, else -1. */
function count(e: Exact): number {
  const x = Number(e.n);
  return e.d === 1n && x >= 0 && safe(x) ? x : -1;
}

/** A limit (context window, max output, tier threshold) as a number: Infinity when absent, -1 when not a safe integer. */
function limit(e: Exact | undefined): number {
  if (!e) return Infinity;
  const x = Number(e.n);
  return e.d === 1n && safe(x) ? x : -1;
}

/**
 * Resolves a model as the general path does, with the span of instants around the as-of instant
 * that resolve the same way (version of each model on the alias path, calendar rule); fast null
 * (for that instant only) when the general path throws or the prices leave the fast path's range.
 */
function prepare(book: RateBook, id: string, opts: EstimateOptions): Prepared {
  const t = opts.asOf;
  const given = { currency: opts.currency, fx: opts.fx, peakShare: opts.peakShare };
  const aside = { from: t, until: t + 1, ...given, fast: null };
  let res: Resolution;
  let share: Exact | null;
  let conversion: Conversion | null | undefined;
  let from: Instant;
  let until: Instant;
  try {
    const span = resolveSpan(book, id, t);
    ({ from, until } = span);
    const converted = inCurrency(span.res, opts.currency, opts.fx);
    res = converted.res;
    if (opts.currency !== undefined && opts.currency !== span.res.currency) conversion = converted.conversion;
    share = peakShareFor(book, res, t, opts.peakShare);
  } catch {
    return aside;
  }
  const cal = res.version.calendar ? book.calendars.get(res.version.calendar) : undefined;
  const holidays = cal && share && opts.peakShare === undefined && cal.holidaysKnownUntil !== undefined ? cal : undefined;
  if (cal && share && opts.peakShare === undefined) {
    // The typical week's share comes from the rule in force (ruleAt: the last listed rule started by then).
    for (const r of cal.rules) {
      if (r.from <= t) from = Math.max(from, r.from);
      else until = Math.min(until, r.from);
    }
  }
  const v = res.version;
  const windows: { window: Window; a: number; b: number; set: PriceSet }[] = [];
  if (v.flat) windows.push({ window: null, a: 1, b: 1, set: v.flat });
  else if (v.peak && v.offPeak && share) {
    const off = Exact.ONE.sub(share);
    if (!share.isZero()) windows.push({ window: "peak", a: Number(share.n), b: Number(share.d), set: v.peak });
    if (share.cmp(Exact.ONE) < 0) windows.push({ window: "off-peak", a: Number(off.n), b: Number(off.d), set: v.offPeak });
  } else return aside;
  const buckets = ["input_cache_hit", "input_cache_miss", "output"] as const;
  let den = 1;
  for (const w of windows) {
    for (const k of buckets) {
      const d = w.b * Number(w.set[k].d) * MILLION;
      if (!safe(w.a) || !safe(d) || !safe(Number(w.set[k].n))) return aside;
      den = (den / gcd(den, d)) * d;
      if (!safe(den)) return aside;
    }
  }
  const parts = (k: (typeof buckets)[number]): Part[] =>
    windows.map((w) => {
      const rate = w.set[k];
      const scaled = w.a * Number(rate.n) * (den / (w.b * Number(rate.d) * MILLION));
      const own = Exact.of(BigInt(w.a) * rate.n, BigInt(w.b) * rate.d * 1000000n); // a cost reduces against this denominator only
      return { window: w.window, a: w.a, b: w.b, rate, scaled, tokensOf: Exact.overDenominator(w.b), unit: Number(own.n), costOf: Exact.overDenominator(Number(own.d)) };
    });
  const hit = parts("input_cache_hit");
  const miss = parts("input_cache_miss");
  const output = parts("output");
  if (![...hit, ...miss, ...output].every((p) => safe(p.scaled) && safe(p.unit))) return aside;
  let tierFloor = Infinity;
  for (const tier of v.tiers ?? []) {
    if (tier.above.isNegative()) return aside;
    const floor = Number(tier.above.n / tier.above.d); // input > above <=> input > floor(above), for whole inputs
    if (!safe(floor)) return aside;
    tierFloor = Math.min(tierFloor, floor);
  }
  const holidaysFrom = holidays ? holidaysUnknownFrom(holidays) : Infinity;
  const fast: Fast = { res, share, holidaysFrom, over: Exact.overDenominator(den), hit, miss, output, tierFloor, context: limit(v.contextWindow), maxOutput: limit(v.maxOutput) };
  if (conversion !== undefined) fast.conversion = conversion;
  if (holidays) fast.holidays = holidays;
  return { from, until, ...given, fast };
}

function same(a: Exact | undefined, b: Exact | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.eq(b));
}

/** The prepared model for these options, from the cache or prepared now. */
function preparedFor(book: RateBook, id: string, opts: EstimateOptions): Fast | null {
  let byId = prepared.get(book);
  if (!byId || byId.size >= IDS) prepared.set(book, (byId = new Map())); // any number of names asked for: memory stays bounded
  let list = byId.get(id);
  if (!list) byId.set(id, (list = []));
  const t = opts.asOf;
  for (const p of list) {
    if (p.from <= t && t < p.until && p.currency === opts.currency && same(p.fx, opts.fx) && same(p.peakShare, opts.peakShare)) return p.fast;
  }
  const p = prepare(book, id, opts);
  if (list.length >= KEEP) list.shift();
  list.push(p);
  return p.fast;
}

/** The model ids of the report when no item limits its models; undefined when the general path must decide. */
function modelIds(book: RateBook, plan: Plan, opts: EstimateOptions): string[] | undefined {
  const refs = opts.models ?? plan.models;
  if (refs) {
    if (refs.length === 1) return [refs[0]!.id];
    return refs.length ? [...new Set(refs.map((r) => r.id))] : undefined;
  }
  let d = defaults.get(book);
  if (!d || d.asOf !== opts.asOf) defaults.set(book, (d = { asOf: opts.asOf, ids: defaultModels(book, opts.asOf) }));
  return d.ids.length ? d.ids : undefined;
}

/** True for an item of fixed per-call tokens and nothing else: no form, modifier, write, fee, share or model list of its own. */
function plain(w: Workload): boolean {
  return !w.conversation && !w.hitRate && !w.cacheWrites && !w.requests && !w.batch && w.serviceTier === undefined && w.region === undefined &&
    !w.distinctPrefixes && !w.peakShare && !w.schedule && w.callsPer === undefined && !w.period && !w.models;
}

/**
 * Pushes a bucket's lines (one per window) for calls x per-call tokens (as numbers, and as the
 * item's Exacts); returns the sum of their cost numerators, NaN when a number leaves the safe range.
 */
function bucketLines(lines: Line[], bucket: Bucket, calls: Exact, per: Exact, tokens: number, parts: Part[]): number {
  let sum = 0;
  for (const p of parts) {
    const t = tokens * p.a;
    const c = tokens * p.scaled;
    const own = tokens * p.unit;
    sum += c;
    if (!safe(t) || !safe(c) || !safe(own) || !safe(sum)) return NaN; // NaN fails the caller's safe() check
    // All the tokens (a flat price, or a share of 0 or 1): the BigInt product, cheaper than converting the number.
    lines.push({ bucket, window: p.window, tokens: p.a === 1 && p.b === 1 ? Exact.int(calls.n * per.n) : p.tokensOf(t), rate: p.rate, cost: p.costOf(own) });
  }
  return sum;
}

/**
 * The report estimate() gives, for plans it covers: every item plain, no item limiting its models,
 * each model resolving without error to flat or windowed prices below its long-context tiers, one
 * currency, and every count a whole safe integer whose products stay safe. Else undefined (the
 * general path prices it, and raises its errors). Exactly the general path's report, key order included.
 */
export function fastEstimate(book: RateBook, plan: Plan, opts: EstimateOptions): EstimateReport | undefined {
  const ws = plan.workloads;
  const ids = ws.length ? modelIds(book, plan, opts) : undefined;
  if (!ids) return undefined;
  const counts: number[] = []; // calls, cached prefix, miss, reply, reasoning of each item
  for (const w of ws) {
    if (!plain(w)) return undefined;
    const calls = count(w.calls);
    const prefix = count(w.cachedPrefix);
    const miss = count(w.miss);
    const reply = count(w.reply);
    const reasoning = count(w.reasoning);
    if (calls < 0 || prefix < 0 || miss < 0 || reply < 0 || reasoning < 0) return undefined;
    if (!opts.allowNoTokens && prefix === 0 && miss === 0 && reply === 0 && reasoning === 0) return undefined;
    if (!safe(calls * prefix) || !safe(calls * miss) || !safe(calls * reply) || !safe(calls * reasoning)) return undefined;
    counts.push(calls, prefix, miss, reply, reasoning);
  }
  const estimates: ModelEstimate[] = [];
  const warnings: string[] = [];
  let currency: string | undefined;
  for (const id of ids) {
    const f = preparedFor(book, id, opts);
    if (!f || (currency !== undefined && f.res.currency !== currency)) return undefined;
    currency = f.res.currency;
    const items: ItemEstimate[] = [];
    let modelSum = 0;
    for (let i = 0, k = 0; i < ws.length; i++, k += 5) {
      const w = ws[i]!;
      const calls = counts[k]!;
      if (counts[k + 1]! + counts[k + 2]! > f.tierFloor) return undefined;
      const lines: Line[] = [];
      let sum = bucketLines(lines, "input_cache_hit", w.calls, w.cachedPrefix, calls * counts[k + 1]!, f.hit);
      sum += bucketLines(lines, "input_cache_miss", w.calls, w.miss, calls * counts[k + 2]!, f.miss);
      sum += bucketLines(lines, "output", w.calls, w.reply, calls * counts[k + 3]!, f.output);
      if (calls * counts[k + 4]! !== 0) sum += bucketLines(lines, "reasoning", w.calls, w.reasoning, calls * counts[k + 4]!, f.output);
      modelSum += sum;
      if (!safe(sum) || !safe(modelSum)) return undefined;
      const item: ItemEstimate = { workload: w.name, total: f.over(sum), lines };
      if (w.tokenFiles?.length) item.tokenFiles = w.tokenFiles;
      items.push(item);
    }
    for (let i = 0, k = 0; i < ws.length; i++, k += 5) {
      const over = counts[k + 1]! + counts[k + 2]! > f.context || counts[k + 3]! + counts[k + 4]! > f.maxOutput;
      if (over || f.context < 0 || f.maxOutput < 0) warnings.push(...realismWarnings(ws[i]!, f.res, id));
    }
    const holidays = f.holidays && opts.asOf >= f.holidaysFrom ? holidayWarning(f.holidays, opts.asOf) : undefined;
    if (holidays && !warnings.includes(holidays)) warnings.push(holidays);
    const v = f.res.version;
    const e: ModelEstimate = { model: id, billedAs: f.res.billedAs, priceFrom: v.from, source: v.source, note: v.note } as ModelEstimate;
    if (v.confidence) e.confidence = v.confidence; // no line is at a tier or modifier, so the version's confidence holds
    e.card = v.card;
    e.peakShare = f.share;
    e.total = items.length === 1 ? items[0]!.total : f.over(modelSum);
    e.items = items;
    if (f.conversion !== undefined) e.conversion = f.conversion;
    estimates.push(e);
  }
  return { asOf: opts.asOf, currency: currency!, planName: plan.name, estimates, warnings };
}
