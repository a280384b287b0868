// Parameters by name: each sets the field of its workload form, and refuses forms it does not apply to.
import { describe, expect, it } from "vitest";
import { Exact } from "../../../src/core/exact.js";
import { paramName, PARAMS } from "../../../src/core/params.js";
import { workloadTotals } from "../../../src/core/forms/totals.js";
import { plan, workload, x } from "../../helpers/plans.js";

const chat = workload({
  calls: Exact.int(2),
  conversation: { turns: Exact.int(2), system: Exact.int(10), user: Exact.int(1), reply: Exact.int(2), reasoning: Exact.ZERO, historyCached: true, systemCached: true },
});
const apply = (name: string, w = chat, v = Exact.int(3)) => PARAMS.get(name)!.apply({ plan: plan(w), opts: { asOf: 0 } }, v).plan.workloads[0]!;

describe("parameters", () => {
  it("normalises names and suggests close ones", () => {
    expect(paramName("Cached_Prefix")).toBe("cached-prefix");
    expect(paramName("as-of", ["as-of"])).toBe("as-of");
    expect(() => paramName("turn")).toThrow(expect.objectContaining({ message: 'unknown parameter "turn"', hint: expect.stringMatching(/did you mean "turns"/) }));
  });

  it("sets a conversation's own reply, turns and system prompt", () => {
    expect(apply("reply").conversation!.reply.toDecimal()).toBe("3");
    expect(apply("turns").conversation!.turns.toDecimal()).toBe("3");
    expect(apply("system").conversation!.system.toDecimal()).toBe("3");
    // 3 turns, system 10, user 1, reply 2: hits 10 + 13 + 16 = 39 per conversation, 2 conversations.
    expect(workloadTotals(apply("turns")).hit.toDecimal()).toBe("78");
  });

  it("refuses parameters of another form, naming the ones that apply", () => {
    expect(() => apply("miss")).toThrow(/miss does not apply to workload "w", which is a conversation/);
    expect(() => apply("turns", workload())).toThrow(/which is a fixed cached_prefix \/ miss split/);
    expect(() => apply("input", workload())).toThrow(/input does not apply/);
  });

  it("checks values: whole counts, turns from 1, shares within 0..1", () => {
    expect(() => apply("calls", chat, x("2.5"))).toThrow(/whole number/);
    expect(() => apply("turns", chat, Exact.ZERO)).toThrow(/at least 1/);
    expect(() => apply("cache-hit-rate", workload(), x("1.5"))).toThrow(/share from 0 to 1/);
  });
});
