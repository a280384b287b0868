// Parsed cards <-> JSON, so the bundle ships the built-in cards pre-validated and starts without YAML.

import { Exact } from "../core/exact.js";
import type { Calendar, PriceSet, Version, VersionPrices } from "../core/types.js";
import type { CardData } from "./parse-card.js";

const EXACT = "\u0000x:";

function encode(_key: string, value: unknown): unknown {
  if (value instanceof Exact) return `${EXACT}${value.n}/${value.d}`;
  if (value instanceof Set) return [...value];
  if (value instanceof Map) return Object.fromEntries(value);
  return value;
}

function exact(text: string): Exact {
  const [n, d] = text.slice(EXACT.length).split("/");
  return Exact.of(BigInt(n!), BigInt(d!));
}

function prices(p: Record<string, string> | undefined): PriceSet | undefined {
  return p && { input_cache_hit: exact(p.input_cache_hit!), input_cache_miss: exact(p.input_cache_miss!), output: exact(p.output!) };
}

type RawPrices = Record<string, Record<string, string> | undefined>;

function versionPrices(r: RawPrices): VersionPrices {
  return { flat: prices(r.flat), peak: prices(r.peak), offPeak: prices(r.offPeak) };
}

/** A version's prices in other currencies (a Map in memory, an object in the snapshot). */
function currencies(raw: Record<string, RawPrices> | undefined): { currencies?: Map<string, VersionPrices> } {
  if (!raw) return {};
  return { currencies: new Map(Object.entries(raw).map(([code, r]) => [code, versionPrices(r)])) };
}

/** Serialises parsed cards: exact numbers as "n/d" strings, sets as arrays. */
export function toSnapshot(cards: CardData[]): string {
  return JSON.stringify(cards, encode);
}

/** Rebuilds parsed cards from `toSnapshot` output. */
export function fromSnapshot(json: string): CardData[] {
  const raw = JSON.parse(json) as CardData[];
  return raw.map((card) => ({
    ...card,
    calendars: card.calendars.map((c) => ({ ...c, holidays: new Set(c.holidays as unknown as string[]) }) as Calendar),
    models: card.models.map((m) => ({
      ...m,
      versions: m.versions.map((v) => {
        if (v.kind !== "price") return v;
        const r = v as unknown as RawPrices & { currencies?: Record<string, RawPrices> };
        return { ...v, ...versionPrices(r), ...currencies(r.currencies) } as Version;
      }),
    })),
  }));
}
