// Model names: provider/id, bare ids when unambiguous, snapshot ids, ambiguity and did-you-mean, and which models are priced by default.
import { describe, expect, it } from "vitest";
import { parseBuiltin } from "../../../src/cards/builtin.js";
import { loadRateCards } from "../../../src/cards/load.js";
import { mergeCards } from "../../../src/cards/merge.js";
import { parseCard } from "../../../src/cards/parse-card.js";
import { InputError } from "../../../src/core/errors.js";
import { displayId, lookupModel } from "../../../src/core/names.js";
import { rateHistory, ratesAt } from "../../../src/core/rates.js";
import { priceIntervals } from "../../../src/core/intervals.js";
import { defaultModels, hasTiers, resolvePrice } from "../../../src/core/resolve.js";
import { changeInstants } from "../../../src/core/stretches.js";
import { at } from "../../helpers/plans.js";

const flat = (hit: string, miss: string, out: string) => `{from: 2026-01-01, input_cache_hit: ${hit}, input_cache_miss: ${miss}, output: ${out}}`;
const ACME = `provider: acme
currency: USD
models:
  acme-large:
    snapshots: [acme-large-20260101, acme-large-20260301]
    versions:
      - ${flat("0.1", "1", "2")}
  shared-7b:
    versions:
      - ${flat("0.01", "0.1", "0.2")}
  acme-old:
    versions:
      - ${flat("1", "1", "1")}
      - {from: 2026-06-01, retired: true, replacement: acme-large}
`;
const RESELLER = `provider: resell
currency: USD
models:
  shared-7b:
    versions:
      - ${flat("0.02", "0.2", "0.4")}
  acme-mirror:
    versions:
      - {from: 2026-01-01, billed_as: shared-7b}
`;
const book = loadRateCards([{ file: "acme.yaml", text: ACME }, { file: "resell.yaml", text: RESELLER }]);
const t = at("2026-03-01");
const err = (f: () => unknown): InputError => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("no error");
};

