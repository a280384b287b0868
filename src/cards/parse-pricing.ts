// Rate-card v2 pieces of a price version: cache-write prices, long-context tiers, modifiers, limits.

import type { Node } from "yaml";
import { CURRENCY_CODE } from "../core/currency.js";
import { Exact } from "../core/exact.js";
import { didYouMean } from "../core/suggest.js";
import { TOKEN_BUCKETS, type Modifier, type ModifierKind, type PriceSet, type Tier, type TokenBucket } from "../core/types.js";
import type { Fields, YamlFile } from "../yaml/document.js";

/** The three prices every price set has. */
export const BASE_PRICE_KEYS = ["input_cache_hit", "input_cache_miss", "output"] as const;
/** Every fixed price key (the named-retention write keys match WRITE_KEY). */
export const PRICE_KEYS = [...BASE_PRICE_KEYS, "input_cache_write"] as const;
/** A named-retention cache-write price key: `input_cache_write_1h`. */
export const WRITE_KEY = /^input_cache_write_([a-z0-9]+)$/;
/** What a retention, tier or modifier name may look like. */
const RETENTION = /^[a-z0-9]+$/;
const MODIFIER_NAME = /^[a-z][a-z0-9_-]*$/;

const TIER_KEYS = ["above", ...PRICE_KEYS, "currencies", "confidence", "source", "note"] as const;
const MODIFIER_KEYS = [
  "kind", "multiplier", "prices", "currencies", "applies_to", "stacks_with_cache", "stacks_with_tiers", "excludes", "confidence", "source", "note",
] as const;
const KINDS: readonly ModifierKind[] = ["batch", "service_tier", "region"];

/** Parses a decimal price per 1M tokens; rejects anything but a plain non-negative decimal. */
export function parsePrice(text: string): Exact {
  const v = /^\d+(\.\d+)?$/.test(text) ? Exact.parseDecimal(text) : undefined;
  if (!v) throw new Error(`"${text}" is not a price (write a plain decimal like 0.028)`);
  return v;
}

/**
 * Parses a positive whole number of tokens (a limit or a tier threshold), or of what `of` names
 * (a fee's `per`: units, like 1000).
 */
export function parseTokenCount(text: string, of: { what: string; like: string } = { what: "tokens", like: "200000" }): Exact {
  if (!/^[1-9]\d*$/.test(text) || text.length > 30) throw new Error(`"${text}" is not a whole number of ${of.what} (write digits like ${of.like})`);
  return Exact.int(BigInt(text));
}

/** Reads `confidence:` (official or reported). */
export function confidenceOf(f: Fields): "official" | "reported" | undefined {
  return f.parsed("confidence", (t) => {
    if (t !== "official" && t !== "reported") throw new Error(`"${t}" must be official or reported`);
    return t;
  });
}

/** Reads a price mapping: the three prices, and cache-write prices by retention when given. */
export function readPrices(f: Fields): PriceSet {
  const get = (k: string) => f.file.value(f.required(k, `add ${k}: <price per 1M tokens>`), f.pathOf(k), parsePrice);
  const set: PriceSet = { input_cache_hit: get("input_cache_hit"), input_cache_miss: get("input_cache_miss"), output: get("output") };
  if (f.has("input_cache_write")) set.input_cache_write = get("input_cache_write");
  for (const key of f.keys()) {
    const m = WRITE_KEY.exec(key);
    if (m) (set.writes ??= {})[m[1]!] = get(key);
  }
  return set;
}

/** Opens a price mapping (only price keys) and reads it. */
export function readPriceMap(y: YamlFile, node: Node, path: string): PriceSet {
  return readPrices(y.map(node, path, PRICE_KEYS, WRITE_KEY));
}

/** The write keys of a price set ("input_cache_write", "input_cache_write_1h"), sorted. */
function writeKeys(p: PriceSet): string[] {
  const keys = p.input_cache_write ? ["input_cache_write"] : [];
  return [...keys, ...Object.keys(p.writes ?? {}).sort().map((r) => `input_cache_write_${r}`)];
}

