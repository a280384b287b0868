// The cache-hit-rate form: `input` tokens per call split into expected hits and misses (exact, maybe fractional).

import { Exact } from "../exact.js";
import type { HitRate } from "../types.js";

/** Expected cache-hit and cache-miss tokens per call: input x rate and input x (1 - rate). */
export function hitRateSplit(h: HitRate): { hit: Exact; miss: Exact } {
  const hit = h.input.mul(h.rate);
  return { hit, miss: h.input.sub(hit) };
}
