// The built-in provider cards priced end to end: long-context tiers, modifiers, cache writes by retention and fees, against hand calculations.
import { describe, expect, it } from "vitest";
import { loadRateCards } from "../../../src/cards/load.js";
import type { Exact } from "../../../src/core/exact.js";
import { estimate } from "../../../src/core/estimate.js";
import { resolvePrice } from "../../../src/core/resolve.js";
import type { Workload } from "../../../src/core/types.js";
import { BOOK } from "../../helpers/cards.js";
import { at, fails, workload, x } from "../../helpers/plans.js";

const total = (model: string, w: Workload, asOf: string): string =>
  estimate(BOOK, { workloads: [w] }, { asOf: at(asOf), models: [{ id: model }] }).estimates[0]!.total.toDecimal();
const one = (f: Partial<Workload>) => workload({ calls: x(1), ...f });
const writes = (w: Record<string, Exact>) => ({ cacheWrites: w });

describe("Anthropic: Claude Opus 4.6 (long-context tier, fast mode, batch, US-only inference)", () => {
  // 150,000 cached + 40,000 uncached + 20,000 written = 210,000 input tokens: above 200,000.
  const long = one({ cachedPrefix: x(150000), miss: x(40000), reply: x(1000), ...writes({ "": x(20000) }) });
  // 150,000 + 40,000 + 10,000 = 200,000: not above.
  const edge = one({ cachedPrefix: x(150000), miss: x(40000), reply: x(1000), ...writes({ "": x(10000) }) });

  it("bills every token of a request above 200K input at the tier (before 2026-03-13)", () => {
    // 150000 x 1.00 + 40000 x 10 + 20000 x 12.50 + 1000 x 37.50 = 0.15 + 0.4 + 0.25 + 0.0375 per 1M
    expect(total("claude-opus-4-6", long, "2026-03-01")).toBe("0.8375");
    // 150000 x 0.50 + 40000 x 5 + 10000 x 6.25 + 1000 x 25 = 0.075 + 0.2 + 0.0625 + 0.025
    expect(total("claude-opus-4-6", edge, "2026-03-01")).toBe("0.3625");
  });

  it("drops the tier from 2026-03-13 (flat to 1M)", () => {
    // 150000 x 0.50 + 40000 x 5 + 20000 x 6.25 + 1000 x 25 = 0.075 + 0.2 + 0.125 + 0.025
    expect(total("claude-opus-4-6", long, "2026-03-13")).toBe("0.425");
  });

  it("prices fast mode at 6x the base price across the full window, and refuses it on batch", () => {
    // 6 x (150000 x 0.50 + 40000 x 5 + 20000 x 6.25 + 1000 x 25) = 6 x 0.425, no long-context surcharge
    expect(total("claude-opus-4-6", { ...long, serviceTier: "fast" }, "2026-03-01")).toBe("2.55");
    expect(fails(() => total("claude-opus-4-6", { ...long, serviceTier: "fast", batch: true }, "2026-03-01")).message).toMatch(/does not combine/);
  });

  it("marks an estimate reported when a line is priced at a reported tier or modifier", () => {
    const conf = (model: string, w: Workload, asOf: string) =>
      estimate(BOOK, { workloads: [w] }, { asOf: at(asOf), models: [{ id: model }] }).estimates[0]!.confidence;
    expect(conf("claude-opus-4-6", edge, "2026-03-01")).toBe("official"); // base prices: official
    expect(conf("claude-opus-4-6", long, "2026-03-01")).toBe("reported"); // the tier's cache prices are derived
    expect(conf("claude-opus-5", one({ miss: x(1) }), "2026-08-01")).toBe("official");
    expect(conf("claude-opus-5", one({ miss: x(1), serviceTier: "fast" }), "2026-08-01")).toBe("reported"); // fast 10 / 50: third parties
  });

  it("stacks batch (0.5) and US-only inference (1.1) on the tier", () => {
    expect(total("claude-opus-4-6", { ...long, batch: true, region: "us" }, "2026-03-01")).toBe("0.460625"); // 0.8375 x 0.55
  });

  it("prices 1-hour writes at their own price and rejects retentions the card does not know", () => {
    expect(total("claude-opus-4-6", one(writes({ "1h": x(10000) })), "2026-04-01")).toBe("0.1"); // 10000 x 10
    expect(fails(() => total("claude-opus-4-6", one(writes({ "2h": x(1) })), "2026-04-01")).hint).toBe('did you mean "1h" or "5m"?');
  });

  it("refuses US-only inference on a model from before Opus 4.6, and fast mode where its price is unknown", () => {
    expect(fails(() => total("claude-opus-4-5", one({ miss: x(1), region: "us" }), "2026-01-01")).message).toMatch(/unknown region "us"/);
    expect(fails(() => total("claude-fable-5-2", one({ miss: x(1), serviceTier: "fast" }), "2026-11-10")).message).toMatch(/unknown service tier "fast"/);
  });

  it("bands Claude Haiku 5.5 at 100,000 prompt tokens, output included", () => {
    // 100,001 uncached: 100001 x 0.50 + 1000 x 2.50 per 1M; 100,000: 100000 x 0.10 + 1000 x 0.50
    expect(total("claude-haiku-5-5", one({ miss: x(100001), reply: x(1000) }), "2026-11-01")).toBe("0.0525005");
    expect(total("claude-haiku-5-5", one({ miss: x(100000), reply: x(1000) }), "2026-11-01")).toBe("0.0105");
  });

  it("bills Claude Sonnet 5 at 2 / 10 after 2026-09-01 (the increase was cancelled)", () => {
    expect(total("claude-sonnet-5", one({ miss: x(1000000), reply: x(1000000) }), "2026-09-15")).toBe("12");
  });
});