/** Fails unless `other` prices the same cache-write retentions as the version's `base`. */
function sameWrites(y: YamlFile, node: Node, path: string, base: PriceSet, other: PriceSet): void {
  const want = writeKeys(base).join(", ");
  const got = writeKeys(other).join(", ");
  if (want !== got) {
    y.fail(node, `${path} prices cache writes as [${got}] but its version as [${want}]`, "give it the same cache-write keys as its version");
  }
}

/**
 * Reads the `currencies:` mapping under `f`: per ISO code, what `read` makes of its value. Fails on
 * a key that is not a currency code, on the card's own currency, and on an empty mapping.
 */
export function readCurrencies<T>(y: YamlFile, f: Fields, cardCurrency: string, read: (node: Node, path: string) => T): Map<string, T> {
  const cf = y.map(f.get("currencies")!, f.pathOf("currencies"), []);
  const out = new Map<string, T>();
  for (const code of cf.keys()) {
    if (!CURRENCY_CODE.test(code)) y.fail(cf.get(code), `"${code}" in ${f.pathOf("currencies")} is not a currency code`, "write an ISO code like CNY or EUR");
    if (code === cardCurrency) y.fail(cf.get(code), `${cf.pathOf(code)} repeats the card's own currency`, `the prices it sits under are already in ${code}; remove this entry`);
    out.set(code, read(cf.get(code)!, cf.pathOf(code)));
  }
  if (out.size === 0) y.fail(f.get("currencies"), `${f.pathOf("currencies")} is empty`, "list at least one currency, or remove the key");
  return out;
}

/** Reads `currencies:` of a tier or modifier: per ISO code, flat prices with the same cache writes as `base`. */
function readFlatCurrencies(y: YamlFile, f: Fields, base: PriceSet, cardCurrency: string): Record<string, PriceSet> {
  const read = (node: Node, path: string) => {
    const prices = readPriceMap(y, node, path);
    sameWrites(y, node, path, base, prices);
    return prices;
  };
  return Object.fromEntries(readCurrencies(y, f, cardCurrency, read));
}

/** Reads `tiers:` of a flat version, sorted by threshold; thresholds must differ. */
export function readTiers(y: YamlFile, f: Fields, base: PriceSet, cardCurrency: string): Tier[] {
  const tiers = y.seq(f.get("tiers")!, f.pathOf("tiers")).map((node, i) => {
    const path = `${f.pathOf("tiers")}[${i}]`;
    const tf = y.map(node, path, TIER_KEYS, WRITE_KEY);
    const above = tf.file.value(tf.required("above", "add above: <input tokens of one request>"), tf.pathOf("above"), parseTokenCount);
    const prices = readPrices(tf);
    sameWrites(y, node, path, base, prices);
    const tier: Tier = { above, prices, confidence: confidenceOf(tf), source: tf.text("source"), note: tf.text("note") };
    if (tf.has("currencies")) tier.currencies = readFlatCurrencies(y, tf, base, cardCurrency);
    return { tier, node };
  });
  if (tiers.length === 0) y.fail(f.get("tiers"), `${f.pathOf("tiers")} is empty`, "add a tier, or remove the key");
  tiers.sort((a, b) => a.tier.above.cmp(b.tier.above));
  for (let i = 1; i < tiers.length; i++) {
    if (tiers[i]!.tier.above.eq(tiers[i - 1]!.tier.above)) y.fail(tiers[i]!.node, `${f.pathOf("tiers")} has two tiers above ${tiers[i]!.tier.above}`, "keep one tier per threshold");
  }
  return tiers.map((t) => t.tier);
}

function readNameList(y: YamlFile, f: Fields, key: string): { name: string; node: Node }[] {
  return y.seq(f.get(key)!, f.pathOf(key)).map((n, i) => ({ name: y.text(n, `${f.pathOf(key)}[${i}]`), node: n }));
}

