// Cache warm-up: the first call of each distinct prefix pays its cached part at the miss price.

import { InputError } from "../errors.js";
import type { Exact } from "../exact.js";

/**
 * Moves `prefixes` x `cachedPerCall` tokens from cache hits to cache misses. There can be no
 * more first calls than calls, so `prefixes` must not exceed `calls`.
 */
export function warmUp(
  totals: { hit: Exact; miss: Exact },
  cachedPerCall: Exact,
  prefixes: Exact,
  calls: Exact,
): { hit: Exact; miss: Exact } {
  if (prefixes.cmp(calls) > 0) {
    throw new InputError(
      `distinct_prefixes (${prefixes.toDecimal()}) is more than the calls (${calls.toDecimal()})`,
      "each distinct prefix is first seen by one call: lower distinct_prefixes or raise calls",
    );
  }
  const moved = prefixes.mul(cachedPerCall);
  return { hit: totals.hit.sub(moved), miss: totals.miss.add(moved) };
}
