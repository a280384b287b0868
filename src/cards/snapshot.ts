// Parsed cards <-> JSON, so the bundle ships the built-in cards pre-validated and starts without YAML.

import { Exact } from "../core/exact.js";
import type { Calendar, Version, VersionPrices } from "../core/types.js";
import type { CardData } from "./parse-card.js";

const EXACT = "\u0000x:";

function encode(_key: string, value: unknown): unknown {
  if (value instanceof Exact) return `${EXACT}${value.n}/${value.d}`;
  if (value instanceof Set) return [...value];
  if (value instanceof Map) return Object.fromEntries(value);
  return value;
}

function revive(_key: string, value: unknown): unknown {
  if (typeof value === "string" && value.startsWith(EXACT)) {
    const [n, d] = value.slice(EXACT.length).split("/");
    return Exact.of(BigInt(n!), BigInt(d!));
  }
  return value;
}

/** Serialises parsed cards: exact numbers as "n/d" strings, sets as arrays, maps as objects. */
export function toSnapshot(cards: CardData[]): string {
  return JSON.stringify(cards, encode);
}

/** Rebuilds parsed cards from `toSnapshot` output (every exact number, however deep, revived). */
export function fromSnapshot(json: string): CardData[] {
  const raw = JSON.parse(json, revive) as CardData[];
  return raw.map((card) => ({
    ...card,
    calendars: card.calendars.map((c) => ({ ...c, holidays: new Set(c.holidays as unknown as string[]) }) as Calendar),
    models: card.models.map((m) => ({
      ...m,
      versions: m.versions.map((v) => {
        if (v.kind !== "price" || !v.currencies) return v;
        return { ...v, currencies: new Map(Object.entries(v.currencies as unknown as Record<string, VersionPrices>)) } as Version;
      }),
    })),
  }));
}
