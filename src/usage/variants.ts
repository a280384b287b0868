// What a usage record's own counts decide beyond its model and instant: long-context tier, service tier, fee version.

import { InputError } from "../core/errors.js";
import { Exact } from "../core/exact.js";
import type { Instant } from "../core/instant.js";
import { chosenModifiers, feeVersionAt, versionRetention } from "../core/pricing.js";
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
  /** Bits of the retentions "", "5m", "1h" (1, 2, 4) found known. */
  knownMask: number;
  /** The last service tier seen without tiers or searches, and its variant: most records repeat it. */
  lastTier: string | undefined | null;
  lastVariant: Variant | undefined;
}

const RETENTIONS = ["", "5m", "1h"] as const;

/** Bits of the retentions a record writes: 1 default, 2 five-minute, 4 one-hour. */
function writeMask(r: UsageRecord): number {
  return (r.writeDefault !== 0 ? 1 : 0) | (r.write5m !== 0 ? 2 : 0) | (r.write1h !== 0 ? 4 : 0);
}

/** Skip reason and detail when a record cannot be priced under its span. */
export interface VariantSkip {
  reason: SkipReason;
  detail: string;
}

/** Maps records to variants, one small id per distinct (tier, service tier, fee version). */
export class Variants {
  /** Rules by span id (a dense array: the lookup runs per record). */
  private readonly rules: SpanRules[] = [];
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
    let r = this.rules[span.id];
    if (!r) {
      const v = span.res!.version;
      r = {
        thresholds: (v.tiers ?? []).map((t) => (t.above.n <= BigInt(MAX_SAFE) ? Number(t.above.n) : Number.POSITIVE_INFINITY)),
        retention: new Map(),
        tiers: new Map(),
        knownMask: 0,
        lastTier: null,
        lastVariant: undefined,
      };
      this.rules[span.id] = r;
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
    if (r.search === 0 && !span.res!.version.tiers) {
      const writes = writeMask(r);
      if (writes === 0 && r.serviceTier === undefined) return this.all[0]!;
      // The common case: the same service tier as the span's last record, and retentions already found known.
      const rules = this.rules[span.id];
      if (rules?.lastVariant !== undefined && rules.lastTier === r.serviceTier && (writes & ~rules.knownMask) === 0) return rules.lastVariant;
    }
    return this.slow(r, span, t);
  }

  /** `of` beyond the records it has seen before (kept apart so `of` inlines into the aggregator's loop). */
  private slow(r: UsageRecord, span: Span, t: Instant): Variant | undefined {
    const v = span.res!.version;
    const rules = this.rulesOf(span);
    const writes = writeMask(r);
    for (let i = 0; i < 3; i++) {
      if ((writes & (1 << i)) === 0 || (rules.knownMask & (1 << i)) !== 0) continue;
      const problem = this.retentionProblem(span, rules, RETENTIONS[i]!);
      if (problem) return this.fail("unknown-retention", problem);
      rules.knownMask |= 1 << i;
    }
    const simple = !v.tiers && r.search === 0;
    if (simple && rules.lastVariant && rules.lastTier === r.serviceTier) return rules.lastVariant;
    let mods: Modifier[] = [];
    if (r.serviceTier !== undefined) { // "standard" and the like choose no modifier where the card has none of that name
      const m = this.tierModifiers(span, rules, r.serviceTier);
      if (typeof m === "string") return this.fail("unknown-service-tier", m);
      mods = m;
    }
    let fee = -1;
    if (r.search > 0) {
      const f = span.res!.fees?.search;
      const v = f && feeVersionAt(f, t);
      if (!f || !v || v.removed) {
        const why = !f ? `no "search" fee for "${span.model}" (web searches cannot be priced)` : `the "search" fee of "${span.model}" has no price at this instant`;
        return this.fail("unknown-fee", why);
      }
      fee = f.versions.indexOf(v);
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