describe("OpenAI: GPT-6.2 Sol (long context above 272K, batch, Ultrafast 3x -> 6x, 12-hour writes)", () => {
  // 200,000 cached + 80,000 uncached = 280,000 input tokens: above 272,000.
  const long = one({ cachedPrefix: x(200000), miss: x(80000), reply: x(2000) });

  it("bills the whole request at 2x input / 1.5x output above 272K", () => {
    // 200000 x 0.20 + 80000 x 4 + 2000 x 15 = 0.04 + 0.32 + 0.03
    expect(total("gpt-6.2-sol", long, "2026-12-01")).toBe("0.39");
    // 192,000 + 80,000 = 272,000: not above: 192000 x 0.10 + 80000 x 2 + 2000 x 10
    expect(total("gpt-6.2-sol", { ...long, cachedPrefix: x(192000) }, "2026-12-01")).toBe("0.1992");
  });

  it("halves it on batch", () => {
    expect(total("gpt-6.2-sol", { ...long, batch: true }, "2026-12-01")).toBe("0.195");
  });

  it("prices Ultrafast at 3x through 2027-02-28 and 6x from 2027-03-01", () => {
    expect(total("gpt-6.2-sol", { ...long, serviceTier: "ultrafast" }, "2027-02-28T23:59:59Z")).toBe("1.17");
    expect(total("gpt-6.2-sol", { ...long, serviceTier: "ultrafast" }, "2027-03-01")).toBe("2.34");
  });

  it("prices 30-minute and 12-hour cache writes, and has no Flex", () => {
    expect(total("gpt-6.2-sol", one(writes({ "": x(10000), "12h": x(10000) })), "2026-12-01")).toBe("0.075"); // 10000 x 2.50 + 10000 x 5
    expect(fails(() => total("gpt-6.2-sol", one({ miss: x(1), serviceTier: "flex" }), "2026-12-01")).message).toMatch(/unknown service tier "flex"/);
  });

  it("prices GPT-5.6 Sol's fast mode at 2x the list price during the promotion", () => {
    // fast 10 / 60 while Standard is 4 / 20: 100000 x 10 + 100000 x 60 vs 100000 x 4 + 100000 x 20 per 1M
    expect(total("gpt-5.6-sol", one({ miss: x(100000), reply: x(100000), serviceTier: "fast" }), "2026-10-01")).toBe("7");
    expect(total("gpt-5.6-sol", one({ miss: x(100000), reply: x(100000) }), "2026-10-01")).toBe("2.4");
    // a 1M-token prompt is long context: 1e6 x 8 + 1e6 x 30 on Standard; fast's explicit prices have no tier
    expect(total("gpt-5.6-sol", one({ miss: x(1000000), reply: x(1000000) }), "2026-10-01")).toBe("38");
    expect(total("gpt-5.6-sol", one({ miss: x(1000000), reply: x(1000000), serviceTier: "fast" }), "2026-10-01")).toBe("70");
  });

  it("bills writes of pre-5.6 models at the cache-miss price, and says so", () => {
    const lines = estimate(BOOK, { workloads: [one(writes({ "": x(100000) }))] }, { asOf: at("2026-06-01"), models: [{ id: "gpt-5.4" }] }).estimates[0]!.items[0]!.lines;
    const w = lines.find((l) => l.bucket === "input_cache_write")!;
    expect([w.rate.toDecimal(), w.note]).toEqual(["2.5", "no cache-write price: billed at the cache-miss price"]);
  });
});

