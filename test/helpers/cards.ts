// Test helpers for the built-in provider cards: one line of text per resolved version, to compare with figures typed from the sheets.
import { expect, it } from "vitest";
import { InputError } from "../../src/core/errors.js";
import type { Exact } from "../../src/core/exact.js";
import { formatInstant, parseInstant } from "../../src/core/instant.js";
import { resolvePrice, type Resolution } from "../../src/core/resolve.js";
import type { PriceSet, RateBook } from "../../src/core/types.js";
import { BOOK } from "./plans.js";

/** The built-in cards (loaded once, in ./plans.ts). */
export { BOOK };

const d = (x: Exact) => x.toDecimal();

/** What resolvePrice gives `model` at `t`, or undefined where it has no price (any input error); other errors are thrown. */
export function resolvedOrNone(book: RateBook, model: string, t: number): Resolution | undefined {
  try {
    return resolvePrice(book, model, t);
  } catch (err) {
    if (err instanceof InputError) return undefined;
    throw err;
  }
}

/** "hit / miss / output", then " w WRITE" and " w<ret> PRICE" for each cache-write price. */
export function prices(p: PriceSet): string {
  const writes = [
    ...(p.input_cache_write ? [` w ${d(p.input_cache_write)}`] : []),
    ...Object.entries(p.writes ?? {}).map(([k, v]) => ` w${k} ${d(v)}`),
  ];
  return `${d(p.input_cache_hit)} / ${d(p.input_cache_miss)} / ${d(p.output)}${writes.join("")}`;
}

/**
 * What bills `model` at `t`, as one line: "no price", "retired", or the prices, then
 * " | >ABOVE: prices" per long-context tier, " | name xK" or " | name = prices" per modifier
 * (sorted by name), " | as TARGET" when billed as another model, " | ctx N out N" for limits,
 * and " | reported" when the version's confidence is reported.
 */
export function billed(model: string, t: string): string {
  let r;
  try {
    r = resolvePrice(BOOK, model, parseInstant(t));
  } catch (err) {
    if (err instanceof InputError && /retired/.test(err.message)) return "retired";
    if (err instanceof InputError && /no price/.test(err.message)) return "no price";
    throw err;
  }
  const v = r.version;
  const parts = [prices(v.flat!)];
  for (const tier of v.tiers ?? []) parts.push(`>${d(tier.above)}: ${prices(tier.prices)}`);
  const mods = Object.values(v.modifiers ?? {}).sort((a, b) => a.name.localeCompare(b.name));
  for (const m of mods) parts.push(m.prices ? `${m.name} = ${prices(m.prices)}` : `${m.name} x${d(m.multiplier!)}`);
  if (r.billedAs) parts.push(`as ${r.billedAs}`);
  if (v.contextWindow || v.maxOutput) parts.push(`ctx ${v.contextWindow ? d(v.contextWindow) : "-"} out ${v.maxOutput ? d(v.maxOutput) : "-"}`);
  if (v.confidence === "reported") parts.push("reported");
  return parts.join(" | ");
}

/** The instant 1 ms before `t` (an ISO text), to check the side of a boundary before it. */
export function justBefore(t: string): string {
  return new Date(parseInstant(t) - 1).toISOString();
}

/** A boundary row: model, the instant a version starts, what bills just before it, what bills from it. */
export type Boundary = [model: string, boundary: string, before: string, after: string];

/**
 * The boundary tests of one provider's card: each row on both sides of its instant, and a check
 * that the rows name every version of every model of the card and nothing else.
 */
export function boundaryTests(provider: string, rows: Boundary[]): void {
  it.each(rows)("%s changes at %s", (model, boundary, before, after) => {
    expect(billed(`${provider}/${model}`, justBefore(boundary))).toBe(before);
    expect(billed(`${provider}/${model}`, boundary)).toBe(after);
  });

  it("has a boundary above for every version of every model in the card", () => {
    const card = [...BOOK.models.values()].filter((m) => m.provider === provider);
    const listed = new Set(rows.map(([m, b]) => `${m}@${b}`));
    const versions = card.flatMap((m) => m.versions.map((v) => `${m.id}@${formatInstant(v.from).replace("T00:00:00Z", "")}`));
    expect(versions.filter((v) => !listed.has(v))).toEqual([]);
    expect([...listed].filter((v) => !versions.includes(v))).toEqual([]);
  });
}
