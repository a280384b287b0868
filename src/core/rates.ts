// Rate listings: each model's status and prices at an instant, and every version with its span.

import type { Instant } from "./instant.js";
import { findModel, resolvePrice, versionAt, type Resolution } from "./resolve.js";
import type { Model, PriceVersion, RateBook, Version } from "./types.js";

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
}

/** One version of a model's timeline, with the instant the next one starts. */
export interface HistoryRow {
  model: string;
  currency: string;
  version: Version;
  until: Instant | null;
}

function selected(book: RateBook, ids?: string[]): Model[] {
  if (ids && ids.length > 0) return ids.map((id) => findModel(book, id));
  return [...book.models.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Every selected model's status and prices at `asOf`. */
export function ratesAt(book: RateBook, asOf: Instant, ids?: string[]): RateRow[] {
  return selected(book, ids).map((m) => {
    const v = versionAt(m, asOf);
    const row: RateRow = { model: m.id, name: m.name, currency: m.currency, status: "no-price", billedAs: null };
    if (!v) return row;
    if (v.kind === "retired") return { ...row, status: "retired", replacement: v.replacement };
    let res: Resolution | undefined;
    try {
      res = resolvePrice(book, m.id, asOf);
    } catch {
      res = undefined; // an alias whose target has no price: listed without prices
    }
    if (v.kind === "alias") return { ...row, status: "alias", billedAs: res?.billedAs ?? v.billedAs, price: res?.version };
    return { ...row, status: "price", price: v };
  });
}

/** Every version of every selected model, oldest first, with its end. */
export function rateHistory(book: RateBook, ids?: string[]): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const m of selected(book, ids)) {
    m.versions.forEach((v, i) => rows.push({ model: m.id, currency: m.currency, version: v, until: m.versions[i + 1]?.from ?? null }));
  }
  return rows;
}
