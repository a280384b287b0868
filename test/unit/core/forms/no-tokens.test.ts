// hasNoTokens' per-call fast path (no conversation) agrees with the general path: the totals of one call.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Exact } from "../../../../src/core/exact.js";
import { hasNoTokens, workloadTotals } from "../../../../src/core/forms/totals.js";
import type { Workload } from "../../../../src/core/types.js";

/** The general path: one call's totals, every bucket, writes and requests zero. */
function generalHasNoTokens(w: Workload): boolean {
  const one = workloadTotals({ ...w, calls: Exact.ONE, callsPer: undefined, period: undefined, schedule: undefined, distinctPrefixes: undefined });
  const none = (r?: Record<string, Exact>) => Object.values(r ?? {}).every((v) => v.isZero());
  return one.hit.isZero() && one.miss.isZero() && one.output.isZero() && one.reasoning.isZero() && none(one.writes) && none(one.requests);
}

/** The outcome of a check: its answer, or the message it fails with. */
function outcome(f: (w: Workload) => boolean, w: Workload): string {
  try {
    return String(f(w));
  } catch (err) {
    return `error: ${(err as Error).message}`;
  }
}

const n = fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 5000n }));
const ex = n.map((v) => Exact.int(v));
const counts = fc.option(fc.dictionary(fc.constantFrom("", "1h", "search"), ex, { maxKeys: 2 }), { nil: undefined });
const workload = fc.record({
  calls: ex,
  cachedPrefix: ex,
  miss: ex,
  reply: ex,
  reasoning: ex,
  cacheWrites: counts,
  requests: counts,
  hitRate: fc.option(fc.record({ input: ex, rate: fc.constantFrom("0", "0.25", "1/3", "1").map((r) => (r === "1/3" ? Exact.of(1n, 3n) : Exact.parseDecimal(r)!)) }), { nil: undefined }),
  conversation: fc.option(
    fc.record({ turns: ex, system: ex, user: ex, reply: ex, reasoning: ex, historyCached: fc.boolean(), systemCached: fc.boolean() }),
    { nil: undefined },
  ),
  distinctPrefixes: fc.option(ex, { nil: undefined }),
});

describe("hasNoTokens", () => {
  it("gives the general path's answer (or its error) for any workload form", () => {
    fc.assert(
      fc.property(workload, (raw) => {
        const w = { name: "w", ...raw } as unknown as Workload;
        expect(outcome(hasNoTokens, w)).toBe(outcome(generalHasNoTokens, w));
      }),
      { numRuns: 3000 },
    );
  });
});
