// LiteLLM import: exact per-1M decimals from per-token floats, cache-hit prices, flags, and a card that loads.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importLitellm, perMillion } from "../../../src/cards/import-litellm.js";
import { loadRateCards } from "../../../src/cards/load.js";
import { Exact } from "../../../src/core/exact.js";
import { estimate } from "../../../src/core/estimate.js";
import { parseInstant } from "../../../src/core/instant.js";
import { resolvePrice } from "../../../src/core/resolve.js";
import { InputError } from "../../../src/core/errors.js";
import { ROOT } from "../../helpers/cli.js";

const FILE = "test/fixtures/litellm/model_prices_and_context_window.json";
const text = readFileSync(join(ROOT, FILE), "utf8");
const result = importLitellm(text, FILE, { from: "2026-04-24" });
const book = loadRateCards([{ file: "imported.yaml", text: result.yaml }], { builtIn: false });
const at = parseInstant("2026-04-24");

/** The three prices of a model in the imported card, as decimal strings. */
function prices(id: string): string[] {
  const v = resolvePrice(book, id, at).version.flat!;
  return [v.input_cache_hit.toDecimal(), v.input_cache_miss.toDecimal(), v.output.toDecimal()];
}

describe("perMillion", () => {
  it("scales the number's source text exactly, where float arithmetic would not", () => {
    expect(2.19e-6 * 1e6).not.toBe(2.19); // 2.1900000000000004: why the float is never multiplied
    expect(perMillion("2.19e-6")).toBe("2.19");
    expect(perMillion("3.96e-06")).toBe("3.96");
    expect(perMillion("2.8e-7")).toBe("0.28");
    expect(perMillion("0.000000028")).toBe("0.028");
    expect(perMillion("3.125E-7")).toBe("0.3125");
    expect(perMillion("1e-5")).toBe("10");
    expect(perMillion("0")).toBe("0");
    expect(String(0.00000300000000000000001)).toBe("0.000003"); // what the float keeps
    expect(perMillion("0.00000300000000000000001")).toBe("3.00000000000000001");
  });
});

