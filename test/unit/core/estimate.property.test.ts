// Property tests: cost is linear in calls, additive across workloads, monotonic in tokens, and exact.
import fc from "fast-check";
import { describe, it } from "vitest";
import { loadRateCards } from "../../../src/cards/load.js";
import { Exact, sum } from "../../../src/core/exact.js";
import { estimate } from "../../../src/core/estimate.js";
import { parseInstant } from "../../../src/core/instant.js";
import type { Workload } from "../../../src/core/types.js";

const book = loadRateCards();
const instants = ["2026-04-24", "2026-05-01", "2026-08-20", "2026-09-20", "2025-03-01", "2026-11-29"].map(parseInstant);
const count = fc.bigInt({ min: 0n, max: 10n ** 12n });
const arbWorkload = fc.record({ calls: count, cachedPrefix: count, miss: count, reply: count, reasoning: count });
type Raw = { calls: bigint; cachedPrefix: bigint; miss: bigint; reply: bigint; reasoning: bigint };
const toWorkload = (r: Raw, name = "w"): Workload => ({
  name,
  calls: Exact.int(r.calls),
  cachedPrefix: Exact.int(r.cachedPrefix),
  miss: Exact.int(r.miss),
  reply: Exact.int(r.reply),
  reasoning: Exact.int(r.reasoning),
});
const total = (ws: Workload[], asOf: number) => estimate(book, { workloads: ws }, { asOf }).estimates.map((e) => e.total);

describe("estimate properties", () => {
  it("is linear in calls", () => {
    fc.assert(
      fc.property(arbWorkload, fc.bigInt({ min: 0n, max: 1000n }), fc.constantFrom(...instants), (w, k, t) => {
        const one = total([toWorkload(w)], t);
        const scaled = total([toWorkload({ ...w, calls: w.calls * k })], t);
        return scaled.every((s, i) => s.eq(one[i]!.mul(Exact.int(k))));
      }),
    );
  });

  it("is additive across workloads", () => {
    fc.assert(
      fc.property(arbWorkload, arbWorkload, fc.constantFrom(...instants), (a, b, t) => {
        const both = total([toWorkload(a, "a"), toWorkload(b, "b")], t);
        const apart = [total([toWorkload(a)], t), total([toWorkload(b)], t)];
        return both.every((x, i) => x.eq(apart[0]![i]!.add(apart[1]![i]!)));
      }),
    );
  });

  it("is monotonic in each token count", () => {
    const keys = ["calls", "cachedPrefix", "miss", "reply", "reasoning"] as const;
    fc.assert(
      fc.property(arbWorkload, fc.constantFrom(...keys), fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.constantFrom(...instants), (w, key, extra, t) => {
        const base = total([toWorkload(w)], t);
        const more = total([toWorkload({ ...w, [key]: w[key] + extra })], t);
        return more.every((m, i) => m.cmp(base[i]!) >= 0);
      }),
    );
  });

  it("is exact: each line is tokens x rate / 1M with no rounding, and lines sum to the total", () => {
    fc.assert(
      fc.property(arbWorkload, fc.constantFrom(...instants), (w, t) => {
        const report = estimate(book, { workloads: [toWorkload(w)] }, { asOf: t });
        return report.estimates.every((e) => {
          const lines = e.items[0]!.lines;
          const exactLines = lines.every((l) => l.cost.mul(Exact.int(1000000)).eq(l.tokens.mul(l.rate)));
          const windowTokens = sum(lines.filter((l) => l.bucket === "output").map((l) => l.tokens));
          return exactLines && sum(lines.map((l) => l.cost)).eq(e.total) && windowTokens.eq(Exact.int(w.calls * w.reply));
        });
      }),
    );
  });
});
