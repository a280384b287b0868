// The estimate core: the reference case, later prices, windows, reasoning, model assignment.
import { describe, expect, it } from "vitest";
import { loadRateCards } from "../../../src/cards/load.js";
import { Exact } from "../../../src/core/exact.js";
import { estimate, multiples } from "../../../src/core/estimate.js";
import { parseInstant } from "../../../src/core/instant.js";
import type { Plan, Workload } from "../../../src/core/types.js";

const book = loadRateCards();
const n = (v: number | bigint) => Exact.int(BigInt(v));
const workload = (w: Partial<Record<"calls" | "cachedPrefix" | "miss" | "reply" | "reasoning", number>>, name = "w"): Workload => ({
  name,
  calls: n(w.calls ?? 0),
  cachedPrefix: n(w.cachedPrefix ?? 0),
  miss: n(w.miss ?? 0),
  reply: n(w.reply ?? 0),
  reasoning: n(w.reasoning ?? 0),
});
const reference = workload({ calls: 1_000_000, cachedPrefix: 2000, miss: 200, reply: 300 }, "chat");
const plan = (workloads: Workload[], models?: string[]): Plan => ({ workloads, models: models?.map((id) => ({ id })) });
const totals = (t: string, models?: string[], w = [reference], peakShare?: Exact) =>
  Object.fromEntries(estimate(book, plan(w, models), { asOf: parseInstant(t), peakShare }).estimates.map((e) => [e.model, e.total.toDecimal()]));

describe("estimate", () => {
  it("reproduces the reference case at the launch prices, line by line", () => {
    const report = estimate(book, plan([reference]), { asOf: parseInstant("2026-04-24") });
    const lines = report.estimates.map((e) => [e.model, ...e.items[0]!.lines.map((l) => l.cost.toDecimal()), e.total.toDecimal()]);
    expect(lines).toEqual([
      ["deepseek-v4-flash", "56", "28", "84", "168"],
      ["deepseek-v4-pro", "290", "348", "1044", "1682"],
    ]);
    expect(multiples(report).map((m) => m!.toFixedPlaces(2))).toEqual(["1.00", "10.01"]);
  });

  it("uses the cache-hit cut and the Pro discount after 2026-04-26 12:15", () => {
    // Flash: 2000 x 0.0028 + 200 x 0.14 + 300 x 0.28 = 5.6 + 28 + 84. Pro: 7.25 + 87 + 261.
    expect(totals("2026-05-01")).toEqual({ "deepseek-v4-flash": "117.6", "deepseek-v4-pro": "355.25" });
  });

  it("splits windowed prices by the calendar's typical-week peak share", () => {
    // Flash at 5/24 peak: (2000*(5*0.014+19*0.007) + 200*(5*0.44+19*0.22) + 300*(5*1.32+19*0.66)) / 24 = 7424/24.
    expect(totals("2026-09-01", ["deepseek-v4-flash"])["deepseek-v4-flash"]).toBe(Exact.of(7424n, 24n).toDecimal());
    // Pro in the every-day week at 7/24: (2000*0.682 + 200*20.46 + 300*61.38) / 24 = 23870/24.
    expect(totals("2026-08-20", ["deepseek-v4-pro"])["deepseek-v4-pro"]).toBe(Exact.of(23870n, 24n).toDecimal());
    // deepseek-flash today: (2000*0.087 + 200*4.35 + 300*17.4) / 24 = 261 exactly.
    expect(totals("2026-11-29", ["deepseek-flash"])["deepseek-flash"]).toBe("261");
    // The 2025 window: 2/3 of calls at standard prices. (2000*0.175 + 200*0.675 + 300*2.75) / 3.
    expect(totals("2025-03-01", ["deepseek-chat"])["deepseek-chat"]).toBe(Exact.of(1310n, 3n).toDecimal());
  });

  it("honours an explicit peak share, all off-peak included", () => {
    // All off-peak on deepseek-flash: 2000*0.003 + 200*0.15 + 300*0.6 = 6 + 30 + 180.
    const report = estimate(book, plan([reference], ["deepseek-flash"]), { asOf: parseInstant("2026-11-29"), peakShare: Exact.ZERO });
    expect(report.estimates[0]!.total.toDecimal()).toBe("216");
    expect(report.estimates[0]!.items[0]!.lines.every((l) => l.window === "off-peak")).toBe(true);
  });

  it("bills reasoning tokens at the output price on their own line", () => {
    const r = estimate(book, plan([workload({ calls: 1000, reply: 100, reasoning: 900 })], ["deepseek-v4-flash"]), { asOf: parseInstant("2026-04-24") });
    const reasoning = r.estimates[0]!.items[0]!.lines.find((l) => l.bucket === "reasoning")!;
    expect([reasoning.tokens.toDecimal(), reasoning.rate.toDecimal(), reasoning.cost.toDecimal()]).toEqual(["900000", "0.28", "0.252"]);
  });

  it("reports aliases as billed-as and follows them to the target's prices", () => {
    const r = estimate(book, plan([reference], ["deepseek-chat"]), { asOf: parseInstant("2026-05-01") });
    expect(r.estimates[0]!.billedAs).toBe("deepseek-v4-flash");
    expect(r.estimates[0]!.total.toDecimal()).toBe("117.6");
  });

  it("defaults to current, non-alias, non-retired models", () => {
    expect(Object.keys(totals("2026-04-24"))).toEqual(["deepseek-v4-flash", "deepseek-v4-pro"]);
    expect(Object.keys(totals("2026-11-29"))).toEqual(["deepseek-flash", "deepseek-v4-pro"]);
    expect(Object.keys(totals("2025-06-01"))).toEqual(["deepseek-chat", "deepseek-reasoner"]);
  });

  it("prices item-level models only on their items and refuses a model no item uses", () => {
    const nightly = { ...workload({ calls: 30000, miss: 3000, reply: 3000 }, "nightly"), models: [{ id: "deepseek-v4-pro" }] };
    const r = estimate(book, plan([reference, nightly], ["deepseek-v4-flash"]), { asOf: parseInstant("2026-04-24") });
    expect(r.estimates.map((e) => [e.model, e.items.map((i) => i.workload)])).toEqual([
      ["deepseek-v4-flash", ["chat"]],
      ["deepseek-v4-pro", ["nightly"]],
    ]);
    expect(() => estimate(book, plan([nightly]), { asOf: parseInstant("2026-04-24"), models: [{ id: "deepseek-v4-flash" }] })).toThrow(/applies to no workload item/);
  });
});
