// The v2 card language: cache writes, tiers, modifiers, limits, fees and snapshots load exactly; bad names fail with did-you-mean.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRateCards } from "../../../src/cards/load.js";
import { parseCard } from "../../../src/cards/parse-card.js";
import { fromSnapshot, toSnapshot } from "../../../src/cards/snapshot.js";
import { InputError } from "../../../src/core/errors.js";
import { parseInstant } from "../../../src/core/instant.js";
import { resolvePrice } from "../../../src/core/resolve.js";
import type { PriceVersion } from "../../../src/core/types.js";
import { ROOT } from "../../helpers/cli.js";

const FILE = "test/fixtures/cards/v2-card.yaml";
const text = readFileSync(join(ROOT, FILE), "utf8");
const book = () => loadRateCards([{ file: FILE, text }], { builtIn: false });
const at = parseInstant("2026-11-01");

/** The error a card text fails with (a version is appended under one model). */
function cardError(versionYaml: string, extra = ""): InputError {
  const card = `currency: USD\n${extra}models:\n  m:\n    versions:\n      - from: 2026-01-01\n        input_cache_hit: 0.1\n        input_cache_miss: 1\n        output: 4\n${versionYaml}`;
  try {
    loadRateCards([{ file: "bad.yaml", text: card }], { builtIn: false });
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error("the card loaded");
}

describe("rate-card v2 language", () => {
  it("reads cache writes by retention, the default retention and limits exactly", () => {
    const v = resolvePrice(book(), "test-large", at).version;
    expect(v.flat!.input_cache_write!.toDecimal()).toBe("3.75");
    expect(v.flat!.writes!["1h"]!.toDecimal()).toBe("6");
    expect(v.defaultRetention).toBe("5m");
    expect(v.contextWindow!.toDecimal()).toBe("1000000");
    expect(v.maxOutput!.toDecimal()).toBe("64000");
  });

  it("reads long-context tiers with their own prices", () => {
    const v = resolvePrice(book(), "test-large", at).version;
    expect(v.tiers!.map((t) => [t.above.toDecimal(), t.prices.output.toDecimal(), t.prices.writes!["1h"]!.toDecimal(), t.confidence])).toEqual([["200000", "22.5", "12", "reported"]]);
  });

  it("reads modifiers: kinds, multipliers, explicit prices, applies_to, stacking and excludes", () => {
    const m = resolvePrice(book(), "test-large", at).version.modifiers!;
    expect(Object.keys(m)).toEqual(["batch", "fast", "flex", "us", "priority"]);
    expect([m.batch!.kind, m.batch!.multiplier!.toDecimal(), m.batch!.excludes]).toEqual(["batch", "0.5", ["fast"]]);
    expect([m.fast!.kind, m.fast!.stacksWithTiers, m.fast!.stacksWithCache]).toEqual(["service_tier", false, true]);
    expect(m.flex!.prices!.input_cache_write!.toDecimal()).toBe("1.875");
    expect(m.us!.kind).toBe("region");
    expect([m.priority!.appliesTo, m.priority!.stacksWithCache]).toEqual([["input_cache_miss", "output"], false]);
  });

  it("gives each model the card's fees, replaced by its own of the same name", () => {
    const b = book();
    const large = resolvePrice(b, "test-large", at).fees!;
    const small = resolvePrice(b, "test-small", at).fees!;
    expect(large.search!.versions[0]!.price!.toDecimal()).toBe("10");
    expect(large.search!.unit).toBe("query");
    expect(large.fetch!.versions[0]!.per!.toDecimal()).toBe("1000");
    expect(small.search!.versions.map((v) => [v.removed, v.price?.toDecimal(), v.currencies?.CNY?.toDecimal()])).toEqual([[false, "0.75", "5"], [true, undefined, undefined]]);
  });

  it("round-trips every v2 structure through the build-time snapshot", () => {
    const parsed = [parseCard(text, FILE)];
    const rebuilt = fromSnapshot(toSnapshot(parsed));
    expect(rebuilt).toEqual(parsed);
    const v = rebuilt[0]!.models[0]!.versions[0] as PriceVersion;
    expect(v.tiers![0]!.above.toDecimal()).toBe("200000");
    expect(v.modifiers!.batch!.multiplier!.toDecimal()).toBe("0.5");
  });

  it("merges a later card's fee versions by from", () => {
    const later = `currency: USD\nfees:\n  fetch:\n    versions:\n      - from: 2026-12-01\n        price: 1\n        per: 1000\nmodels:\n  test-small:\n    versions:\n      - from: 2026-06-01\n        input_cache_hit: 0.1\n        input_cache_miss: 1\n        output: 4\n`;
    const b = loadRateCards([{ file: FILE, text }, { file: "later.yaml", text: later }], { builtIn: false });
    expect(resolvePrice(b, "test-small", at).fees!.fetch!.versions.map((v) => v.price!.toDecimal())).toEqual(["0.75", "1"]);
  });

  it("keeps a fee's unit when a later card overrides the fee without naming one", () => {
    // the built-in OpenAI card counts search in calls; the user card adds a version and no unit
    const user = `provider: openai\ncurrency: USD\nfees:\n  search:\n    versions:\n      - from: 2026-12-01\n        price: 8\n        per: 1000\n  lookup:\n    versions:\n      - from: 2026-12-01\n        price: 1\nmodels:\n  gpt-6.2-astra:\n    fees:\n      own:\n        versions:\n          - from: 2026-12-01\n            price: 2\n    versions:\n      - from: 2026-12-01\n        input_cache_hit: 0.1\n        input_cache_miss: 1\n        output: 4\n`;
    const fees = resolvePrice(loadRateCards([{ file: "user.yaml", text: user }]), "openai/gpt-6.2-astra", parseInstant("2026-12-02")).fees!;
    expect([fees.search!.unit, fees.search!.name, fees.search!.versions.at(-1)!.price!.toDecimal()]).toEqual(["call", "Web search", "8"]);
    expect([fees.lookup!.unit, fees.own!.unit]).toEqual(["request", "request"]); // new fees without a unit: the default
    // a later card that names a unit sets it; one that names none after it keeps it
    const named = `currency: USD\nfees:\n  fetch:\n    unit: page\n    versions:\n      - from: 2026-12-01\n        price: 1\nmodels:\n  test-small:\n    versions:\n      - {from: 2026-06-01, input_cache_hit: 0.1, input_cache_miss: 1, output: 4}\n`;
    const bare = named.replace("    unit: page\n", "").replace("2026-12-01", "2027-01-01");
    const b = loadRateCards([{ file: FILE, text }, { file: "named.yaml", text: named }, { file: "bare.yaml", text: bare }], { builtIn: false });
    const fetch = resolvePrice(b, "test-small", at).fees!.fetch!;
    expect([fetch.unit, fetch.versions.length]).toEqual(["page", 3]);
  });

  it("merges a fee named like an Object property (constructor) as any other", () => {
    const card = (fee: string, from: string) => `currency: USD\nfees:\n  ${fee}:\n    versions:\n      - from: ${from}\n        price: 1\nmodels:\n  m:\n    versions:\n      - {from: 2026-01-01, input_cache_hit: 0.1, input_cache_miss: 1, output: 4}\n`;
    const cards = [card("search", "2026-01-01"), card("constructor", "2026-01-01"), card("constructor", "2026-06-01")].map((text, i) => ({ file: `${i}.yaml`, text }));
    const fees = resolvePrice(loadRateCards(cards, { builtIn: false }), "m", at).fees!;
    expect([Object.keys(fees), fees["constructor" as string]!.versions.map((v) => v.card)]).toEqual([["search", "constructor"], ["1.yaml", "2.yaml"]]);
  });

  it("reads a calendar's holidays_known_until", () => {
    const card = `currency: USD\ncalendars:\n  c:\n    time_zone: UTC\n    holidays_known_until: 2026\n    rules:\n      - from: 2026-01-01\n        peak_hours: ["09:00-17:00"]\nmodels: {}\n`;
    expect(parseCard(card, "c.yaml").calendars[0]!.holidaysKnownUntil).toBe(2026);
  });

  describe("errors name the key and suggest a fix", () => {
    it.each([
      ["a typo'd write key", "        input_cache_writ: 1\n", /unknown key "models\.m\.versions\[0\]\.input_cache_writ".*did you mean "input_cache_write"/],
      ["a bad retention name", "        input_cache_write_1H: 1\n", /unknown key .*input_cache_write_1H/],
      ["a tier without above", "        tiers:\n          - input_cache_hit: 1\n            input_cache_miss: 1\n            output: 1\n", /above" is missing/],
      ["a tier missing the version's write prices", "        input_cache_write: 2\n        tiers:\n          - above: 100\n            input_cache_hit: 1\n            input_cache_miss: 1\n            output: 1\n", /prices cache writes as \[\] but its version as \[input_cache_write\]/],
      ["two tiers at one threshold", "        tiers:\n          - { above: 100, input_cache_hit: 1, input_cache_miss: 1, output: 1 }\n          - { above: 100, input_cache_hit: 2, input_cache_miss: 2, output: 2 }\n", /two tiers above 100/],
      ["a typo'd modifier key", "        modifiers:\n          batch:\n            multipler: 0.5\n", /unknown key .*multipler.*did you mean "multiplier"/],
      ["a modifier with neither multiplier nor prices", "        modifiers:\n          batch:\n            note: x\n", /exactly one of multiplier and prices/],
      ["an unknown bucket in applies_to", "        modifiers:\n          fast:\n            multiplier: 2\n            applies_to: [outptu]\n", /unknown bucket "outptu".*did you mean "output"/],
      ["excludes naming no modifier", "        modifiers:\n          batch:\n            multiplier: 0.5\n            excludes: [fsat]\n          fast:\n            multiplier: 2\n", /names "fsat".*did you mean "fast"/],
      ["a bad modifier kind", "        modifiers:\n          us:\n            kind: regoin\n            multiplier: 1.1\n", /"regoin" must be one of batch, service_tier, region/],
      ["a fractional context window", "        context_window: 1.5\n", /context_window: "1.5" is not a whole number of tokens \(write digits like 200000\)/],
      ["a bad version confidence", "        confidence: offical\n", /models\.m\.versions\[0\]\.confidence: "offical" must be official or reported/],
      ["a bad stacks_with_cache", "        modifiers:\n          batch:\n            multiplier: 0.5\n            stacks_with_cache: yes\n", /stacks_with_cache: "yes" must be true or false/],
      ["a default retention that is also named", "        input_cache_write_1h: 2\n        default_retention: 1h\n", /default_retention is 1h, which also has its own input_cache_write_1h/],
    ])("%s", (_name, yaml, message) => {
      const err = cardError(yaml as string);
      expect(`${err.message} (${err.hint})`).toMatch(message as RegExp);
      expect(err.where?.line).toBeGreaterThan(0);
    });

    it.each([
      ["a typo'd fee key", "fees:\n  search:\n    versions:\n      - from: 2026-01-01\n        prcie: 1\n", /unknown key "fees\.search\.versions\[0\]\.prcie".*did you mean "price"/],
      ["a removed fee with a price", "fees:\n  search:\n    versions:\n      - from: 2026-01-01\n        removed: true\n        price: 1\n", /price does not go with removed: true/],
      ["a bad fee id", "fees:\n  Search:\n    versions:\n      - from: 2026-01-01\n        price: 1\n", /"Search" in fees is not a fee id/],
      ["a fractional per", "fees:\n  search:\n    versions:\n      - from: 2026-01-01\n        price: 1\n        per: 0.5\n", /fees\.search\.versions\[0\]\.per: "0\.5" is not a whole number of units \(write digits like 1000\)/],
      ["a bad fee confidence", "fees:\n  search:\n    versions:\n      - from: 2026-01-01\n        price: 1\n        confidence: offical\n", /fees\.search\.versions\[0\]\.confidence: "offical" must be official or reported/],
    ])("%s", (_name, extra, message) => {
      const err = cardError("", extra as string);
      expect(`${err.message} (${err.hint})`).toMatch(message as RegExp);
    });

    describe("every currencies: mapping (version, tier, modifier, fee) rejects the same mistakes alike", () => {
      const P = "{ input_cache_hit: 1, input_cache_miss: 1, output: 1 }";
      const places: [string, string, (m: string) => string, (m: string) => string][] = [
        ["a version", "models.m.versions[0].currencies", (m) => `        currencies:${m}\n`, () => ""],
        ["a tier", "models.m.versions[0].tiers[0].currencies", (m) => `        tiers:\n          - above: 1000\n            input_cache_hit: 1\n            input_cache_miss: 1\n            output: 1\n            currencies:${m}\n`, () => ""],
        ["a modifier", "models.m.versions[0].modifiers.flex.currencies", (m) => `        modifiers:\n          flex:\n            prices: ${P}\n            currencies:${m}\n`, () => ""],
        ["a fee", "fees.search.versions[0].currencies", () => "", (m) => `fees:\n  search:\n    versions:\n      - from: 2026-01-01\n        price: 1\n        currencies:${m}\n`],
      ];
      it.each(places)("in %s", (_name, path, version, extra) => {
        const value = path.startsWith("fees") ? "1" : P;
        const fail = (m: string) => {
          const err = cardError(version(m), extra(m));
          return `${err.message} (${err.hint})`;
        };
        expect(fail(` { cny: ${value} }`)).toBe(`"cny" in ${path} is not a currency code (write an ISO code like CNY or EUR)`);
        expect(fail(` { USD: ${value} }`)).toBe(`${path}.USD repeats the card's own currency (the prices it sits under are already in USD; remove this entry)`);
        expect(fail(" {}")).toBe(`${path} is empty (list at least one currency, or remove the key)`);
      });
    });

    it("rejects tiers on a peak/off-peak version", () => {
      const card = `currency: USD\ncalendars:\n  c:\n    time_zone: UTC\n    rules:\n      - from: 2026-01-01\n        peak_hours: ["09:00-17:00"]\nmodels:\n  m:\n    versions:\n      - from: 2026-01-01\n        calendar: c\n        peak: { input_cache_hit: 1, input_cache_miss: 1, output: 1 }\n        off_peak: { input_cache_hit: 1, input_cache_miss: 1, output: 1 }\n        tiers:\n          - { above: 100, input_cache_hit: 1, input_cache_miss: 1, output: 1 }\n`;
      expect(() => parseCard(card, "w.yaml")).toThrow(/long-context tiers only go with flat prices/);
    });
  });
});
