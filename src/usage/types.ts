// The data of `ratecard usage`: log records, skip reasons, groupings and the usage report.

import type { Exact } from "../core/exact.js";
import type { Instant } from "../core/instant.js";
import type { Line } from "../core/types.js";

/** The log shapes ratecard reads; "auto" detects one per record. */
export const DIALECTS = ["auto", "chat", "responses", "anthropic", "claude-code"] as const;
export type Dialect = (typeof DIALECTS)[number];

/**
 * What a report can be grouped by (several at once allowed); hours, days, weeks and months are in
 * --tz (default UTC); session is Claude Code's sessionId, project the record's cwd, else its log's folder.
 */
export const DIMENSIONS = ["hour", "day", "week", "month", "model", "window", "session", "project"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Why a record was not priced; each is counted, none is ever priced at $0. */
export const SKIP_REASONS = [
  "malformed-json",
  "line-too-long",
  "no-usage",
  "bad-usage",
  "no-model",
  "no-instant",
  "bad-instant",
  "unknown-model",
  "retired-model",
  "before-first-price",
  "unknown-retention",
  "unknown-fee",
  "unknown-service-tier",
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** One usage record read from a log line, before pricing. Token counts are safe integers. */
export interface UsageRecord {
  model: string;
  /** The record's own instant, or undefined when the line had none. */
  instant: Instant | undefined;
  hit: number;
  miss: number;
  /** Completion tokens, thinking included. */
  output: number;
  /** The thinking part of `output`, shown separately and never billed twice. */
  reasoning: number;
  /** Cache writes: at the default retention (`cache_creation_input_tokens` alone), 5-minute and 1-hour. */
  writeDefault: number;
  write5m: number;
  write1h: number;
  /** Web search requests (`server_tool_use.web_search_requests`), billed as the `search` fee. */
  search: number;
  /** The logged service tier (`standard`, `priority`, `flex`...), if any. */
  serviceTier: string | undefined;
  /** Whether the record has Claude Code's message.id and requestId (records repeated in session logs count once). */
  dedup: boolean;
  /** The 64-bit fingerprint of message.id + requestId, when `dedup`. */
  dedupA: number;
  dedupB: number;
  /** Claude Code's sessionId and cwd, when the line has them (bounded, see fields.ts). */
  session: string | undefined;
  cwd: string | undefined;
}

/** Token counts of a group or a total, exact integers. `reasoning` is part of `output`. */
export interface TokenCounts {
  input_cache_hit: Exact;
  input_cache_miss: Exact;
  output: Exact;
  reasoning: Exact;
  /** Cache-write tokens, every retention (present only when some record wrote to the cache). */
  input_cache_write?: Exact;
}

/** The billed buckets of a usage line (reasoning is inside output; `request_fee` counts requests). */
export type UsageBucket = "input_cache_hit" | "input_cache_miss" | "input_cache_write" | "output" | "request_fee";

/** One priced line of a group: the tokens of one bucket under one price version and window (a core line's fields, less the stretch). */
export interface UsageLine extends Omit<Line, "bucket" | "stretch"> {
  /** The model as logged. */
  model: string;
  /** The model whose prices applied, when the logged one is an alias; else null. */
  billedAs: string | null;
  priceFrom: Instant;
  card: string;
  provider: string | undefined;
  bucket: UsageBucket;
}

/** A group's key: one value per --by dimension (time values are UTC labels). */
export type GroupKey = Partial<Record<Dimension, string>>;

/** One group of the report: its key, time span (when grouped by time), records, tokens, cost, lines. */
export interface UsageGroup {
  key: GroupKey;
  start: Instant | null;
  end: Instant | null;
  records: number;
  tokens: TokenCounts;
  cost: Exact;
  lines: UsageLine[];
}

/** The records skipped for one reason: how many, and the first few positions ("file:line") with details. */
export interface SkipSummary {
  reason: SkipReason;
  count: number;
  first: { at: string; detail: string }[];
}

/** The plan's estimate beside the actual spend of the same period. */
export interface UsageComparison {
  plan: string;
  /** The instant the plan was priced at: its own as_of, else the logs' start. */
  asOf: Instant;
  /** The span the plan's items cover, when they all have the same period. */
  period?: { start: Instant; end: Instant };
  /** Each model's estimate and its own actual spend (records logged as it or billed as the model it is billed as). */
  estimates: { model: string; billedAs: string | null; total: Exact; actual: Exact }[];
  /** The actual spend of every record. */
  actual: Exact;
}

/** The whole usage report that renderers format. */
export interface UsageReport {
  currency: string;
  by: Dimension[];
  /** The reporting period: --since/--until, else the first record's UTC day to the day after the last. */
  period: { start: Instant | null; end: Instant | null };
  total: { records: number; tokens: TokenCounts; cost: Exact };
  groups: UsageGroup[];
  skipped: SkipSummary[];
  /** Records repeated under one message.id + requestId, counted once. */
  duplicates: number;
  /** Lines that are session events, not API responses (a `type` other than assistant, no usage). */
  ignored: number;
  /** Claude Code's zero-usage `<synthetic>` records (errors and interruptions shown in the session, never billed). */
  synthetic: number;
  /** Records outside --since/--until. */
  outsidePeriod: number;
  compare?: UsageComparison;
  /** The zone hours, days, weeks and months are grouped in (--tz), when not UTC. */
  timeZone?: string;
  /** Warnings the CLI attaches (stale cards); as on stderr. */
  warnings?: string[];
}
