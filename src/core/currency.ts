// Report currencies: a card's published prices in another currency, or an explicit conversion rate.

import { InputError } from "./errors.js";
import type { Exact } from "./exact.js";
import { formatInstantShort } from "./instant.js";
import type { Resolution } from "./resolve.js";
import type { Conversion, Modifier, PriceSet, PriceVersion, Tier, VersionPrices } from "./types.js";

/** An ISO 4217 currency code as cards and reports write it: three capital letters (USD, CNY). */
export const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Every price of a set times `rate` (cache writes included). */
function scalePrices(p: PriceSet, rate: Exact): PriceSet {
  const out: PriceSet = { input_cache_hit: p.input_cache_hit.mul(rate), input_cache_miss: p.input_cache_miss.mul(rate), output: p.output.mul(rate) };
  if (p.input_cache_write) out.input_cache_write = p.input_cache_write.mul(rate);
  if (p.writes) out.writes = Object.fromEntries(Object.entries(p.writes).map(([r, v]) => [r, v.mul(rate)]));
  return out;
}

function scale(p: PriceSet | undefined, rate: Exact): PriceSet | undefined {
  return p && scalePrices(p, rate);
}

/** A tier or modifier's explicit prices in `target`: converted, published, or missing (`null`: pricing at it fails). */
function priced<T extends { prices?: PriceSet; currencies?: Record<string, PriceSet> }>(x: T, target: string, fx: Exact | undefined): T {
  if (!x.prices) return x;
  const prices = fx ? scalePrices(x.prices, fx) : x.currencies?.[target];
  return { ...x, prices: prices ?? null } as T;
}

/** The version's tiers and modifiers in `target`. */
function extras(v: PriceVersion, target: string, fx: Exact | undefined): { tiers?: Tier[]; modifiers?: Record<string, Modifier> } {
  const out: { tiers?: Tier[]; modifiers?: Record<string, Modifier> } = {};
  if (v.tiers) out.tiers = v.tiers.map((t) => priced(t, target, fx));
  if (v.modifiers) out.modifiers = Object.fromEntries(Object.entries(v.modifiers).map(([k, m]) => [k, priced(m, target, fx)]));
  return out;
}

/**
 * The resolution priced in `target`: the version's own prices when the card is in `target`, else
 * the prices the card publishes in `target`, else (only with `fx`, `target` units per unit of
 * the card's currency) the card's prices converted. Never a built-in exchange rate. A tier or
 * modifier with explicit prices not published in `target` prices as `null` (an error if used).
 */
export function inCurrency(res: Resolution, target: string | undefined, fx: Exact | undefined): { res: Resolution; conversion: Conversion | null } {
  if (target === undefined || target === res.currency) return { res, conversion: null };
  const v = res.version;
  const base = { ...res, currency: target, cardCurrency: res.currency };
  const published: VersionPrices | undefined = v.currencies?.get(target);
  if (published) return { res: { ...base, version: { ...v, ...published, ...extras(v, target, undefined) } }, conversion: null };
  if (!fx) {
    throw new InputError(
      `"${res.billedAs ?? res.model}" has no published ${target} prices for its version from ${formatInstantShort(v.from)} (its card prices it in ${res.currency})`,
      `give --fx RATE (${target} per 1 ${res.currency}) to convert, or drop --currency`,
    );
  }
  const converted = { flat: scale(v.flat, fx), peak: scale(v.peak, fx), offPeak: scale(v.offPeak, fx), ...extras(v, target, fx) };
  return { res: { ...base, fx, version: { ...v, ...converted } }, conversion: { from: res.currency, rate: fx } };
}
