// The estimate: workloads x resolved prices -> exact itemised lines and totals per model.

import { holidayWarning, ruleAt } from "./calendar.js";
import { inCurrency } from "./currency.js";
import { fastEstimate } from "./estimate-fast.js";
import { InputError, withLocation } from "./errors.js";
import { Exact, sum } from "./exact.js";
import { formatInstantShort, type Instant } from "./instant.js";
import { callsOverPeriod, periodSpan } from "./forms/period.js";
import { noScheduledMinutes, schedulePeakShare, typicalWeek } from "./forms/schedule.js";
import { checkHasTokens, scaleTotals, tierGroups, type TierGroup } from "./forms/totals.js";
import { changeInstants, cutPeriod, ruleKey, type Cut } from "./stretches.js";
import { billedLine, chosenModifiers, compareRetentions, feePrice, peakShareFor, RateSheet, thresholds, versionRetention, type BilledPart } from "./pricing.js";
import { realismWarnings } from "./realism.js";
import { defaultModels, resolvePrice, type Resolution } from "./resolve.js";
import type {
  Calendar,
  EstimateReport,
  ItemEstimate,
  Line,
  ModelEstimate,
  ModelRef,
  Modifier,
  Plan,
  PriceSet,
  PriceVersion,
  RateBook,
  StretchEstimate,
  Workload,
} from "./types.js";

/**
 * Options that override the plan: the instant, the models, the share of calls at peak, and the
 * report currency (published prices, or a conversion at `fx` units of it per card unit).
 */
export interface EstimateOptions {
  asOf: Instant;
  models?: ModelRef[];
  peakShare?: Exact;
  currency?: string;
  fx?: Exact;
  /** Price items with no tokens at $0 instead of failing (sweeps and solves, at points of a varied token count). */
  allowNoTokens?: boolean;
  // A new option must be honoured by the fast path too (estimate-fast.ts), or make it step aside.
}

/** The buckets of one tier group: hit, miss, writes by retention (default first), output, reasoning when any. */
function parts(g: TierGroup, w: Workload, res: Resolution): BilledPart[] {
  const out: BilledPart[] = [
    { bucket: "input_cache_hit", priced: "input_cache_hit", tokens: g.hit },
    { bucket: "input_cache_miss", priced: "input_cache_miss", tokens: g.miss },
  ];
  const writes = Object.entries(g.writes ?? {}).map(([k, tokens]) => ({ key: versionRetention(w, res, k), tokens }));
  writes.sort((a, b) => compareRetentions(a.key, b.key));
  for (const { key, tokens } of writes) {
    const prev = out.find((p) => p.retention?.key === key);
    if (prev) prev.tokens = prev.tokens.add(tokens); // cache_write and cache_write_<default> are the same retention
    else out.push({ bucket: "input_cache_write", priced: "input_cache_write", retention: { key, name: key === "" ? (res.version.defaultRetention ?? null) : key }, tokens });
  }
  out.push({ bucket: "output", priced: "output", tokens: g.output });
  if (!g.reasoning.isZero()) out.push({ bucket: "reasoning", priced: "output", tokens: g.reasoning });
  return out;
}

/** The peak share of an item with a schedule and no period: a typical week of the rule at the as-of instant. */
function scheduleShare(book: RateBook, w: Workload, res: Resolution, asOf: Instant): Exact {
  const cal = calendarOf(book, res);
  try {
    const rule = ruleAt(cal, asOf);
    if (!rule) throw new InputError(`no calendar rule at ${formatInstantShort(asOf)} (calendar "${cal.name}")`, "add a rule to the calendar");
    return schedulePeakShare(cal, w.schedule!, typicalWeek(asOf), rule);
  } catch (err) {
    throw withLocation(err, w.where);
  }
}

function calendarOf(book: RateBook, res: Resolution): Calendar {
  const cal = book.calendars.get(res.version.calendar ?? "");
  if (!cal) throw new InputError(`"${res.billedAs ?? res.model}" has peak prices but no calendar`, "add calendar: to its version");
  return cal;
}

