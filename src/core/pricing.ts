// Rates of one request's buckets under a version: long-context tier, modifiers, cache writes by retention, fees, peak share.

import { ruleAt, typicalPeakShare } from "./calendar.js";
import { InputError } from "./errors.js";
import { Exact } from "./exact.js";
import { formatInstantShort, type Instant } from "./instant.js";
import type { Resolution } from "./resolve.js";
import { didYouMean } from "./suggest.js";
import type { Bucket, Fee, FeeVersion, Line, Modifier, ModifierKind, PriceSet, PriceVersion, RateBook, Tier, TokenBucket, Window, Workload } from "./types.js";

/** Service-tier names that mean "no modifier" unless a version defines a modifier of that name. */
const NEUTRAL_TIERS = ["standard", "default", "auto"];
/** The note on a cache-write line of a version without write prices. */
const NO_WRITE_PRICE = "no cache-write price: billed at the cache-miss price";

const MILLION = Exact.int(1000000);

const KIND_LABEL: Record<ModifierKind, string> = { batch: "batch modifier", service_tier: "service tier", region: "region" };

function modelName(res: Resolution): string {
  return res.billedAs ?? res.model;
}

function findModifier(res: Resolution, name: string, kind: ModifierKind, w: Workload): Modifier {
  const v = res.version;
  const mod = v.modifiers?.[name];
  if (mod && mod.kind === kind) return mod;
  const same = Object.values(v.modifiers ?? {}).filter((m) => m.kind === kind).map((m) => m.name);
  const at = `its version from ${formatInstantShort(v.from)}`;
  const message = kind === "batch" ? `"${modelName(res)}" has no batch pricing at ${at}` : `unknown ${KIND_LABEL[kind]} "${name}" for "${modelName(res)}" at ${at}`;
  const hint = didYouMean(name, same) ?? (same.length ? `${KIND_LABEL[kind]}s: ${same.join(", ")}` : `this version has no ${KIND_LABEL[kind]}s; remove it from the workload`);
  throw new InputError(message, hint, w.where);
}

/** The modifiers a workload asks for (batch, service tier, region, in that order), checked against the version. */
export function chosenModifiers(w: Workload, res: Resolution): Modifier[] {
  const out: Modifier[] = [];
  if (w.batch) out.push(findModifier(res, "batch", "batch", w));
  const tier = w.serviceTier;
  if (tier && !(NEUTRAL_TIERS.includes(tier) && !res.version.modifiers?.[tier])) out.push(findModifier(res, tier, "service_tier", w));
  if (w.region) out.push(findModifier(res, w.region, "region", w));
  for (const m of out) {
    const clash = out.find((o) => o !== m && m.excludes.includes(o.name));
    if (clash) throw new InputError(`workload "${w.name}" asks for ${m.name} and ${clash.name}, which "${modelName(res)}" does not combine`, `drop one of them`, w.where);
  }
  return out;
}

/** The cache-write retentions a version knows: its default (when named) and its named write prices. */
function knownRetentions(v: PriceVersion): string[] {
  const set = v.flat ?? v.peak;
  return [...(v.defaultRetention ? [v.defaultRetention] : []), ...Object.keys(set?.writes ?? {})];
}

/** Maps a workload retention key ("" = default) to the version's: "" for the default, else the named one; fails on an unknown name. */
export function versionRetention(w: Workload, res: Resolution, key: string): string {
  const v = res.version;
  if (key === "" || key === v.defaultRetention) return "";
  if ((v.flat ?? v.peak)?.writes?.[key]) return key;
  const known = knownRetentions(v);
  throw new InputError(
    `unknown cache-write retention "${key}" for "${modelName(res)}" at its version from ${formatInstantShort(v.from)}`,
    didYouMean(key, known) ?? (known.length ? `retentions: ${known.join(", ")}` : "this version prices no named retention: use cache_write"),
    w.where,
  );
}

/** What one bucket of a request costs per 1M tokens, and what priced it. */
export interface BucketRate {
  rate: Exact;
  modifiers: string[];
  note?: string;
}

