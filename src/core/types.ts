// The data the core works on: rate books (models, versions, calendars), workloads and reports.

import type { Exact } from "./exact.js";
import type { Instant } from "./instant.js";
import type { Location } from "./errors.js";

/** The report buckets, in the order reports list them (`request_fee` lines price fees, not tokens). */
export type Bucket = "input_cache_hit" | "input_cache_miss" | "input_cache_write" | "output" | "reasoning" | "request_fee";
/** The token buckets a price set prices (reasoning is billed at `output`). */
export type TokenBucket = "input_cache_hit" | "input_cache_miss" | "input_cache_write" | "output";
/** Every token bucket, the default of a modifier's `applies_to`. */
export const TOKEN_BUCKETS: readonly TokenBucket[] = ["input_cache_hit", "input_cache_miss", "input_cache_write", "output"];
/** Time-of-day window of a line; null when the version has one flat price. */
export type Window = "peak" | "off-peak" | null;

/** Prices per 1M tokens for the billed buckets (reasoning is billed at `output`). */
export interface PriceSet {
  input_cache_hit: Exact;
  input_cache_miss: Exact;
  output: Exact;
  /** Cache-write price of the default retention (`input_cache_write`); absent: writes bill at the miss price. */
  input_cache_write?: Exact;
  /** Cache-write prices of named retentions (`input_cache_write_1h` -> "1h"). */
  writes?: Record<string, Exact>;
}

/** A long-context tier: a request whose input (hits + misses + writes) is strictly above `above` pays `prices` for every bucket. */
export interface Tier {
  above: Exact;
  prices: PriceSet;
  /** The tier's prices as published in other currencies, by ISO code. */
  currencies?: Record<string, PriceSet>;
  confidence?: "official" | "reported";
  source?: string;
  note?: string;
}

/** What a modifier is: the batch discount, a service tier, or a region surcharge. */
export type ModifierKind = "batch" | "service_tier" | "region";

/** A named price modifier of a version: a multiplier or explicit prices, and how it combines. */
export interface Modifier {
  name: string;
  kind: ModifierKind;
  multiplier?: Exact;
  prices?: PriceSet;
  currencies?: Record<string, PriceSet>;
  /** The token buckets it changes (reasoning follows output). */
  appliesTo: TokenBucket[];
  /** false: cache hits and writes bill at the modified cache-miss price. */
  stacksWithCache: boolean;
  /** false: long-context tiers do not apply under it. */
  stacksWithTiers: boolean;
  /** Modifiers it cannot be combined with. */
  excludes: string[];
  confidence?: "official" | "reported";
  source?: string;
  note?: string;
}

/** One dated entry of a fee's timeline: a price per `per` units, or the fee's removal. */
export interface FeeVersion {
  from: Instant;
  removed: boolean;
  price?: Exact;
  per?: Exact;
  /** The price as published in other currencies (per the same `per`), by ISO code. */
  currencies?: Record<string, Exact>;
  card: string;
  confidence?: "official" | "reported";
  source?: string;
  note?: string;
  where?: Location;
}

/** A named per-request fee (`search`) with its own price timeline. */
export interface Fee {
  id: string;
  name?: string;
  /** What is counted (default "request"). */
  unit: string;
  versions: FeeVersion[];
}

/** Where a version or card came from: the card file and its source URL. */
export interface Provenance {
  card: string;
  source?: string;
  note?: string;
  confidence?: "official" | "reported";
  where?: Location;
}

/** The price sets of one version: flat, or peak and off-peak. */
export interface VersionPrices {
  flat?: PriceSet;
  peak?: PriceSet;
  offPeak?: PriceSet;
}

/** A price version: flat prices, or peak and off-peak prices switched by a calendar. */
export interface PriceVersion extends Provenance, VersionPrices {
  kind: "price";
  from: Instant;
  calendar?: string;
  /** The same prices as published in other currencies (same shape), by ISO code. */
  currencies?: Map<string, VersionPrices>;
  /** Name of the default cache-write retention (`default_retention: 5m`), for reports. */
  defaultRetention?: string;
  /** Most input tokens one request may carry. */
  contextWindow?: Exact;
  /** Most output tokens (reply + reasoning) one request may produce. */
  maxOutput?: Exact;
  /** Long-context tiers, sorted by `above`. */
  tiers?: Tier[];
  /** Modifiers by name (`batch`, `flex`, `us`...). */
  modifiers?: Record<string, Modifier>;
}

/** From `from` on, the model is billed as another model. */
export interface AliasVersion extends Provenance {
  kind: "alias";
  from: Instant;
  billedAs: string;
}

