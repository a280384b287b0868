// Report currencies: CNY prices the card publishes, an explicit --fx conversion, and cards that must fail.
import Ajv from "ajv";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadRateCards } from "../../../src/cards/load.js";
import { Exact } from "../../../src/core/exact.js";
import { estimate } from "../../../src/core/estimate.js";
import { findModel } from "../../../src/core/resolve.js";
import { ROOT } from "../../helpers/cli.js";
import { at, BOOK, plan, workload, x } from "../../helpers/plans.js";

const WORKED = workload({ calls: x("1e6"), cachedPrefix: Exact.int(2000), miss: Exact.int(200), reply: Exact.int(300) });

describe("currencies", () => {
  it("uses the CNY prices the card publishes: the worked example is ¥1,200 on Flash, ¥11,600 on Pro at launch", () => {
    const r = estimate(BOOK, plan(WORKED), { asOf: at("2026-04-24"), currency: "CNY" });
    expect(r.currency).toBe("CNY");
    // Flash ¥0.2 / 1 / 2: 2000 x 0.2 + 200 x 1 + 300 x 2 = 1200. Pro ¥1 / 12 / 24: 2000 + 2400 + 7200.
    expect(r.estimates.map((e) => [e.model, e.total.toDecimal(), e.conversion])).toEqual([
      ["deepseek-v4-flash", "1200", null],
      ["deepseek-v4-pro", "11600", null],
    ]);
  });

  it("uses published peak and off-peak CNY prices", () => {
    const r = estimate(BOOK, plan(WORKED), { asOf: at("2026-11-02"), currency: "CNY", peakShare: Exact.ZERO, models: [{ id: "deepseek-flash" }] });
    // Off-peak ¥0.02 / 1 / 4: 40 + 200 + 1200.
    expect(r.estimates[0]!.total.eq(Exact.int(1440))).toBe(true);
  });

  it("refuses a currency the card does not publish unless --fx is given, then converts and says so", () => {
    const opts = { asOf: at("2026-05-01"), currency: "CNY", models: [{ id: "deepseek-v4-flash" }] };
    expect(() => estimate(BOOK, plan(WORKED), opts)).toThrow(/no published CNY prices.*2026-04-26 12:15 UTC/);
    const e = estimate(BOOK, plan(WORKED), { ...opts, fx: x("7.1") }).estimates[0]!;
    // USD at 2026-05-01: 2000 x 0.0028 + 200 x 0.14 + 300 x 0.28 = 117.6; x 7.1 = 834.96.
    expect(e.total.eq(x("834.96"))).toBe(true);
    expect(e.conversion).toEqual({ from: "USD", rate: x("7.1") });
  });

  it("leaves reports in the card's currency untouched (no conversion key)", () => {
    const e = estimate(BOOK, plan(WORKED), { asOf: at("2026-04-24"), currency: "USD", models: [{ id: "deepseek-v4-flash" }] }).estimates[0]!;
    expect(e.total.eq(Exact.int(168))).toBe(true);
    expect(e.conversion).toBeUndefined();
  });
});

const CARD = (version: string) => `currency: USD
models:
  m:
    versions:
      - from: 2026-01-01
${version}`;

const BAD_CARDS: [string, string, RegExp][] = [
  ["flat prices with peak CNY", "        input_cache_hit: 1\n        input_cache_miss: 1\n        output: 1\n        currencies:\n          CNY: { peak: { input_cache_hit: 1, input_cache_miss: 1, output: 1 } }\n", /unknown key "models.m.versions\[0\].currencies.CNY.peak"/],
  ["a lower-case code", "        input_cache_hit: 1\n        input_cache_miss: 1\n        output: 1\n        currencies:\n          cny: { input_cache_hit: 1, input_cache_miss: 1, output: 1 }\n", /not a currency code/],
  ["a missing price", "        input_cache_hit: 1\n        input_cache_miss: 1\n        output: 1\n        currencies:\n          CNY: { input_cache_hit: 1, input_cache_miss: 1 }\n", /currencies.CNY.output" is missing/],
  ["prices on an alias", "        billed_as: n\n        currencies:\n          CNY: { input_cache_hit: 1, input_cache_miss: 1, output: 1 }\n", /only goes with prices/],
];

describe("currencies in cards: the loader and the schema reject the same mistakes", () => {
  const schema = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, "schema/rate-card.schema.json"), "utf8")));

  it.each(BAD_CARDS)("%s", (_name, version, message) => {
    const text = CARD(version);
    expect(() => loadRateCards([{ file: "bad.yaml", text }], { builtIn: false })).toThrow(message);
    expect(schema(parse(text))).toBe(false);
  });

  it("accepts the built-in card's CNY prices in both shapes", () => {
    expect(schema(parse(readFileSync(join(ROOT, "rates/deepseek.yaml"), "utf8")))).toBe(true);
    const v = findModel(BOOK, "deepseek-v4-pro").versions.find((v) => v.kind === "price" && v.currencies?.get("CNY")?.peak);
    expect(v && v.kind === "price" && v.currencies!.get("CNY")!.offPeak!.output.toDecimal()).toBe("13.5");
  });
});