/** Prices an item and adds what its forms report: its schedule's share, its period. */
function estimateItem(book: RateBook, w: Workload, res: Resolution, opts: EstimateOptions, modelShare: Exact | null): ItemEstimate {
  if (w.period) return estimatePeriodItem(book, w, res, opts);
  const windowed = !!res.version.peak && opts.peakShare === undefined;
  const own = w.schedule && windowed ? scheduleShare(book, w, res, opts.asOf) : windowed ? w.peakShare : undefined;
  const item = priceItem(w, res, own ?? modelShare, opts.asOf);
  // A given --peak-share overrides the schedule; then the model's share is the one reported.
  if (w.schedule && opts.peakShare === undefined) item.schedule = { text: w.schedule.text, peakShare: own ?? null };
  if (w.peakShare && own) item.peakShare = own;
  if (w.tokenFiles?.length) item.tokenFiles = w.tokenFiles;
  return item;
}

/** One stretch of a period before pricing: its span, share of calls, resolution and calendar rule. */
interface Stretch extends Cut {
  raw: Resolution;
  res: Resolution;
  rule: object | undefined;
}

/** Resolves each cut of the period and joins neighbours priced the same (version, alias, rule). */
function stretchesOf(book: RateBook, w: Workload, model: string, cuts: Cut[], opts: EstimateOptions): Stretch[] {
  const out: Stretch[] = [];
  for (const c of cuts) {
    let raw: Resolution;
    let res: Resolution;
    try {
      raw = resolvePrice(book, model, c.from);
      res = inCurrency(raw, opts.currency, opts.fx).res;
    } catch (err) {
      throw withLocation(err, w.where);
    }
    const rule = raw.version.peak ? ruleKey(book, raw.version.calendar, c.from) : undefined;
    const last = out.at(-1);
    if (last && last.until === c.from && last.raw.version === raw.version && last.raw.billedAs === raw.billedAs && last.rule === rule) {
      last.until = c.until;
      last.weight = last.weight.add(c.weight);
    } else out.push({ ...c, raw, res, rule });
  }
  return out;
}

/** The peak share of one stretch: --peak-share, else its schedule's minutes, else the rule's typical week. */
function stretchShare(book: RateBook, w: Workload, st: Stretch, opts: EstimateOptions): Exact | null {
  if (!st.res.version.peak) return null;
  if (opts.peakShare !== undefined) return opts.peakShare;
  if (w.peakShare) return w.peakShare;
  try {
    if (w.schedule) return schedulePeakShare(calendarOf(book, st.res), w.schedule, { start: st.from, end: st.until });
    return peakShareFor(book, st.res, st.from);
  } catch (err) {
    throw withLocation(err, w.where);
  }
}

/**
 * Prices an item over its period: calls spread evenly over the period's time (or its schedule's
 * minutes), each stretch between price changes at the version, alias, calendar rule and holidays
 * in force then (fees too). An item whose period holds no change is one stretch, priced as a whole.
 */
function estimatePeriodItem(book: RateBook, w: Workload, modelRes: Resolution, opts: EstimateOptions): ItemEstimate {
  const span = periodSpan(w.period!, opts.asOf);
  const calls = callsOverPeriod(w.calls, w.callsPer, w.period, opts.asOf, w.schedule); // once: with a schedule it walks the period's minutes
  const cuts = cutPeriod(span.start, span.end, changeInstants(book, modelRes.model, span.start, span.end), w.schedule);
  if (cuts.length === 0) throw noScheduledMinutes(w.schedule!, span, w.where);
  const parts = stretchesOf(book, w, modelRes.model, cuts, opts);
  const lines: Line[] = [];
  const stretches: StretchEstimate[] = [];
  let peakCalls: Exact | null = null;
  parts.forEach((st, i) => {
    const share = stretchShare(book, w, st, opts);
    const own = priceLines(w, st.res, share, st.from, opts.asOf, st.weight, calls);
    if (parts.length > 1) for (const l of own) l.stretch = i;
    lines.push(...own);
    if (share) peakCalls = (peakCalls ?? Exact.ZERO).add(st.weight.mul(share));
    stretches.push({ from: st.from, until: st.until, billedAs: st.res.billedAs, priceFrom: st.res.version.from, peakShare: share, calls: calls.mul(st.weight), total: sum(own.map((l) => l.cost)) });
  });
  const total = sum(lines.map((l) => l.cost));
  const item: ItemEstimate = { workload: w.name, total, lines };
  // Stretches are shown when there are several, or when the one stretch is priced otherwise than the model's header says.
  const only = parts[0]!;
  if (parts.length > 1 || only.res.version.from !== modelRes.version.from || only.res.billedAs !== modelRes.billedAs) item.stretches = stretches;
  if (w.schedule && opts.peakShare === undefined) item.schedule = { text: w.schedule.text, peakShare: peakCalls };
  if (w.peakShare && opts.peakShare === undefined && peakCalls) item.peakShare = w.peakShare;
  item.period = { text: w.period!.text, start: span.start, end: span.end, days: span.days, calls, perDay: total.div(span.days) };
  if (w.tokenFiles?.length) item.tokenFiles = w.tokenFiles;
  return item;
}

