// Rate listings: each model's status and prices at an instant, and every version with its span.

import type { Instant } from "./instant.js";
import { InputError } from "./errors.js";
import { displayId } from "./names.js";
import { compareNames } from "./order.js";
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

/** Every selected model's status and prices at `asOf`. */
export function ratesAt(book: RateBook, asOf: Instant, ids?: string[], filter?: RatesFilter): RateRow[] {
  return selectModels(book, ids, filter).map(([shown, m]) => {
    const v = versionAt(m, asOf);
    const row: RateRow = { model: shown, name: m.name, currency: m.currency, status: "no-price", billedAs: null };
    if (!v) return row;
    if (v.kind === "retired") return { ...row, status: "retired", replacement: v.replacement };
    let res: Resolution | undefined;
    try {
      res = resolvePrice(book, shown, asOf);
    } catch {
      res = undefined; // an alias whose target has no price: listed without prices
    }
    const fees = res?.fees ? { fees: res.fees } : {};
    if (v.kind === "alias") return { ...row, status: "alias", billedAs: res?.billedAs ?? v.billedAs, price: res?.version, ...fees };
    return { ...row, status: "price", price: v, ...fees };
  });
}

/** Every version of every selected model, oldest first, with its end. */
export function rateHistory(book: RateBook, ids?: string[], filter?: RatesFilter): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const [shown, m] of selectModels(book, ids, filter)) {
    m.versions.forEach((v, i) =>
      rows.push({ model: shown, currency: m.currency, version: v, until: m.versions[i + 1]?.from ?? null, ...(i === 0 && m.fees ? { fees: m.fees } : {}) }),
    );
  }
  return rows;
}
