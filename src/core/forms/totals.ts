// Every workload form reduced to exact bucket token totals: the one input of pricing.

import { InputError, withLocation } from "../errors.js";
import type { Exact } from "../exact.js";
import type { Workload } from "../types.js";
import { conversationTokens, sharedPrefix } from "./conversation.js";
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
}

/** Fails when a workload mixes forms (a conversation with per-call tokens, a hit rate with a split). */
function checkForm(w: Workload): void {
  const fixed = ["cachedPrefix", "miss", "reply", "reasoning"] as const;
  if (w.conversation) {
    const stray = fixed.find((k) => !w[k].isZero()) ?? (w.hitRate ? "hitRate" : undefined);
    if (stray) {
      throw new InputError(`workload "${w.name}" is a conversation and also has per-call ${stray}`, "give its tokens inside conversation: only", w.where);
    }
  }
  if (w.hitRate && (!w.cachedPrefix.isZero() || !w.miss.isZero())) {
    throw new InputError(`workload "${w.name}" has input with cache_hit_rate and also cached_prefix or miss`, "give either input and cache_hit_rate, or cached_prefix and miss", w.where);
  }
}

/** Reduces a workload (any form) to calls and exact token totals per bucket. */
export function workloadTotals(w: Workload): BucketTotals {
  checkForm(w);
  const calls = callsOverPeriod(w.calls, w.callsPer, w.period);
  let per: { hit: Exact; miss: Exact; output: Exact; reasoning: Exact };
  let cachedPart: Exact;
  if (w.conversation) {
    per = conversationTokens(w.conversation);
    cachedPart = sharedPrefix(w.conversation);
  } else if (w.hitRate) {
    const split = hitRateSplit(w.hitRate);
    per = { ...split, output: w.reply, reasoning: w.reasoning };
    cachedPart = split.hit;
  } else {
    per = { hit: w.cachedPrefix, miss: w.miss, output: w.reply, reasoning: w.reasoning };
    cachedPart = w.cachedPrefix;
  }
  let input = { hit: calls.mul(per.hit), miss: calls.mul(per.miss) };
  if (w.distinctPrefixes && !w.distinctPrefixes.isZero()) {
    try {
      input = warmUp(input, cachedPart, w.distinctPrefixes, calls);
    } catch (err) {
      throw withLocation(err, w.where);
    }
  }
  return { calls, ...input, output: calls.mul(per.output), reasoning: calls.mul(per.reasoning) };
}