/** A model's per-day average, when every item covers a period of the same length. */
function perDayOf(items: ItemEstimate[]): { perDay?: Exact } {
  const days = items[0]?.period?.days;
  if (!days || !items.every((i) => i.period?.days.eq(days))) return {};
  return { perDay: sum(items.map((i) => i.total)).div(days) };
}

/** The rate sheets of a version for one tier group: flat, or peak and off-peak. */
function sheets(res: Resolution, tier: number, mods: Modifier[]): { flat?: RateSheet; peak?: RateSheet; offPeak?: RateSheet } {
  const v = res.version;
  const t = tier >= 0 ? v.tiers![tier] : undefined;
  const sheet = (p: PriceSet) => new RateSheet(p, t, mods, res);
  return v.flat ? { flat: sheet(v.flat) } : { peak: sheet(v.peak!), offPeak: sheet(v.offPeak!) };
}

/**
 * Prices one workload item under a resolved version at `asOf` (the instant its fees resolve at):
 * each long-context tier group's buckets, then one line per per-request fee.
 */
function priceItem(w: Workload, res: Resolution, peakShare: Exact | null, asOf: Instant): ItemEstimate {
  const lines = priceLines(w, res, peakShare, asOf, asOf, Exact.ONE);
  return { workload: w.name, total: sum(lines.map((l) => l.cost)), lines };
}

/**
 * The lines of `weight` of an item's calls (a stretch of its period; 1 for all) under a version:
 * fees resolve at `feesAt`, a `30d` period starts at `asOf`; `calls`, the item's calls over its
 * period, when the caller has them.
 */
function priceLines(w: Workload, res: Resolution, peakShare: Exact | null, feesAt: Instant, asOf: Instant, weight: Exact, calls?: Exact): Line[] {
  const mods = chosenModifiers(w, res);
  const lines: Line[] = [];
  const whole = tierGroups(w, thresholds(res.version), asOf, calls);
  const groups = weight.eq(Exact.ONE) ? whole : whole.map((g) => scaleTotals(g, weight));
  for (const g of groups) {
    const s = sheets(res, g.tier, mods);
    for (const part of parts(g, w, res)) {
      if (s.flat) {
        lines.push(billedLine(part, null, part.tokens, s.flat));
        continue;
      }
      const share = peakShare!;
      if (!share.isZero()) lines.push(billedLine(part, "peak", part.tokens.mul(share), s.peak!));
      if (share.cmp(Exact.ONE) < 0) lines.push(billedLine(part, "off-peak", part.tokens.mul(Exact.ONE.sub(share)), s.offPeak!));
    }
  }
  for (const [fee, count] of Object.entries(groups[0]!.requests ?? {})) {
    const { price, per } = feePrice(res, fee, feesAt, w);
    lines.push({ bucket: "request_fee", window: null, tokens: Exact.ZERO, rate: price, cost: count.mul(price).div(per), fee, count, per });
  }
  return lines;
}

function sameIds(refs: ModelRef[]): string[] {
  return [...new Set(refs.map((r) => r.id))];
}

/** Which models the report covers, and for each the workload items that apply to it. */
function assignModels(book: RateBook, plan: Plan, opts: EstimateOptions): { ref: ModelRef; items: Workload[] }[] {
  const top = opts.models ?? plan.models;
  const topIds = top ? sameIds(top) : defaultModels(book, opts.asOf);
  const refs: ModelRef[] = top ? [...top] : topIds.map((id) => ({ id }));
  if (!opts.models) {
    for (const w of plan.workloads) for (const r of w.models ?? []) refs.push(r);
  }
  const out: { ref: ModelRef; items: Workload[] }[] = [];
  const done = new Set<string>();
  for (const ref of refs) {
    if (done.has(ref.id)) continue;
    done.add(ref.id);
    const items = plan.workloads.filter((w) => (w.models ? sameIds(w.models) : topIds).includes(ref.id));
    if (items.length === 0) {
      throw new InputError(
        `model "${ref.id}" applies to no workload item: every item limits its models to others`,
        "drop the model, or add it to an item's models",
        ref.where,
      );
    }
    out.push({ ref, items });
  }
  if (out.length === 0) {
    throw new InputError(`no model has a price at ${formatInstantShort(opts.asOf)}`, "pick models with -m, or load a card with --rates");
  }
  return out;
}

