// Conversations: the closed-form token sums against a turn-by-turn loop, and the issue's $0.3192 check.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Exact } from "../../../../src/core/exact.js";
import { estimate } from "../../../../src/core/estimate.js";
import { conversationTokens } from "../../../../src/core/forms/conversation.js";
import { workloadTotals } from "../../../../src/core/forms/totals.js";
import type { Conversation } from "../../../../src/core/types.js";
import { at, BOOK, plan, workload, x } from "../../../helpers/plans.js";

function conv(turns: number, system: number, user: number, reply: number, reasoning = 0, flags: Partial<Conversation> = {}): Conversation {
  return {
    turns: Exact.int(turns),
    system: Exact.int(system),
    user: Exact.int(user),
    reply: Exact.int(reply),
    reasoning: Exact.int(reasoning),
    historyCached: true,
    systemCached: true,
    ...flags,
  };
}

/** Turn by turn, as the API sees it: turn k sends system + (k-1)(user + reply) + user. */
function byTurns(T: number, S: number, U: number, R: number, Z: number, historyCached: boolean, systemCached: boolean) {
  let hit = 0n;
  let miss = 0n;
  for (let k = 1; k <= T; k++) {
    const history = BigInt((k - 1) * (U + R));
    const system = BigInt(S);
    if (k === 1 && !systemCached) miss += system;
    else hit += system;
    if (historyCached) hit += history;
    else miss += history;
    miss += BigInt(U);
  }
  return { hit, miss, output: BigInt(T * R), reasoning: BigInt(T * Z) };
}

describe("conversation", () => {
  it("matches the issue's check: 3 turns x 1000 conversations on V4-Flash = $0.3192", () => {
    const w = workload({ calls: Exact.int(1000), conversation: conv(3, 1000, 100, 200) });
    const t = workloadTotals(w);
    // By hand: hits 1000 + 1300 + 1600 = 3900 per conversation, misses 3 x 100, output 3 x 200.
    expect([t.hit, t.miss, t.output].map((v) => v.toDecimal())).toEqual(["3900000", "300000", "600000"]);
    const r = estimate(BOOK, plan(w), { asOf: at("2026-04-24"), models: [{ id: "deepseek-v4-flash" }] });
    // 3.9M x 0.028 + 0.3M x 0.14 + 0.6M x 0.28 = 0.1092 + 0.042 + 0.168
    expect(r.estimates[0]!.items[0]!.lines.map((l) => l.cost.toDecimal())).toEqual(["0.1092", "0.042", "0.168"]);
    expect(r.estimates[0]!.total.eq(x("0.3192"))).toBe(true);
  });

  it("equals the turn-by-turn sum for any shape and cache setting (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.boolean(),
        fc.boolean(),
        (T, S, U, R, Z, historyCached, systemCached) => {
          const got = conversationTokens(conv(T, S, U, R, Z, { historyCached, systemCached }));
          const want = byTurns(T, S, U, R, Z, historyCached, systemCached);
          expect([got.hit, got.miss, got.output, got.reasoning].map((v) => v.n)).toEqual([want.hit, want.miss, want.output, want.reasoning]);
          expect([got.hit, got.miss].every((v) => v.isInteger())).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("makes the history miss with history_cached: false, and the first system prompt with system_cached: false", () => {
    // 2 turns, system 10, user 1, reply 2: turn 1 sends 10 + 1, turn 2 sends 10 + 3 + 1.
    expect(conversationTokens(conv(2, 10, 1, 2, 0, { historyCached: false }))).toMatchObject({ hit: Exact.int(20), miss: Exact.int(5) });
    expect(conversationTokens(conv(2, 10, 1, 2, 0, { systemCached: false }))).toMatchObject({ hit: Exact.int(13), miss: Exact.int(12) });
  });

  it("bills reasoning per turn at the output price and never resends it", () => {
    const t = workloadTotals(workload({ conversation: conv(4, 0, 0, 10, 100) }));
    expect(t.reasoning.toDecimal()).toBe("400");
    expect(t.hit.toDecimal()).toBe(String(10 * (4 * 3) / 2)); // only replies come back as history
  });

  it("refuses per-call tokens next to a conversation", () => {
    expect(() => workloadTotals(workload({ miss: Exact.ONE, conversation: conv(1, 1, 1, 1) }))).toThrow(/conversation and also has per-call miss/);
  });
});
