// Every workload form reduced to exact bucket token totals: the one input of pricing.

import { InputError, withLocation } from "../errors.js";
import { Exact, sum } from "../exact.js";
import type { Instant } from "../instant.js";
import type { Conversation, Workload } from "../types.js";
import { conversationRange, sharedPrefix } from "./conversation.js";
import { hitRateSplit } from "./hit-rate.js";
import { callsOverPeriod } from "./period.js";
import { warmUp } from "./warmup.js";

/** Tokens per bucket over all of a workload's calls, and the calls (exact, maybe fractional). */
export interface BucketTotals {
  calls: Exact;
  hit: Exact;
  miss: Exact;
  output: Exact;
  reasoning: Exact;
  /** Cache-write tokens by retention ("" = the default retention); absent without writes. */
  writes?: Record<string, Exact>;
  /** Requests per fee id over all calls (a conversation's turns are its calls); absent without. */
  requests?: Record<string, Exact>;
}

/** The totals of the requests priced at one long-context tier (-1: below every tier). */
export interface TierGroup extends BucketTotals {
  tier: number;
}

/** Fails when a workload mixes forms (a conversation with per-call tokens, a hit rate with a split). */
function checkForm(w: Workload): void {
  const fixed = ["cachedPrefix", "miss", "reply", "reasoning"] as const;
  if (w.conversation) {
    const stray = fixed.find((k) => !w[k].isZero()) ?? (w.hitRate ? "hitRate" : w.cacheWrites ? "cache_write" : undefined);
    if (stray) {
      throw new InputError(`workload "${w.name}" is a conversation and also has per-call ${stray}`, "give its tokens inside conversation: only", w.where);
    }
  }
  if (w.hitRate && (!w.cachedPrefix.isZero() || !w.miss.isZero())) {
    throw new InputError(`workload "${w.name}" has input with cache_hit_rate and also cached_prefix or miss`, "give either input and cache_hit_rate, or cached_prefix and miss", w.where);
  }
}

/** Cache-write tokens of one call, all retentions. */
function writesPerCall(w: Workload): Exact {
  return sum(Object.values(w.cacheWrites ?? {}));
}

/** Per-call tokens of a non-conversation workload and the part that is cached across calls. */
function perCall(w: Workload): { hit: Exact; miss: Exact; output: Exact; reasoning: Exact; cachedPart: Exact } {
  if (w.hitRate) {
    const split = hitRateSplit(w.hitRate);
    return { ...split, output: w.reply, reasoning: w.reasoning, cachedPart: split.hit };
  }
  return { hit: w.cachedPrefix, miss: w.miss, output: w.reply, reasoning: w.reasoning, cachedPart: w.cachedPrefix };
}

/** Input tokens of one call of a non-conversation workload (hits + misses + writes). */
export function callInput(w: Workload): Exact {
  const p = perCall(w);
  return p.hit.add(p.miss).add(writesPerCall(w));
}

/** Input tokens of turn `k` (1-based) of a conversation: system + (k-1)(user + reply) + user. */
export function turnInput(c: Conversation, k: Exact): Exact {
  return c.system.add(c.user).add(k.sub(Exact.ONE).mul(c.user.add(c.reply)));
}

/** The first turn (1-based) whose input is strictly above `above`, or turns + 1 when none is. */
export function firstTurnAbove(c: Conversation, above: Exact): Exact {
  const first = c.system.add(c.user);
  if (first.cmp(above) > 0) return Exact.ONE;
  const step = c.user.add(c.reply);
  if (step.isZero()) return c.turns.add(Exact.ONE);
  const q = above.sub(first).div(step); // turn k is above when k - 1 > q
  const k = Exact.int(q.n / q.d + 2n);
  return k.cmp(c.turns) > 0 ? c.turns.add(Exact.ONE) : k;
}

/** The tier index of a request with `input` tokens: the highest threshold it is strictly above, or -1. */
export function tierOf(input: Exact, thresholds: readonly Exact[]): number {
  let tier = -1;
  thresholds.forEach((t, i) => {
    if (input.cmp(t) > 0) tier = i;
  });
  return tier;
}

function scaled(per: Record<string, Exact> | undefined, by: Exact): Record<string, Exact> | undefined {
  return per && Object.fromEntries(Object.entries(per).map(([k, v]) => [k, v.mul(by)]));
}

/**
 * Reduces a workload to its totals per long-context tier: every request's own input (hits +
 * misses + writes) picks its tier, so a conversation's turns split where their history passes
 * each threshold (sorted ascending). Groups come in tier order; the warm-up of distinct prefixes
 * lands on the group holding each conversation's first turn. `calls` is the item's calls over its
 * period when the caller has it already (working it out walks a schedule's minutes).
 */