describe("Google: Gemini 3.1 Pro Preview, 4 Argon, 4 Neon (200K tier, scheduled doubling, priority, grounding fee)", () => {
  it("switches input and output prices of a prompt above 200K", () => {
    expect(total("gemini-3.1-pro-preview", one({ miss: x(200001), reply: x(1000) }), "2026-06-01")).toBe("0.818004"); // 200001 x 4 + 1000 x 18
    expect(total("gemini-3.1-pro-preview", one({ miss: x(200000), reply: x(1000) }), "2026-06-01")).toBe("0.412"); // 200000 x 2 + 1000 x 12
  });

  it("doubles Gemini 4 Argon on 2026-12-01", () => {
    const w = one({ miss: x(1000000), reply: x(1000000) });
    expect(total("gemini-4-argon", w, "2026-11-30T23:59:59Z")).toBe("12");
    expect(total("gemini-4-argon", w, "2026-12-01")).toBe("24");
  });

  it("prices Gemini 4 Neon's priority tier at 1.8x (5.40 / 27) and flex at half", () => {
    const w = one({ miss: x(1000000), reply: x(1000000) });
    expect(total("gemini-4-neon", { ...w, serviceTier: "priority" }, "2026-11-20")).toBe("32.4");
    expect(total("gemini-4-neon", { ...w, serviceTier: "flex" }, "2026-11-20")).toBe("9");
  });

  it("bills grounded requests at 14 per 1,000", () => {
    const w = workload({ calls: x(1000), miss: x(1000), requests: { search: x(2) } });
    expect(total("gemini-3.8-flash", w, "2026-11-01")).toBe("28.75"); // 2000 x 14 / 1000 + 1e6 x 0.75
  });
});

describe("names across the built-in cards", () => {
  it("fails on an id two loaded cards define, listing the qualified choices", () => {
    const book = loadRateCards([{ file: "router.yaml", text: "provider: router\ncurrency: USD\nmodels:\n  gpt-6.2-sol:\n    versions:\n      - {from: 2026-11-17, input_cache_hit: 1, input_cache_miss: 3, output: 12}\n" }]);
    expect(fails(() => resolvePrice(book, "gpt-6.2-sol", at("2026-12-01"))).hint).toBe('write one of "openai/gpt-6.2-sol", "router/gpt-6.2-sol"');
    expect(resolvePrice(book, "openai/gpt-6.2-sol", at("2026-12-01")).version.flat!.output.toDecimal()).toBe("10");
  });

  it("suggests the closest id for an unknown one and names a retired model's date", () => {
    expect(fails(() => resolvePrice(BOOK, "gpt-6.2-sool", at("2026-12-01"))).hint).toBe('did you mean "gpt-6.2-sol" or "gpt-6.1-sol"?');
    expect(fails(() => resolvePrice(BOOK, "claude-sonnet-4-20250514", at("2026-06-15"))).message).toMatch(/^model "claude-sonnet-4" was retired at 2026-06-15; use "claude-sonnet-4-5" instead/);
  });
});