/** The model ids an estimate of `plan` covers, in report order. */
export function estimateModels(book: RateBook, plan: Plan, opts: EstimateOptions): string[] {
  return assignModels(book, plan, opts).map((m) => m.ref.id);
}

/**
 * A model's confidence: its version's, except that a line priced at a `reported` long-context tier
 * or modifier makes it `reported` (a budget resting on an unconfirmed figure says so).
 */
function confidenceOf(v: PriceVersion, items: ItemEstimate[]): { confidence?: "official" | "reported" } {
  if (v.confidence === "reported") return { confidence: "reported" };
  const tiers = new Set((v.tiers ?? []).filter((t) => t.confidence === "reported").map((t) => `above ${t.above.toDecimal()}`));
  const mods = new Set(Object.values(v.modifiers ?? {}).filter((m) => m.confidence === "reported").map((m) => m.name));
  if (tiers.size > 0 || mods.size > 0) {
    for (const i of items) {
      for (const l of i.lines) {
        if ((l.tier && tiers.has(l.tier)) || l.modifiers?.some((m) => mods.has(m))) return { confidence: "reported" };
      }
    }
  }
  return v.confidence ? { confidence: v.confidence } : {};
}

/** Computes the exact estimate of a plan on each model at the as-of instant. */
export function estimate(book: RateBook, plan: Plan, opts: EstimateOptions): EstimateReport {
  return fastEstimate(book, plan, opts) ?? generalEstimate(book, plan, opts);
}

/** The estimate of every plan, in exact rational arithmetic (estimate() uses it for what the fast path leaves). */
export function generalEstimate(book: RateBook, plan: Plan, opts: EstimateOptions): EstimateReport {
  if (plan.workloads.length === 0) throw new InputError("the plan has no workloads", "add a workload with calls", plan.file ? { file: plan.file } : undefined);
  const estimates: ModelEstimate[] = [];
  const warnings: string[] = [];
  const currencies = new Set<string>();
  for (const { ref, items } of assignModels(book, plan, opts)) {
    let res: Resolution;
    try {
      res = resolvePrice(book, ref.id, opts.asOf);
    } catch (err) {
      throw withLocation(err, ref.where);
    }
    const converted = { ...inCurrency(res, opts.currency, opts.fx), from: res.currency };
    res = converted.res;
    currencies.add(res.currency);
    if (!opts.allowNoTokens) for (const w of items) checkHasTokens(w);
    const share = peakShareFor(book, res, opts.asOf, opts.peakShare);
    const priced = items.map((w) => estimateItem(book, w, res, opts, share));
    for (const w of items) warnings.push(...realismWarnings(w, res, ref.id));
    const cal = res.version.calendar ? book.calendars.get(res.version.calendar) : undefined;
    const holidays = cal && share && opts.peakShare === undefined ? holidayWarning(cal, opts.asOf) : undefined;
    if (holidays && !warnings.includes(holidays)) warnings.push(holidays);
    const v = res.version;
    estimates.push({
      model: ref.id,
      billedAs: res.billedAs,
      priceFrom: v.from,
      source: v.source,
      note: v.note,
      ...confidenceOf(v, priced),
      card: v.card,
      peakShare: share,
      total: sum(priced.map((i) => i.total)),
      items: priced,
      ...(opts.currency !== undefined && opts.currency !== converted.from ? { conversion: converted.conversion } : {}),
      ...perDayOf(priced),
    });
  }
  if (currencies.size > 1) {
    throw new InputError(
      `the models are priced in different currencies (${[...currencies].join(", ")})`,
      "compare models of one currency per run",
    );
  }
  return { asOf: opts.asOf, currency: [...currencies][0]!, planName: plan.name, estimates, warnings };
}

/** Each model's total as a multiple of the cheapest non-zero total, or null when none is. */
export function multiples(report: EstimateReport): (Exact | null)[] {
  const totals = report.estimates.map((e) => e.total);
  const positive = totals.filter((t) => t.cmp(Exact.ZERO) > 0);
  if (positive.length === 0) return totals.map(() => null);
  const cheapest = positive.reduce((a, b) => (a.cmp(b) <= 0 ? a : b));
  return totals.map((t) => t.div(cheapest));
}
