// Rate listings: each model's status and prices at an instant, and every version with its span.

import { inCurrency } from "./currency.js";
import { InputError } from "./errors.js";
import type { Exact } from "./exact.js";
import { formatInstantShort, type Instant } from "./instant.js";
import { displayId } from "./names.js";
import { compareNames } from "./order.js";
import { feeVersionPrice } from "./pricing.js";
import { findModel, resolvePrice, versionAt, type Resolution } from "./resolve.js";
import { closest, didYouMean } from "./suggest.js";
import type { Fee, Model, PriceVersion, RateBook, Version } from "./types.js";

/** A model at an instant: priced directly, billed as another model, retired, or not priced yet. */
export interface RateRow {
  model: string;
  name?: string;
  currency: string;
  status: "price" | "alias" | "retired" | "no-price";
  billedAs: string | null;
  replacement?: string;
  /** The version whose prices apply (after aliases), when there is one. */
  price?: PriceVersion;
  /** The per-request fees of the model whose prices apply. */
  fees?: Record<string, Fee>;
}

/** One version of a model's timeline, with the instant the next one starts. */
export interface HistoryRow {
  model: string;
  currency: string;
  version: Version;
  until: Instant | null;
  /** The model's per-request fees, on its first row only. */
  fees?: Record<string, Fee>;
}

/** Narrows a listing: models of one provider, and/or whose names contain a text (case-insensitive). */
export interface RatesFilter {
  provider?: string;
  search?: string;
}

/** The currency a listing shows its prices in (the cards' own when absent), and the --fx rate to convert with. */
export interface ListingMoney {
  currency?: string;
  fx?: Exact;
}

/** A version's prices in the listing's currency: published, or converted with fx; fails naming the model without either. */
function versionIn(model: string, cardCurrency: string, v: PriceVersion, money: ListingMoney): PriceVersion {
  return inCurrency({ model, billedAs: null, version: v, currency: cardCurrency }, money.currency, money.fx).res.version;
}

/** A model's fees with every priced version in the listing's currency, as `feePrice` bills them; fails naming a fee without a price there. */
function feesIn(model: string, cardCurrency: string, fees: Record<string, Fee>, money: ListingMoney): Record<string, Fee> {
  const target = money.currency;
  if (target === undefined || target === cardCurrency) return fees;
  const out: Record<string, Fee> = {};
  for (const [id, fee] of Object.entries(fees)) {
    const versions = fee.versions.map((v) => {
      if (v.removed) return v;
      const price = feeVersionPrice(v, cardCurrency, target, money.fx);
      if (!price) throw new InputError(`fee "${id}" of "${model}" has no published ${target} price for its version from ${formatInstantShort(v.from)}`, `give --fx RATE (${target} per 1 ${cardCurrency}) to convert, or drop --currency`);
      const { [target]: _now, ...others } = v.currencies ?? {}; // the price in `target` is now the price itself
      return { ...v, price, currencies: Object.keys(others).length ? others : undefined };
    });
    out[id] = { ...fee, versions };
  }
  return out;
}

/** The models a listing covers, as [display id, model], sorted by display id. */
export function selectModels(book: RateBook, ids?: string[], filter: RatesFilter = {}): [string, Model][] {
  let models = ids && ids.length > 0 ? ids.map((id) => findModel(book, id)) : [...book.models.values()];
  if (filter.provider !== undefined) {
    const want = filter.provider.toLowerCase();
    const providers = new Set([...book.models.values()].map((m) => m.provider).filter((p): p is string => p !== undefined));
    if (!providers.has(want)) {
      throw new InputError(`no loaded card has provider "${filter.provider}"`, didYouMean(want, providers) ?? `one of ${[...providers].sort().join(", ")}`);
    }
    models = models.filter((m) => m.provider === want);
  }
  const rows = models.map((m): [string, Model] => [displayId(book, m), m]);
  const text = filter.search?.toLowerCase();
  const found = text === undefined ? rows : rows.filter(([shown, m]) =>
    [shown, m.provider ? `${m.provider}/${m.id}` : "", m.name ?? "", ...(m.snapshots ?? [])].some((s) => s.toLowerCase().includes(text)));
  if (found.length === 0 && text !== undefined) {
    const near = closest(text, rows.map(([shown]) => shown));
    throw new InputError(`no model matches "${filter.search}"`, near.length ? `did you mean ${near.map((x) => `"${x}"`).join(" or ")}?` : "run `ratecard rates` to list the models");
  }
  return found.sort((a, b) => compareNames(a[0], b[0]));
}

/** Every selected model's status and prices at `asOf`, in `money.currency` when given. */
export function ratesAt(book: RateBook, asOf: Instant, ids?: string[], filter?: RatesFilter, money: ListingMoney = {}): RateRow[] {
  return selectModels(book, ids, filter).map(([shown, m]) => {
    const v = versionAt(m, asOf);
    const row: RateRow = { model: shown, name: m.name, currency: money.currency ?? m.currency, status: "no-price", billedAs: null };
    if (!v) return row;
    if (v.kind === "retired") return { ...row, status: "retired", replacement: v.replacement };
    let res: Resolution | undefined;
    try {
      res = resolvePrice(book, shown, asOf);
    } catch {
      res = undefined; // an alias whose target has no price: listed without prices
    }
    const priced = res && { price: versionIn(res.billedAs ?? shown, res.currency, res.version, money), ...(res.fees ? { fees: feesIn(res.billedAs ?? shown, res.currency, res.fees, money) } : {}) };
    if (v.kind === "alias") return { ...row, status: "alias", billedAs: res?.billedAs ?? v.billedAs, ...priced };
    return { ...row, status: "price", ...priced };
  });
}

/** Every version of every selected model, oldest first, with its end; in `money.currency` when given. */
export function rateHistory(book: RateBook, ids?: string[], filter?: RatesFilter, money: ListingMoney = {}): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const [shown, m] of selectModels(book, ids, filter)) {
    const currency = money.currency ?? m.currency;
    m.versions.forEach((v, i) => {
      const version = v.kind === "price" ? versionIn(shown, m.currency, v, money) : v;
      rows.push({ model: shown, currency, version, until: m.versions[i + 1]?.from ?? null, ...(i === 0 && m.fees ? { fees: feesIn(shown, m.currency, m.fees, money) } : {}) });
    });
  }
  return rows;
}
