// Report currencies: a card's published prices in another currency, or an explicit conversion rate.

import { InputError } from "./errors.js";
import type { Exact } from "./exact.js";
import { formatInstantShort } from "./instant.js";
import type { Resolution } from "./resolve.js";
import type { Conversion, PriceSet, VersionPrices } from "./types.js";

function scale(p: PriceSet | undefined, rate: Exact): PriceSet | undefined {
  return p && { input_cache_hit: p.input_cache_hit.mul(rate), input_cache_miss: p.input_cache_miss.mul(rate), output: p.output.mul(rate) };
}

/**
 * The resolution priced in `target`: the version's own prices when the card is in `target`, else
 * the prices the card publishes in `target`, else (only with `fx`, `target` units per unit of
 * the card's currency) the card's prices converted. Never a built-in exchange rate.
 */
export function inCurrency(res: Resolution, target: string | undefined, fx: Exact | undefined): { res: Resolution; conversion: Conversion | null } {
  if (target === undefined || target === res.currency) return { res, conversion: null };
  const v = res.version;
  const published: VersionPrices | undefined = v.currencies?.get(target);
  if (published) return { res: { ...res, currency: target, version: { ...v, ...published } }, conversion: null };
  if (!fx) {
    throw new InputError(
      `"${res.billedAs ?? res.model}" has no published ${target} prices for its version from ${formatInstantShort(v.from)} (its card prices it in ${res.currency})`,
      `give --fx RATE (${target} per 1 ${res.currency}) to convert, or drop --currency`,
    );
  }
  const converted = { flat: scale(v.flat, fx), peak: scale(v.peak, fx), offPeak: scale(v.offPeak, fx) };
  return { res: { ...res, currency: target, version: { ...v, ...converted } }, conversion: { from: res.currency, rate: fx } };
}