describe("model names", () => {
  it("finds a model by provider/id, by its bare id when unambiguous, and by a snapshot id", () => {
    const large = lookupModel(book, "acme-large");
    expect(lookupModel(book, "acme/acme-large")).toBe(large);
    expect(lookupModel(book, "acme-large-20260301")).toBe(large);
    expect(lookupModel(book, "acme/acme-large-20260101")).toBe(large);
    expect(lookupModel(book, "deepseek/deepseek-v4-pro")).toBe(lookupModel(book, "deepseek-v4-pro"));
    expect(resolvePrice(book, "acme-large-20260101", t)).toMatchObject({ model: "acme-large-20260101", billedAs: null });
  });

  it("fails on an ambiguous bare id, listing the qualified choices", () => {
    const e = err(() => lookupModel(book, "shared-7b"));
    expect(e.message).toBe('model "shared-7b" is ambiguous: 2 loaded models answer to it');
    expect(e.hint).toBe('write one of "acme/shared-7b", "resell/shared-7b"');
    expect(resolvePrice(book, "resell/shared-7b", t).version.flat!.output.toDecimal()).toBe("0.4");
    expect(resolvePrice(book, "acme/shared-7b", t).version.flat!.output.toDecimal()).toBe("0.2");
  });

  it("follows billed_as to the model of the same provider first", () => {
    expect(resolvePrice(book, "acme-mirror", t)).toMatchObject({ billedAs: "resell/shared-7b" });
    // every walk along an alias picks the same target, never "shared-7b is ambiguous"
    expect(changeInstants(book, "acme-mirror", at("2025-01-01"), at("2027-01-01"))).toEqual([at("2026-01-01")]);
    expect(hasTiers(book, "acme-mirror")).toBe(false);
    expect([...priceIntervals(book, at("2026-01-01"), at("2026-02-01"), ["acme-mirror"])].map((r) => r.billedAs)).toEqual(["resell/shared-7b"]);
    expect(resolvePrice(book, "acme-mirror", t).version.flat!.output.toDecimal()).toBe("0.4");
  });

  it("keeps did-you-mean for unknown names, qualified or not", () => {
    expect(err(() => lookupModel(book, "acme-larg")).hint).toBe('did you mean "acme-large"?');
    expect(err(() => lookupModel(book, "acme/acme-lage")).hint).toMatch(/"acme\/acme-large"/);
    expect(err(() => lookupModel(book, "openai/acme-large")).message).toBe('unknown model "openai/acme-large"');
    expect(err(() => lookupModel(book, "acme-large-2026030")).hint).toBe('did you mean "acme-large"?'); // model ids before snapshot ids
    expect(err(() => lookupModel(book, "acmelarge-20260301")).hint).toBe('did you mean "acme-large-20260301" or "acme-large-20260101"?');
  });

  it("names a retired model's replacement and the date", () => {
    expect(err(() => resolvePrice(book, "acme/acme-old", at("2026-06-01"))).message).toBe('model "acme-old" was retired at 2026-06-01; use "acme-large" instead');
  });

  it("shows bare ids where they are unique and provider/id where they are not", () => {
    const ids = ratesAt(book, t).map((r) => r.model);
    expect(ids).toContain("acme-large");
    expect(ids).toContain("acme/shared-7b");
    expect(ids).toContain("resell/shared-7b");
    expect(ids).not.toContain("shared-7b");
    expect(displayId(book, lookupModel(book, "deepseek-v4-pro"))).toBe("deepseek-v4-pro");
  });

  it("narrows rate listings by provider and by search text (ids, names, snapshots)", () => {
    expect(ratesAt(book, t, [], { provider: "resell" }).map((r) => r.model)).toEqual(["acme-mirror", "resell/shared-7b"]);
    expect(ratesAt(book, t, [], { search: "20260301" }).map((r) => r.model)).toEqual(["acme-large"]);
    expect(rateHistory(book, [], { provider: "acme", search: "OLD" }).map((r) => r.model)).toEqual(["acme-old", "acme-old"]);
    expect(err(() => ratesAt(book, t, [], { provider: "acmee" })).hint).toBe('did you mean "acme"?');
    expect(err(() => ratesAt(book, t, [], { search: "zzz-nothing" })).message).toBe('no model matches "zzz-nothing"');
  });

  it("lets a card without provider add versions to the one model with that id, and refuses when two have it", () => {
    const extra = `currency: USD\nmodels:\n  acme-large:\n    versions:\n      - {from: 2026-05-01, input_cache_hit: 0.05, input_cache_miss: 0.5, output: 1}\n`;
    const b2 = loadRateCards([{ file: "acme.yaml", text: ACME }, { file: "extra.yaml", text: extra }]);
    expect(resolvePrice(b2, "acme/acme-large", at("2026-05-02")).version.flat!.output.toDecimal()).toBe("1");
    const both = `currency: USD\nmodels:\n  shared-7b:\n    versions:\n      - ${flat("1", "1", "1")}\n`;
    expect(() => loadRateCards([{ file: "acme.yaml", text: ACME }, { file: "resell.yaml", text: RESELLER }, { file: "both.yaml", text: both }]))
      .toThrow(/"shared-7b" is defined by several providers' cards/);
  });

  it("rejects a snapshot id claimed by two models of one provider, and snapshot lists that repeat", () => {
    const dup = `provider: acme\ncurrency: USD\nmodels:\n  b:\n    snapshots: [acme-large-20260101]\n    versions:\n      - ${flat("1", "1", "1")}\n`;
    expect(() => loadRateCards([{ file: "acme.yaml", text: ACME }, { file: "dup.yaml", text: dup }])).toThrow(/"acme-large-20260101" names two models/);
    const rep = `currency: USD\nmodels:\n  b:\n    snapshots: [b-1, b-1]\n    versions:\n      - ${flat("1", "1", "1")}\n`;
    expect(() => parseCard(rep, "rep.yaml")).toThrow(/repeats "b-1"/);
  });

  it("prices only models of cards marked by-default when no models are named", () => {
    const hidden = parseBuiltin({ file: "rates/acme.yaml", text: ACME, byDefault: false });
    const b = mergeCards([hidden, parseCard(RESELLER, "resell.yaml")]);
    expect(defaultModels(b, t)).toEqual(["resell/shared-7b"]); // acme's shared-7b is hidden, but still shares the name
    expect(lookupModel(b, "acme-large").byDefault).toBe(false);
  });
});
