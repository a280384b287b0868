// Display formatting shared by renderers: money, rates, token counts, multiples, labels.

import { Exact, sum } from "../core/exact.js";
import type { Bucket, Window } from "../core/types.js";

const SYMBOLS: Record<string, string> = { USD: "$", CNY: "¥", EUR: "€", GBP: "£", JPY: "¥" };

function group(intText: string): string {
  return intText.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function withSeparators(fixed: string): string {
  const neg = fixed.startsWith("-");
  const [whole, frac] = (neg ? fixed.slice(1) : fixed).split(".");
  return (neg ? "-" : "") + group(whole!) + (frac !== undefined ? "." + frac : "");
}

function prefix(currency: string): string {
  return SYMBOLS[currency] ?? `${currency} `;
}

/**
 * Money for display: cents with thousands separators ("$1,682.00"); a non-zero amount under
 * one cent keeps two significant digits so it never shows as $0.00 ("$0.000028").
 */
export function formatMoney(amount: Exact, currency: string): string {
  let text = amount.toFixedPlaces(2);
  if (!amount.isZero() && amount.roundHalfEven(2).isZero()) {
    const abs = amount.abs();
    let places = 2;
    while (abs.cmp(Exact.of(1n, 10n ** BigInt(places))) < 0) places++;
    text = amount.toFixedPlaces(places + 1).replace(/0+$/, "");
  }
  const sign = text.startsWith("-") ? "-" : "";
  return sign + prefix(currency) + withSeparators(text.replace(/^-/, ""));
}

/**
 * Money to cents, with as many more places as it takes to tell it from `beside` (a budget):
 * $99.999984 next to $100 shows as "$99.99998", not "$100.00".
 */
export function formatMoneyBeside(amount: Exact, beside: Exact, currency: string): string {
  let places = 2;
  while (places < 12 && !amount.eq(beside) && amount.roundHalfEven(places).eq(beside.roundHalfEven(places))) places++;
  return places === 2 ? formatMoney(amount, currency) : moneyAt(amount, places, currency);
}

/** The value a money text shows ("$1,682.00" -> 1682). */
function shownValue(text: string): Exact {
  return Exact.parseDecimal(text.replace(/[^0-9.-]/g, "")) ?? Exact.ZERO;
}

/** Money to exactly `places` decimals, grouped ("$59.375"). */
function moneyAt(amount: Exact, places: number, currency: string): string {
  const text = amount.toFixedPlaces(places);
  const sign = text.startsWith("-") ? "-" : "";
  return sign + prefix(currency) + withSeparators(text.replace(/^-/, ""));
}

/**
 * A money formatter for a table whose amounts add up: each group's parts, as shown, sum to its
 * total as shown. Cents (formatMoney) when they already do; else every amount with the fewest
 * places that make every group add up ("$59.375"), up to 12.
 */
export function moneyAddingUp(groups: readonly { parts: readonly Exact[]; total: Exact }[], currency: string): (x: Exact) => string {
  // at `places`, as whole numbers of 10^-places (one BigInt sum per group, linear)
  const addsUpAt = (places: number) =>
    groups.every((g) => {
      let s = 0n;
      for (const p of g.parts) s += p.scaledHalfEven(places);
      return s === g.total.scaledHalfEven(places);
    });
  const subCent = (x: Exact) => !x.isZero() && x.scaledHalfEven(2) === 0n;
  const cents = (x: Exact) => formatMoney(x, currency);
  // formatMoney shows an amount under a cent by its significant digits: compare those texts' values
  const centsAddUp = groups.some((g) => g.parts.some(subCent) || subCent(g.total))
    ? groups.every((g) => sum(g.parts.map((p) => shownValue(cents(p)))).eq(shownValue(cents(g.total))))
    : addsUpAt(2);
  if (centsAddUp) return cents;
  for (let places = 3; places <= 12; places++) if (addsUpAt(places)) return (x) => moneyAt(x, places, currency);
  return cents;
}

/** A chart's scale: the least and greatest value drawn, and where a value lies between them (see chartScale). */
export interface ChartScale {
  lo: Exact;
  hi: Exact;
  at(e: Exact): number;
}

/**
 * Chart geometry: where values lie between the least and the greatest of `values` (the range
 * stretched to take in zero when `withZero`), as floats from 0 to 1. Each place is computed exactly
 * first, so a total of 1e400 draws like one of 1e3 (a JS number ends near 1.8e308); every figure a
 * person reads stays exact text. All values equal: every place is 0. No values: lo = hi = 0.
 */
export function chartScale(values: Iterable<Exact>, withZero = false): ChartScale {
  let lo: Exact | undefined = withZero ? Exact.ZERO : undefined;
  let hi = lo;
  for (const v of values) {
    if (lo === undefined || v.cmp(lo) < 0) lo = v;
    if (hi === undefined || v.cmp(hi) > 0) hi = v;
  }
  const [from, to] = [lo ?? Exact.ZERO, hi ?? Exact.ZERO];
  const span = to.sub(from);
  return { lo: from, hi: to, at: span.isZero() ? () => 0 : (e) => Number(e.sub(from).div(span).toFixedPlaces(9)) };
}

/** A price per 1M tokens, exact, at least two decimals ("$0.028", "$1.10"). */
export function formatRate(rate: Exact, currency: string): string {
  // The exact text, or the rate rounded to 12 places with trailing zeros dropped: rounding the rate
  // to that many places (or to 2, when fewer) gives the same figure, so padding it is enough.
  const exact = rate.toDecimal();
  const dot = exact.indexOf(".");
  const text = dot < 0 ? `${exact}.00` : exact.length - dot === 2 ? `${exact}0` : exact;
  return prefix(currency) + withSeparators(text);
}

/** A token count: whole numbers grouped, fractional expected counts to two decimals. */
export function formatTokens(tokens: Exact): string {
  return withSeparators(tokens.isInteger() ? tokens.toFixedPlaces(0) : tokens.toFixedPlaces(2));
}

/** A count with thousands separators ("1,000,000"). */
export function formatCount(n: number | bigint): string {
  return group(String(n));
}

/** A multiple of the cheapest total ("10.01x"). */
export function formatMultiple(m: Exact): string {
  return `${m.toFixedPlaces(2)}x`;
}

/** A share as a fraction and a percentage ("35/168 = 20.83%"), or a plain percentage. */
export function formatShare(share: Exact): string {
  const pct = share.mul(Exact.int(100));
  const pctText = `${pct.terminates() && pct.toDecimal().length <= 6 ? pct.toDecimal() : pct.toFixedPlaces(2)}%`;
  return share.terminates() ? pctText : `${share.n}/${share.d} = ${pctText}`;
}

/** A model as a report names it: "deepseek-chat (billed as deepseek-v4-flash)" when billed as another, else its id. */
export function billedLabel(model: string, billedAs: string | null | undefined): string {
  return billedAs ? `${model} (billed as ${billedAs})` : model;
}

/** The mark of a model at a `reported` price (only third parties give it), and the footnote that explains it. */
export const REPORTED_MARK = "\u2020";
export const REPORTED_NOTE = `${REPORTED_MARK} reported price: only third parties give this figure or its date`;

const BUCKET_LABELS: Record<Bucket, string> = {
  input_cache_hit: "input, cache hit",
  input_cache_miss: "input, cache miss",
  input_cache_write: "input, cache write",
  output: "output",
  reasoning: "reasoning (at output price)",
  request_fee: "requests",
};

/** A human label for a bucket. */
export function bucketLabel(b: Bucket): string {
  return BUCKET_LABELS[b];
}

/** A human label for a window ("" for flat prices). */
export function windowLabel(w: Window): string {
  return w ?? "";
}