/** The rates of one request's buckets at one price set (a window's), tier and set of modifiers. */
export class RateSheet {
  /** The tier actually applied (modifiers with stacks_with_tiers: false or explicit prices turn it off). */
  readonly tier?: Tier;
  private readonly set: PriceSet;
  private readonly explicit?: Modifier;

  constructor(
    windowSet: PriceSet,
    tier: Tier | undefined,
    private readonly mods: Modifier[],
    private readonly res: Resolution,
  ) {
    const explicit = mods.filter((m) => m.prices !== undefined);
    if (explicit.length > 1) throw new InputError(`${explicit.map((m) => m.name).join(" and ")} both set explicit prices for "${modelName(res)}"`, "use one of them");
    this.explicit = explicit[0];
    if (this.explicit) {
      this.set = this.need(this.explicit.prices, `modifier "${this.explicit.name}"`);
      return;
    }
    this.tier = tier && mods.every((m) => m.stacksWithTiers) ? tier : undefined;
    this.set = this.tier ? this.need(this.tier.prices, `the tier above ${this.tier.above}`) : windowSet;
  }

  private need(p: PriceSet | null | undefined, what: string): PriceSet {
    if (p) return p;
    throw new InputError(`${what} of "${modelName(this.res)}" has no published ${this.res.currency} prices`, `give --fx RATE to convert from ${this.res.cardCurrency ?? "the card's currency"}`);
  }

  /** The rate of `bucket` (reasoning: pass "output"); `retention` picks a write price ("" = default). */
  rate(bucket: TokenBucket, retention = ""): BucketRate {
    const price = bucket === "input_cache_write" ? this.writePrice(retention) : undefined;
    const r = this.applied(bucket === "input_cache_write" ? (price ?? this.set.input_cache_miss) : Exact.ZERO);
    const names = this.explicit ? [this.explicit.name] : [];
    for (const m of this.mods) if (m.multiplier && m.appliesTo.includes(bucket)) names.push(m.name);
    return { rate: r[bucket], modifiers: names, ...(bucket === "input_cache_write" && !price ? { note: NO_WRITE_PRICE } : {}) };
  }

  /** Every bucket's rate at once, the cache write at `retention` ("" = default; the cache-miss price when the set has none), as `rate` gives them one by one. */
  rates(retention = ""): Record<TokenBucket, Exact> {
    return this.applied(this.writePrice(retention) ?? this.set.input_cache_miss);
  }

  private writePrice(retention: string): Exact | undefined {
    return retention === "" ? this.set.input_cache_write : this.set.writes?.[retention];
  }

  /** The set's rates, with `write` as the cache-write price, through each multiplier in order. */
  private applied(write: Exact): Record<TokenBucket, Exact> {
    const s = this.set;
    let r: Record<TokenBucket, Exact> = { input_cache_hit: s.input_cache_hit, input_cache_miss: s.input_cache_miss, input_cache_write: write, output: s.output };
    for (const m of this.mods) {
      if (!m.multiplier) continue;
      const k = m.multiplier;
      const on = (b: TokenBucket) => m.appliesTo.includes(b);
      const miss = on("input_cache_miss") ? r.input_cache_miss.mul(k) : r.input_cache_miss;
      const cache = (b: "input_cache_hit" | "input_cache_write") => (!on(b) ? r[b] : m.stacksWithCache ? r[b].mul(k) : miss);
      r = { input_cache_hit: cache("input_cache_hit"), input_cache_miss: miss, input_cache_write: cache("input_cache_write"), output: on("output") ? r.output.mul(k) : r.output };
    }
    return r;
  }
}

/** The long-context tier thresholds of a version, ascending. */
export function thresholds(v: PriceVersion): Exact[] {
  return (v.tiers ?? []).map((t) => t.above);
}

/** One bucket to price (of an estimate's tier group, or a usage cell): its report bucket, priced bucket, retention and tokens. */
export interface BilledPart {
  bucket: Bucket;
  priced: TokenBucket;
  /** The version's retention key ("" = default) and its report name (null: unnamed default). */
  retention?: { key: string; name: string | null };
  tokens: Exact;
}

