// What a usage record's own counts decide beyond its model and instant: long-context tier, service tier, fee version.

import { InputError } from "../core/errors.js";
import { Exact } from "../core/exact.js";
import type { Instant } from "../core/instant.js";
import { chosenModifiers, versionRetention } from "../core/pricing.js";
import type { Modifier, Workload } from "../core/types.js";
import type { Span } from "./timeline.js";
import type { SkipReason, UsageRecord } from "./types.js";

/** A record's pricing variant within its span: tier index (-1: none), service-tier modifiers, search-fee version index (-1: no searches). */
export interface Variant {
  id: number;
  tier: number;
  serviceTier: string | undefined;
  modifiers: Modifier[];
  fee: number;
}

/** The neutral variant: no tier, no modifier, no searches. */
const BASE: Omit<Variant, "id"> = { tier: -1, serviceTier: undefined, modifiers: [], fee: -1 };
const NEUTRAL = new Set(["standard", "default", "auto"]);
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** What the core pricing helpers need of a workload, for their messages. */
const LOG: Workload = { name: "usage log", calls: Exact.ONE, cachedPrefix: Exact.ZERO, miss: Exact.ZERO, reply: Exact.ZERO, reasoning: Exact.ZERO };

/** Facts of one span, worked out on first use. */
interface SpanRules {
  thresholds: number[];
  /** Retentions a record may write ("" = default, "5m", "1h"): undefined when the version knows it, else why not. */
  retention: Map<string, string | undefined>;
  /** Service tier -> its modifiers, or why it cannot be priced. */
  tiers: Map<string, Modifier[] | string>;
  /** Whether the retentions "", "5m", "1h" are known (undefined: not asked yet). */
  known: (boolean | undefined)[];
  /** The last service tier seen without tiers or searches, and its variant: most records repeat it. */
  lastTier: string | undefined | null;
  lastVariant: Variant | undefined;
}

const RETENTIONS = ["", "5m", "1h"] as const;

/** Skip reason and detail when a record cannot be priced under its span. */
export interface VariantSkip {
  reason: SkipReason;
  detail: string;
}

/** Maps records to variants, one small id per distinct (tier, service tier, fee version). */
export class Variants {
  private readonly rules = new Map<Span, SpanRules>();
  private readonly byKey = new Map<string, Variant>();
  /** Every variant, by id; id 0 is the neutral one. */
  readonly all: Variant[] = [];
  /** The skip of the last `of` call that returned undefined. */
  skip: VariantSkip = { reason: "unknown-retention", detail: "" };

  constructor() {
    this.variant(BASE.tier, BASE.serviceTier, BASE.modifiers, BASE.fee);
  }

  private variant(tier: number, serviceTier: string | undefined, modifiers: Modifier[], fee: number): Variant {
    const key = `${tier}\u0000${serviceTier ?? ""}\u0000${fee}`;
    let v = this.byKey.get(key);
    if (!v) {
      v = { id: this.all.length, tier, serviceTier, modifiers, fee };
      this.byKey.set(key, v);
      this.all.push(v);
    }
    return v;
  }

  private rulesOf(span: Span): SpanRules {
    let r = this.rules.get(span);
    if (!r) {
      const v = span.res!.version;
      r = {
        thresholds: (v.tiers ?? []).map((t) => (t.above.n <= BigInt(MAX_SAFE) ? Number(t.above.n) : Number.POSITIVE_INFINITY)),
        retention: new Map(),
        tiers: new Map(),
        known: [undefined, undefined, undefined],
        lastTier: null,
        lastVariant: undefined,
      };
      this.rules.set(span, r);
    }
    return r;
  }

  private retentionProblem(span: Span, rules: SpanRules, key: string): string | undefined {
    if (!rules.retention.has(key)) {
      try {
        versionRetention(LOG, span.res!, key);
        rules.retention.set(key, undefined);
      } catch (err) {
        rules.retention.set(key, `${(err as InputError).message}${(err as InputError).hint ? ` (${(err as InputError).hint})` : ""}`);
      }
    }
    return rules.retention.get(key);
  }

  private tierModifiers(span: Span, rules: SpanRules, tier: string): Modifier[] | string {
    let m = rules.tiers.get(tier);
    if (m === undefined) {
      try {
        m = chosenModifiers({ ...LOG, serviceTier: tier }, span.res!);
      } catch (err) {
        m = (err as Error).message;
      }
      rules.tiers.set(tier, m);
    }
    return m;
  }

  /** The record's variant under `span` at `t`, or undefined (see `skip`) when a retention, fee or service tier is unknown. */
  of(r: UsageRecord, span: Span, t: Instant): Variant | undefined {
    if (r.writeDefault + r.write5m + r.write1h + r.search === 0 && r.serviceTier === undefined && !span.res!.version.tiers) return this.all[0]!;
    return this.slow(r, span, t);
  }

  /** `of` beyond the plainest records (kept apart so `of` inlines into the aggregator's loop). */
  private slow(r: UsageRecord, span: Span, t: Instant): Variant | undefined {
    const v = span.res!.version;
    const plain = r.writeDefault + r.write5m + r.write1h + r.search === 0 && (r.serviceTier === undefined || (NEUTRAL.has(r.serviceTier) && !v.modifiers?.[r.serviceTier]));
    if (plain && !v.tiers) return this.all[0]!;
    const rules = this.rulesOf(span);
    for (let i = 0; i < 3; i++) {
      if ((i === 0 ? r.writeDefault : i === 1 ? r.write5m : r.write1h) === 0 || rules.known[i] === true) continue;
      const problem = this.retentionProblem(span, rules, RETENTIONS[i]!);
      rules.known[i] = problem === undefined;
      if (problem) return this.fail("unknown-retention", problem);
    }
    // The common case (no tiers, no searches, the same service tier as the last record): its variant again.
    const simple = !v.tiers && r.search === 0;
    if (simple && rules.lastVariant && rules.lastTier === r.serviceTier) return rules.lastVariant;
    let mods: Modifier[] = [];
    if (r.serviceTier !== undefined) {
      const m = this.tierModifiers(span, rules, r.serviceTier);
      if (typeof m === "string") return this.fail("unknown-service-tier", m);
      mods = m;
    }
    let fee = -1;
    if (r.search > 0) {
      const f = span.res!.fees?.search;
      let i = -1;
      for (const [k, x] of (f?.versions ?? []).entries()) if (x.from <= t) i = k;
      if (!f || i < 0 || f.versions[i]!.removed) {
        const why = !f ? `no "search" fee for "${span.model}" (web searches cannot be priced)` : `the "search" fee of "${span.model}" has no price at this instant`;
        return this.fail("unknown-fee", why);
      }
      fee = i;
    }
    let tier = -1;
    if (rules.thresholds.length) {
      // Exact whenever the sum is a safe integer; above that it is >= 2^53, above every safe threshold, as the exact sum is.
      const input = r.hit + r.miss + r.writeDefault + r.write5m + r.write1h;
      for (let i = 0; i < rules.thresholds.length; i++) if (input > rules.thresholds[i]!) tier = i;
    }
    const variant = this.variant(tier, mods.length ? r.serviceTier : undefined, mods, fee);
    if (simple) {
      rules.lastTier = r.serviceTier;
      rules.lastVariant = variant;
    }
    return variant;
  }

  private fail(reason: SkipReason, detail: string): undefined {
    this.skip = { reason, detail };
    return undefined;
  }
}