export function tierGroups(w: Workload, thresholds: readonly Exact[] = [], asOf?: Instant, calls = callsOverPeriod(w.calls, w.callsPer, w.period, asOf, w.schedule)): TierGroup[] {
  checkForm(w);
  const groups: TierGroup[] = [];
  let cachedPart: Exact;
  if (w.conversation) {
    const c = w.conversation;
    cachedPart = sharedPrefix(c);
    const starts = thresholds.map((t) => firstTurnAbove(c, t));
    let from = Exact.ONE;
    for (let i = -1; i < thresholds.length; i++) {
      const next = i + 1 < thresholds.length ? starts[i + 1]! : c.turns.add(Exact.ONE);
      const to = (next.cmp(c.turns.add(Exact.ONE)) < 0 ? next : c.turns.add(Exact.ONE)).sub(Exact.ONE);
      if (to.cmp(from) < 0) continue;
      const t = conversationRange(c, from, to);
      const turns = to.sub(from).add(Exact.ONE);
      groups.push({ tier: i, calls: calls.mul(turns), hit: calls.mul(t.hit), miss: calls.mul(t.miss), output: calls.mul(t.output), reasoning: calls.mul(t.reasoning) });
      from = to.add(Exact.ONE);
    }
    if (groups.length === 0) groups.push({ tier: -1, calls: Exact.ZERO, hit: Exact.ZERO, miss: Exact.ZERO, output: Exact.ZERO, reasoning: Exact.ZERO });
  } else {
    const p = perCall(w);
    cachedPart = p.cachedPart;
    const group: TierGroup = {
      tier: tierOf(callInput(w), thresholds),
      calls, hit: calls.mul(p.hit), miss: calls.mul(p.miss), output: calls.mul(p.output), reasoning: calls.mul(p.reasoning),
    };
    const writes = scaled(w.cacheWrites, calls);
    if (writes) group.writes = writes;
    groups.push(group);
  }
  if (w.distinctPrefixes && !w.distinctPrefixes.isZero()) {
    const g = groups[0]!;
    try {
      Object.assign(g, warmUp(g, cachedPart, w.distinctPrefixes, calls));
    } catch (err) {
      throw withLocation(err, w.where);
    }
  }
  const requests = scaled(w.requests, w.conversation ? calls.mul(w.conversation.turns) : calls);
  if (requests) groups[0]!.requests = requests;
  return groups;
}

/** Reduces a workload (any form) to calls and exact token totals per bucket, all tiers together; `asOf` places a `30d` period. */
export function workloadTotals(w: Workload, asOf?: Instant): BucketTotals {
  const calls = callsOverPeriod(w.calls, w.callsPer, w.period, asOf, w.schedule);
  return { ...tierGroups(w, [], asOf, calls)[0]!, calls };
}

/** Totals (or a tier group) times a share of the calls: every count, writes and requests too. */
export function scaleTotals<T extends BucketTotals>(t: T, k: Exact): T {
  return {
    ...t,
    calls: t.calls.mul(k),
    hit: t.hit.mul(k),
    miss: t.miss.mul(k),
    output: t.output.mul(k),
    reasoning: t.reasoning.mul(k),
    ...(t.writes ? { writes: scaled(t.writes, k) } : {}),
    ...(t.requests ? { requests: scaled(t.requests, k) } : {}),
  };
}

/** True when one call of the workload bills nothing: every token count zero, no cache writes and no per-request fees. */
export function hasNoTokens(w: Workload): boolean {
  const none = (r?: Record<string, Exact>) => Object.values(r ?? {}).every((v) => v.isZero());
  if (!w.conversation) {
    // One call of a fixed split or a hit rate bills its per-call counts: no totals needed (this
    // check runs on every estimate). The same form errors first, as the totals would raise.
    checkForm(w);
    const p = perCall(w);
    return p.hit.isZero() && p.miss.isZero() && p.output.isZero() && p.reasoning.isZero() && none(w.cacheWrites) && none(w.requests);
  }
  const one = workloadTotals({ ...w, calls: Exact.ONE, callsPer: undefined, period: undefined, schedule: undefined, distinctPrefixes: undefined });
  return one.hit.isZero() && one.miss.isZero() && one.output.isZero() && one.reasoning.isZero() && none(one.writes) && none(one.requests);
}

/** Fails on a workload item with no tokens and no request fees: it would price at a silent $0. */
export function checkHasTokens(w: Workload): void {
  if (!hasNoTokens(w)) return;
  throw new InputError(
    `workload "${w.name}" has no tokens: every token count is zero and it has no request fees, so it would cost nothing`,
    "give its tokens (cached_prefix, miss, reply, reasoning, or input with cache_hit_rate; --miss, --reply... on the command line), or remove it",
    w.where,
  );
}