/** From `from` on, the model is retired and cannot be used. */
export interface RetiredVersion extends Provenance {
  kind: "retired";
  from: Instant;
  replacement?: string;
}

export type Version = PriceVersion | AliasVersion | RetiredVersion;

/** A model's whole timeline, versions sorted by `from`. */
export interface Model {
  /** The id as its card writes it (bare, without the provider). */
  id: string;
  name?: string;
  /** The `provider` of the card that defines the model; the book keys it `provider/id`. */
  provider?: string;
  /** Dated snapshot ids that resolve to this model. */
  snapshots?: string[];
  /** Whether `estimate` prices it when neither -m, a plan nor the config names models (default true). */
  byDefault?: boolean;
  currency: string;
  versions: Version[];
  /** Per-request fees (the card's, replaced by the model's own of the same name), by id. */
  fees?: Record<string, Fee>;
}

/** One time-of-day rule of a calendar, in force from `from` until the next rule. */
export interface CalendarRule {
  from: Instant;
  /** Minute-of-day ranges [start, end) in the calendar's zone; end may pass 1440 (wraps). */
  windows: [number, number][];
  /** Whether `windows` lists the peak hours or the off-peak hours. */
  windowsAre: "peak" | "off-peak";
  /** Days on which peak hours apply at all. */
  days: "every-day" | "weekdays";
  /** Whether the calendar's holidays are off-peak all day. */
  holidaysOffPeak: boolean;
}

/** A named time-of-day calendar: a zone, holiday dates (local) and dated rules. */
export interface Calendar {
  name: string;
  timeZone: string;
  holidays: Set<string>;
  rules: CalendarRule[];
  /** The last year whose holidays the calendar lists (`holidays_known_until: 2026`). */
  holidaysKnownUntil?: number;
}

/** Facts about one loaded card, for reports and staleness checks. */
export interface CardInfo {
  file: string;
  provider?: string;
  currency: string;
  checked?: Instant;
  source?: string;
  builtIn: boolean;
}

/** Every loaded card merged: models by key (`provider/id`, or the bare id for a card without provider) and calendars by name. */
export interface RateBook {
  models: Map<string, Model>;
  /** Every bare id and snapshot id -> the keys of the models that answer to it (see core/names.ts). */
  names: Map<string, string[]>;
  calendars: Map<string, Calendar>;
  cards: CardInfo[];
}

/** A model id as written by the user, with where it was written. */
export interface ModelRef {
  id: string;
  where?: Location;
}

/** A multi-turn chat against a stateless API: every turn resends the history. */
export interface Conversation {
  turns: Exact;
  system: Exact;
  user: Exact;
  reply: Exact;
  reasoning: Exact;
  /** Earlier turns are cache hits (default true). */
  historyCached: boolean;
  /** The first turn's system prompt is a cache hit (default true). */
  systemCached: boolean;
}

/** Input tokens per call split by an expected cache hit rate (0..1). */
export interface HitRate {
  input: Exact;
  rate: Exact;
}

/** When calls run: hour windows on some days, in a time zone. */
export interface Schedule {
  /** Minute-of-day windows [start, end); end may pass 1440 (the window runs past midnight). */
  windows: [number, number][];
  timeZone: string;
  days: "all" | "weekdays" | "weekends";
  /** As written ("22:00-06:00 Europe/Berlin, weekdays"), for reports. */
  text: string;
}

/** The unit of a call rate (`calls: 30000/day`). */
export type RateUnit = "hour" | "day" | "week" | "month";

/** The span a workload covers: `30d` from the as-of instant, or a calendar month (UTC). */
export type Period = { kind: "days"; days: number; text: string } | { kind: "month"; year: number; month: number; text: string };

/** A token field whose count came from a text file and the V3 tokenizer. */
export interface TokenFile {
  field: string;
  file: string;
  tokens: Exact;
}

/**
 * One workload: per-call token counts and the number of calls, all exact integers. The optional
 * forms (hit rate, conversation, warm-up, schedule, period) replace or refine the fixed split;
 * `core/forms` reduces every form to exact bucket totals.
 */