/** Reads one modifier; `base` is the version's flat prices (undefined for peak/off-peak versions). */
function readModifier(y: YamlFile, node: Node, name: string, path: string, base: PriceSet | undefined, cardCurrency: string): { mod: Modifier; f: Fields } {
  if (!MODIFIER_NAME.test(name)) y.fail(node, `"${name}" in ${path} is not a modifier name`, "use lower-case letters, digits, - and _ (batch, flex, us)");
  const f = y.map(node, path, MODIFIER_KEYS);
  const kind = f.parsed("kind", (t) => {
    if (!KINDS.includes(t as ModifierKind)) throw new Error(`"${t}" must be one of ${KINDS.join(", ")}`);
    return t as ModifierKind;
  }) ?? (name === "batch" ? "batch" : "service_tier");
  if (f.has("multiplier") === f.has("prices")) y.fail(node, `${path} needs exactly one of multiplier and prices`, "give multiplier: 0.5, or prices: with the bucket prices");
  const mod: Modifier = {
    name, kind,
    appliesTo: [...TOKEN_BUCKETS],
    stacksWithCache: f.bool("stacks_with_cache") ?? true,
    stacksWithTiers: f.bool("stacks_with_tiers") ?? true,
    excludes: [],
    confidence: confidenceOf(f), source: f.text("source"), note: f.text("note"),
  };
  if (f.has("multiplier")) {
    mod.multiplier = f.parsed("multiplier", (t) => {
      const v = parsePrice(t);
      if (v.isZero()) throw new Error("must be above 0");
      return v;
    });
  } else {
    if (!base) y.fail(f.get("prices"), `${f.pathOf("prices")}: explicit prices only go with flat versions`, "use multiplier: on a peak/off-peak version");
    mod.prices = readPriceMap(y, f.get("prices")!, f.pathOf("prices"));
    sameWrites(y, f.get("prices")!, f.pathOf("prices"), base, mod.prices);
    if (f.has("currencies")) mod.currencies = readFlatCurrencies(y, f, base, cardCurrency);
  }
  if (f.has("currencies") && !f.has("prices")) y.fail(f.get("currencies"), `${f.pathOf("currencies")} only goes with prices:`, "a multiplier applies in every currency; remove it");
  if (f.has("applies_to")) {
    mod.appliesTo = readNameList(y, f, "applies_to").map(({ name: b, node: n }) => {
      if (!TOKEN_BUCKETS.includes(b as TokenBucket)) y.fail(n, `unknown bucket "${b}" in ${f.pathOf("applies_to")}`, didYouMean(b, TOKEN_BUCKETS) ?? `buckets: ${TOKEN_BUCKETS.join(", ")}`);
      return b as TokenBucket;
    });
    if (mod.appliesTo.length === 0) y.fail(f.get("applies_to"), `${f.pathOf("applies_to")} is empty`, "list the buckets it applies to, or remove the key");
  }
  return { mod, f };
}

/** Reads `modifiers:` of a version and checks that every `excludes` names a sibling. */
export function readModifiers(y: YamlFile, f: Fields, base: PriceSet | undefined, cardCurrency: string): Record<string, Modifier> {
  const mf = y.map(f.get("modifiers")!, f.pathOf("modifiers"), []);
  const out: Record<string, Modifier> = {};
  const excludes: { mod: Modifier; mf: Fields }[] = [];
  for (const name of mf.keys()) {
    const { mod, f: inner } = readModifier(y, mf.get(name)!, name, mf.pathOf(name), base, cardCurrency);
    out[name] = mod;
    if (inner.has("excludes")) excludes.push({ mod, mf: inner });
  }
  if (mf.keys().length === 0) y.fail(f.get("modifiers"), `${f.pathOf("modifiers")} is empty`, "add a modifier, or remove the key");
  for (const { mod, mf: inner } of excludes) {
    mod.excludes = readNameList(y, inner, "excludes").map(({ name, node }) => {
      if (!out[name] || name === mod.name) y.fail(node, `${inner.pathOf("excludes")} names "${name}", not another modifier of this version`, didYouMean(name, Object.keys(out)) ?? `modifiers: ${Object.keys(out).join(", ")}`);
      return name;
    });
  }
  return out;
}

/** Reads `default_retention:` (a retention name the version's own write keys do not use). */
export function readDefaultRetention(y: YamlFile, f: Fields, base: PriceSet | undefined): string | undefined {
  const name = f.parsed("default_retention", (t) => {
    if (!RETENTION.test(t)) throw new Error(`"${t}" is not a retention name (write 5m, 1h, 30m...)`);
    return t;
  });
  if (name && base?.writes?.[name]) {
    y.fail(f.get("default_retention"), `${f.pathOf("default_retention")} is ${name}, which also has its own input_cache_write_${name}`, `price the default retention with input_cache_write, and remove input_cache_write_${name}`);
  }
  return name;
}