/** The priced line of `tokens` of a part (all of its tokens, or a window's share) under a rate sheet. */
export function billedLine(part: BilledPart, window: Window, tokens: Exact, sheet: RateSheet): Line {
  const r = sheet.rate(part.priced, part.retention?.key);
  const l: Line = { bucket: part.bucket, window, tokens, rate: r.rate, cost: tokens.mul(r.rate).div(MILLION) };
  if (part.retention) l.retention = part.retention.name;
  if (sheet.tier) l.tier = `above ${sheet.tier.above.toDecimal()}`;
  if (r.modifiers.length) l.modifiers = r.modifiers;
  if (r.note) l.note = r.note;
  return l;
}

/** Cache-write retentions in report order: the default ("") first, then by name. */
export function compareRetentions(a: string, b: string): number {
  return a === b ? 0 : a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1;
}

/** The version of a fee in force at `t` (a removal included), or undefined before its first. */
export function feeVersionAt(fee: Fee, t: Instant): FeeVersion | undefined {
  // Versions are sorted by `from` (cards sort them, one per instant): the last one from <= t, by halving.
  const vs = fee.versions;
  let lo = 0;
  let hi = vs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (vs[mid]!.from <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? vs[lo - 1] : undefined;
}

/**
 * A fee version's price (per its `per`) in `currency`: its own when the card bills in that
 * currency, else the one it publishes in it, else converted with `fx` (`currency` per unit of the
 * card's); undefined when none of these (or the version is a removal).
 */
export function feeVersionPrice(v: FeeVersion, cardCurrency: string, currency: string, fx: Exact | undefined): Exact | undefined {
  if (currency === cardCurrency) return v.price;
  return v.currencies?.[currency] ?? (fx && v.price ? v.price.mul(fx) : undefined);
}

/** A fee's price per `per` units at `t` in the report currency; fails on an unknown, unpriced or removed fee. */
export function feePrice(res: Resolution, id: string, t: Instant, w: Workload): { price: Exact; per: Exact } {
  const fee = res.fees?.[id];
  if (!fee) {
    const known = Object.keys(res.fees ?? {});
    throw new InputError(
      `unknown fee "${id}" for "${modelName(res)}"`,
      didYouMean(id, known) ?? (known.length ? `fees: ${known.join(", ")}` : "its card prices no per-request fees; remove requests: from the workload"),
      w.where,
    );
  }
  const v = feeVersionAt(fee, t);
  if (!v) throw new InputError(`fee "${id}" of "${modelName(res)}" has no price at ${formatInstantShort(t)}: its first price is from ${formatInstantShort(fee.versions[0]!.from)}`, "price it at a later --as-of, or drop the requests", w.where);
  if (v.removed) throw new InputError(`fee "${id}" of "${modelName(res)}" was removed at ${formatInstantShort(v.from)}`, `price it with --as-of before ${formatInstantShort(v.from)}, or drop the requests`, w.where);
  const price = feeVersionPrice(v, res.cardCurrency ?? res.currency, res.currency, res.fx);
  if (price) return { price, per: v.per! };
  throw new InputError(`fee "${id}" of "${modelName(res)}" has no published ${res.currency} price`, `give --fx RATE to convert from ${res.cardCurrency}`, w.where);
}

/** The peak share a windowed version uses at `t`: the given one, else the calendar's typical week. */
export function peakShareFor(book: RateBook, res: Resolution, t: Instant, given?: Exact): Exact | null {
  const v = res.version;
  if (!v.peak || !v.offPeak) return null;
  if (given) return given;
  const cal = v.calendar ? book.calendars.get(v.calendar) : undefined;
  const rule = cal ? ruleAt(cal, t) : undefined;
  if (!rule) {
    throw new InputError(
      `no calendar rule for "${res.billedAs ?? res.model}" at ${formatInstantShort(t)} (calendar "${v.calendar}")`,
      "give --peak-share, or add a rule to the calendar",
    );
  }
  return typicalPeakShare(rule);
}