export interface Workload {
  name: string;
  calls: Exact;
  cachedPrefix: Exact;
  miss: Exact;
  reply: Exact;
  reasoning: Exact;
  /** Cache-write tokens per call by retention; the key "" is the default retention (`cache_write`). */
  cacheWrites?: Record<string, Exact>;
  /** Per-request fee counts per call (`requests: { search: 2 }`), by fee id. */
  requests?: Record<string, Exact>;
  /** Priced with the batch modifier (`batch: true`). */
  batch?: boolean;
  /** The service tier modifier (`service_tier: flex`). */
  serviceTier?: string;
  /** The region modifier (`region: us`). */
  region?: string;
  /** `input` + `cache_hit_rate` instead of cached_prefix / miss. */
  hitRate?: HitRate;
  /** `calls` counts conversations of this shape. */
  conversation?: Conversation;
  /** The first call of each of this many prefixes pays its cached part at the miss price. */
  distinctPrefixes?: Exact;
  /** The item's own share of calls at peak prices (`peak_share`), instead of the calendar's typical week. */
  peakShare?: Exact;
  schedule?: Schedule;
  /** `calls` is a rate per this unit over `period`. */
  callsPer?: RateUnit;
  period?: Period;
  tokenFiles?: TokenFile[];
  /** Models this item is priced on; undefined means the plan's models. */
  models?: ModelRef[];
  /** The item's budget on each model it is priced on (`ratecard check`). */
  budget?: Budget;
  where?: Location;
}

/** A plan: named workloads, optional models and as-of instant. */
export interface Plan {
  name?: string;
  asOf?: Instant;
  models?: ModelRef[];
  workloads: Workload[];
  /** The budget of each model's total (`ratecard check`). */
  budget?: Budget;
  file?: string;
}

/** Spend limits in the card's currency: over `fail` fails a check, over `warn` warns. */
export interface Budget {
  fail?: Exact;
  warn?: Exact;
  where?: Location;
}

/** One priced line: tokens x rate per 1M = cost (a `request_fee` line: count x rate per `per`). */
export interface Line {
  bucket: Bucket;
  window: Window;
  tokens: Exact;
  rate: Exact;
  cost: Exact;
  /** A cache-write line's retention: its name, or null for an unnamed default retention. */
  retention?: string | null;
  /** A long-context tier's label ("above 200000") when the line is priced at one. */
  tier?: string;
  /** The modifiers that priced the line (`batch`, `flex`...). */
  modifiers?: string[];
  /** A fee line's fee id, request count and unit count of its price. */
  fee?: string;
  count?: Exact;
  per?: Exact;
  /** A remark on how the line is priced ("no cache-write price: billed at the cache-miss price"). */
  note?: string;
  /** The index of the item's stretch the line belongs to, when its period is cut at price changes. */
  stretch?: number;
}

/** The period an item covers, as priced. */
export interface PeriodEstimate {
  text: string;
  start: Instant;
  end: Instant;
  days: Exact;
  /** Calls over the whole period. */
  calls: Exact;
  /** The item's total divided by the period's days. */
  perDay: Exact;
}

/** One stretch of an item's period between price changes: its span, prices, calls and cost. */
export interface StretchEstimate {
  from: Instant;
  until: Instant;
  /** The model whose prices apply in the stretch, when the item's model is an alias then; else null. */
  billedAs: string | null;
  priceFrom: Instant;
  /** Share of the stretch's calls at peak prices; null with flat prices. */
  peakShare: Exact | null;
  calls: Exact;
  total: Exact;
}

/** One workload item priced on one model. */
export interface ItemEstimate {
  workload: string;
  total: Exact;
  lines: Line[];
  /** The item's own `peak_share`, when it has one and the price has peak hours (and no --peak-share overrides it). */
  peakShare?: Exact;
  /** The item's own peak share when its schedule sets one; else undefined (the model's applies). */
  schedule?: { text: string; peakShare: Exact | null };
  period?: PeriodEstimate;
  /** The period's stretches between price changes, each priced as in force then (absent: one stretch, priced as the model's header says). */
  stretches?: StretchEstimate[];
  tokenFiles?: TokenFile[];
}

/** A model's estimate over every workload item that applies to it. */
export interface ModelEstimate {
  model: string;
  /** The model whose prices apply, when the requested id is an alias; else null. */
  billedAs: string | null;
  priceFrom: Instant;
  source?: string;
  note?: string;
  /** The confidence of the price version that bills it (`reported`: only third parties give a figure or date). */
  confidence?: "official" | "reported";
  card: string;
  /** Share of calls billed at peak prices, when the version has windows. */
  peakShare: Exact | null;
  total: Exact;
  items: ItemEstimate[];
  /** With a report currency other than the card's: null when the card publishes prices in it, else the conversion. */
  conversion?: Conversion | null;
  /** The total per day, when every item covers a period of the same number of days. */
  perDay?: Exact;
}

/** Prices converted from the card's currency at an explicit rate (target units per source unit). */
export interface Conversion {
  from: string;
  rate: Exact;
}

/** The whole estimate report that renderers format. */
export interface EstimateReport {
  asOf: Instant;
  currency: string;
  planName?: string;
  estimates: ModelEstimate[];
  warnings: string[];
}