describe("importLitellm", () => {
  it("converts every per-token chat model of the fixture into a card that loads", () => {
    expect([...book.models.values()].map((m) => m.id).sort()).toEqual([
      "bedrock/us.anthropic.claude-3-5-haiku-20241022-v1:0",
      "deepseek/deepseek-chat",
      "deepseek/deepseek-reasoner",
      "deepseek/deepseek-v4-flash",
      "ft:gpt-4o-mini-2024-07-18",
      "gemini/gemini-2.5-pro",
      "gpt-4o",
      "mistral/mistral-small-latest",
    ]);
    expect(result.models).toBe(8);
  });

  it("keeps cache_read_input_token_cost as the cache-hit price, per 1M tokens", () => {
    // fixture per-token prices (hit, miss, output) x 1,000,000, worked by hand
    expect(prices("deepseek/deepseek-chat")).toEqual(["0.07", "0.27", "1.1"]);
    expect(prices("deepseek/deepseek-reasoner")).toEqual(["0.14", "0.55", "2.19"]);
    expect(prices("deepseek/deepseek-v4-flash")).toEqual(["0.028", "0.14", "0.28"]);
    expect(prices("gpt-4o")).toEqual(["1.25", "2.5", "10"]);
    expect(prices("gemini/gemini-2.5-pro")).toEqual(["0.3125", "1.25", "10"]);
    expect(prices("bedrock/us.anthropic.claude-3-5-haiku-20241022-v1:0")).toEqual(["0.08", "0.8", "4"]);
  });

  it("flags a model without a cache-hit price, and a tier missing a bucket, in the card and in a warning", () => {
    expect(prices("mistral/mistral-small-latest")).toEqual(["0.1", "0.1", "0.3"]);
    expect(result.yaml).toMatch(/# FLAG: LiteLLM has no cache_read_input_token_cost .*\n {2}mistral\/mistral-small-latest:/);
    expect(result.warnings).toEqual([
      expect.stringMatching(/^"gemini\/gemini-2\.5-pro": the tier above 200000 tokens lacks cache_read_input_token_cost/),
      expect.stringMatching(/^"mistral\/mistral-small-latest" has no cache_read_input_token_cost/),
    ]);
    expect(result.yaml.match(/FLAG:/g)).toHaveLength(2);
  });

  it("carries cache writes, long-context tiers, batch and limits; a zero write cost bills writes at the miss price", () => {
    const v = (id: string) => resolvePrice(book, id, at).version;
    const gemini = v("gemini/gemini-2.5-pro");
    expect(gemini.tiers!.map((t) => [t.above.toDecimal(), t.prices.input_cache_hit.toDecimal(), t.prices.input_cache_miss.toDecimal(), t.prices.output.toDecimal()])).toEqual([["200000", "2.5", "2.5", "15"]]);
    expect([gemini.contextWindow!.toDecimal(), gemini.maxOutput!.toDecimal()]).toEqual(["1048576", "65535"]);
    expect(v("bedrock/us.anthropic.claude-3-5-haiku-20241022-v1:0").flat!.input_cache_write!.toDecimal()).toBe("1");
    expect(v("gpt-4o").modifiers!.batch!.multiplier!.toDecimal()).toBe("0.5");
    expect(v("deepseek/deepseek-chat").flat!.input_cache_write).toBeUndefined();
    expect(result.yaml).toMatch(/# cache_creation_input_token_cost is 0: cache writes are billed at the cache-miss price .*\n {2}deepseek\/deepseek-chat:/);
    expect(result.yaml).not.toMatch(/# not carried/);
  });

  it("carries Anthropic's 1-hour writes and every tier bucket, lists what it cannot carry and counts it", () => {
    const r = importLitellm(readFileSync(join(ROOT, "test/fixtures/litellm/v2.json"), "utf8"), "v2.json", { from: "2026-04-24" });
    const b = loadRateCards([{ file: "v2.yaml", text: r.yaml }], { builtIn: false });
    const v = resolvePrice(b, "claude-sonnet-4-5", at).version;
    expect([v.flat!.input_cache_write!.toDecimal(), v.flat!.writes!["1h"]!.toDecimal(), v.defaultRetention]).toEqual(["3.75", "6", "5m"]);
    const t = v.tiers![0]!;
    expect([t.above.toDecimal(), t.prices.input_cache_hit.toDecimal(), t.prices.input_cache_write!.toDecimal(), t.prices.writes!["1h"]!.toDecimal(), t.prices.output.toDecimal()]).toEqual(["200000", "0.6", "7.5", "12", "22.5"]);
    expect(v.modifiers!.batch!.multiplier!.toDecimal()).toBe("0.5");
    expect(r.yaml).toMatch(/# not carried \(a rate card has no place for them\): search_context_cost_per_query, input_cost_per_audio_token\n {2}claude-sonnet-4-5:/);
    expect(r.warnings).toContain("2 price fields not carried (listed in the card's comments above each model)");
    const odd = resolvePrice(b, "odd-batch", at).version.modifiers!.batch!;
    expect([odd.multiplier, odd.prices!.input_cache_miss.toDecimal(), odd.prices!.output.toDecimal(), odd.prices!.input_cache_hit.toDecimal()]).toEqual([undefined, "0.5", "1.5", "0.5"]);
    expect(r.yaml).toMatch(/# FLAG: batch input and output are discounted differently/);
  });

  it("prices the reference workload on the imported Flash card at $168 (2e9 x 0.028 + 2e8 x 0.14 + 3e8 x 0.28 per 1M)", () => {
    const w = { name: "ref", calls: Exact.int(1_000_000), cachedPrefix: Exact.int(2000), miss: Exact.int(200), reply: Exact.int(300), reasoning: Exact.ZERO };
    const report = estimate(book, { workloads: [w] }, { asOf: at, models: [{ id: "deepseek/deepseek-v4-flash" }] });
    expect(report.estimates[0]!.total.toDecimal()).toBe("168");
  });

  it("reads every price from the JSON text, so one a double cannot hold imports exactly", () => {
    // Each literal below differs from its nearest double; JSON.parse would round all of them.
    const json = `{
  "dup": {"input_cost_per_token": 9e-6, "output_cost_per_token": 9e-6},
  "m": {
    "input_cost_per_token": 0.00000300000000000000001,
    "output_cost_per_token": 1.0000000000000000001e-5,
    "cache_read_input_token_cost": 3.00000000000000000001E-7,
    "cache_creation_input_token_cost": 3.750000000000000000001e-6,
    "input_cost_per_token_above_200k_tokens": 6.00000000000000000001e-6,
    "output_cost_per_token_above_200k_tokens": 2.00000000000000000001e-5,
    "input_cost_per_token_batches": 1.500000000000000000005e-6,
    "output_cost_per_token_batches": 5.0000000000000000001e-6,
    "nested": {"input_cost_per_token": 5e-6}, "list": [1e-6, {"output_cost_per_token": 7e-6}]
  },
  "dup": {"input_cost_per_token": 0.1000000000000000000001e-5, "output_cost_per_token": 2e-6}
}`;
    expect(JSON.parse(json).m.input_cost_per_token).toBe(3e-6);
    const r = importLitellm(json, "exact.json", { from: "2026-01-01" });
    const b = loadRateCards([{ file: "exact.yaml", text: r.yaml }], { builtIn: false });
    const v = resolvePrice(b, "m", parseInstant("2026-01-01")).version;
    const f = v.flat!;
    expect([f.input_cache_miss, f.output, f.input_cache_hit, f.input_cache_write!].map((x) => x.toDecimal())).toEqual(["3.00000000000000001", "10.000000000000000001", "0.300000000000000000001", "3.750000000000000000001"]);
    const t = v.tiers![0]!.prices;
    expect([t.input_cache_miss, t.output].map((x) => x.toDecimal())).toEqual(["6.00000000000000000001", "20.0000000000000000001"]);
    // as floats both batch prices are half the base ones (a 0.5 multiplier); as written they are not
    const batch = v.modifiers!.batch!;
    expect([batch.multiplier, batch.prices!.input_cache_miss.toDecimal(), batch.prices!.output.toDecimal()]).toEqual([undefined, "1.500000000000000000005", "5.0000000000000000001"]);
    // a later duplicate entry wins whole, as in JSON.parse
    const d = resolvePrice(b, "dup", parseInstant("2026-01-01")).version.flat!;
    expect([d.input_cache_miss, d.output].map((x) => x.toDecimal())).toEqual(["1.000000000000000000001", "2"]);
  });

  it("finds each price's text whatever surrounds it: escaped keys, nesting, arrays, duplicates, spacing", () => {
    const price = fc.double({ min: 0, max: 1, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v));
    const entry = fc.record({ input_cost_per_token: price, output_cost_per_token: price, cache_read_input_token_cost: price, "x\"y\\": fc.jsonValue(), nested: fc.dictionary(fc.string(), fc.jsonValue()) });
    const file = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9.-]{0,8}$/), entry, { minKeys: 1 });
    fc.assert(
      fc.property(file, fc.constantFrom(undefined, 1, "\t"), (models, indent) => {
        const r = importLitellm(JSON.stringify(models, null, indent), "f.json", { from: "2026-01-01" });
        const b = loadRateCards([{ file: "f.yaml", text: r.yaml }], { builtIn: false });
        for (const [id, e] of Object.entries(models)) {
          const f = resolvePrice(b, id, at).version.flat!;
          // JSON.stringify writes each double as its shortest decimal, so the text and String(v) agree
          const want = [e.cache_read_input_token_cost, e.input_cost_per_token, e.output_cost_per_token].map((v) => Exact.parseDecimal(String(v))!.mul(Exact.int(1_000_000)).toDecimal());
          expect([f.input_cache_hit, f.input_cache_miss, f.output].map((x) => x.toDecimal())).toEqual(want);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("fails with a location on a price too long to read exactly", () => {
    const long = `1${"0".repeat(1000)}e-1006`; // 1e-6, but 1,001 digits
    try {
      importLitellm(`{"m": {"output_cost_per_token": 1e-6,\n "input_cost_per_token": ${long}}}`, "x.json", { from: "2026-01-01" });
      throw new Error("expected an InputError");
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).message).toBe('"m".input_cost_per_token: a number of 1007 characters is too long to read exactly');
      expect((err as InputError).where).toEqual({ file: "x.json", line: 2, col: 26 });
    }
  });

  it("filters by provider, skips unusable ids and fails on bad JSON or prices with a location", () => {
    const only = importLitellm(text, FILE, { from: "2026-04-24", providers: ["deepseek"] });
    expect(only.models).toBe(3);
    const odd = importLitellm(JSON.stringify({ "bad id with spaces": { input_cost_per_token: 1e-6, output_cost_per_token: 2e-6, cache_read_input_token_cost: 1e-7 }, ok: { input_cost_per_token: 1e-6, output_cost_per_token: 2e-6, cache_read_input_token_cost: 1e-7 } }), "x.json", { from: "2026-01-01" });
    expect(odd.models).toBe(1);
    expect(odd.warnings).toEqual([expect.stringMatching(/^skipped "bad id with spaces": not a usable model id/)]);
    const fail = (json: string) => {
      try {
        importLitellm(json, "x.json", { from: "2026-01-01" });
      } catch (err) {
        return err as InputError;
      }
      throw new Error("expected an InputError");
    };
    const syntax = fail('{\n  "a": {\n    "input_cost_per_token": 1e-6,\n  }\n}');
    expect(syntax.where).toEqual({ file: "x.json", line: 4, col: 3 });
    const negative = fail('{\n  "m": {\n    "output_cost_per_token": 1e-6,\n    "input_cost_per_token": -1e-6\n  }\n}');
    expect(negative.message).toBe('"m".input_cost_per_token: -0.000001 is not a price per token');
    expect(negative.where).toEqual({ file: "x.json", line: 4, col: 5 });
    expect(fail('{"m": {"input_cost_per_token": "2.8e-07", "output_cost_per_token": 1e-6}}').message).toMatch(/"2\.8e-07" is not a price per token/);
    expect(fail("[]").message).toMatch(/expected a JSON object/);
    expect(fail('{"dall-e-3": {"mode": "image_generation", "output_cost_per_pixel": 0}}').message).toMatch(/no model with per-token/);
  });
});
