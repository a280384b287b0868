// Rate-card v2 parts of a listed version for every rates renderer: write prices, tiers, modifiers, limits, fees.

import type { Exact } from "../../core/exact.js";
import { formatInstant } from "../../core/instant.js";
import { RateSheet } from "../../core/pricing.js";
import type { Fee, FeeVersion, Modifier, PriceSet, PriceVersion, Window } from "../../core/types.js";

/** A price row beyond the version's own windows: a long-context tier or a modifier's resulting prices. */
export interface PartRow {
  /** "tier above 200000", "modifier batch x0.5", "modifier flex (prices)", with the window first when windowed. */
  label: string;
  kind: "tier" | "modifier";
  window: Window;
  prices: PriceSet;
  multiplier?: Exact;
}

/** "batch x0.5", "flex (prices)", "us x1.1 (region)". */
export function modifierLabel(m: Modifier): string {
  const how = m.multiplier ? `x${m.multiplier.toDecimal()}` : "(prices)";
  return `${m.name} ${how}${m.kind === "region" ? " (region)" : ""}`;
}

/** Every price the sheet gives a modifier alone (no tier), in the shape of the version's prices. */
function modifiedPrices(base: PriceSet, m: Modifier, v: PriceVersion): PriceSet {
  const sheet = new RateSheet(base, undefined, [m], { model: "", billedAs: null, version: v, currency: "" });
  const rates = sheet.rates();
  const out: PriceSet = { input_cache_hit: rates.input_cache_hit, input_cache_miss: rates.input_cache_miss, output: rates.output };
  if (base.input_cache_write) out.input_cache_write = rates.input_cache_write;
  for (const r of Object.keys(base.writes ?? {})) (out.writes ??= {})[r] = sheet.rates(r).input_cache_write;
  return out;
}

/** The tier rows and modifier rows of a price version, in card order. */
export function partRows(v: PriceVersion): PartRow[] {
  const out: PartRow[] = [];
  for (const t of v.tiers ?? []) out.push({ label: `tier above ${t.above.toDecimal()}`, kind: "tier", window: null, prices: t.prices });
  const windows: [Window, PriceSet][] = v.flat ? [[null, v.flat]] : [["peak", v.peak!], ["off-peak", v.offPeak!]];
  for (const m of Object.values(v.modifiers ?? {})) {
    for (const [window, set] of windows) {
      out.push({ label: `modifier ${modifierLabel(m)}`, kind: "modifier", window, prices: modifiedPrices(set, m, v), ...(m.multiplier ? { multiplier: m.multiplier } : {}) });
    }
  }
  return out;
}

/** Cache-write prices as text: "6.25 (5m), 1h 10" with `show` formatting each price. */
export function writesText(p: PriceSet | null, defaultRetention: string | undefined, show: (x: Exact) => string): string {
  if (!p) return "";
  const parts: string[] = [];
  if (p.input_cache_write) parts.push(`${show(p.input_cache_write)}${defaultRetention ? ` (${defaultRetention})` : ""}`);
  for (const [r, x] of Object.entries(p.writes ?? {})) parts.push(`${r} ${show(x)}`);
  return parts.join(", ");
}

/** The JSON keys of a price set's cache writes (`input_cache_write`, `input_cache_write_1h`), only those present. */
export function writesJson(p: PriceSet): Record<string, string> {
  const out: Record<string, string> = {};
  if (p.input_cache_write) out.input_cache_write = p.input_cache_write.toDecimal();
  for (const [r, x] of Object.entries(p.writes ?? {})) out[`input_cache_write_${r}`] = x.toDecimal();
  return out;
}

/** One fee version listed: its fee, span and price. */
export interface FeeRow {
  fee: Fee;
  version: FeeVersion;
  until: number | null;
}

/** The fee versions in force at `t` (removed ones left out). */
export function feesAt(fees: Record<string, Fee> | undefined, t: number): FeeRow[] {
  const out: FeeRow[] = [];
  for (const fee of Object.values(fees ?? {})) {
    const rows = feeHistory(fee);
    const row = rows.filter((r) => r.version.from <= t).at(-1);
    if (row && !row.version.removed) out.push(row);
  }
  return out;
}

/** Every version of a fee with the instant the next one starts. */
export function feeHistory(fee: Fee): FeeRow[] {
  return fee.versions.map((version, i) => ({ fee, version, until: fee.versions[i + 1]?.from ?? null }));
}

/** A fee version's JSON object. */
export function feeJson(r: FeeRow, history: boolean): object {
  const v = r.version;
  return {
    fee: r.fee.id,
    name: r.fee.name ?? null,
    unit: r.fee.unit,
    from: formatInstant(v.from),
    ...(history ? { until: r.until === null ? null : formatInstant(r.until), removed: v.removed } : {}),
    price: v.price?.toDecimal() ?? null,
    per: v.per?.toDecimal() ?? null,
    currencies: v.currencies ? Object.fromEntries(Object.entries(v.currencies).map(([c, x]) => [c, x.toDecimal()])) : null,
    confidence: v.confidence ?? null,
    source: v.source ?? null,
    note: v.note ?? null,
  };
}

/** The JSON object of a version's v2 facts, keys present only when the version has them. */
export function versionExtrasJson(v: PriceVersion | undefined): object {
  if (!v) return {};
  return {
    ...(v.defaultRetention ? { default_retention: v.defaultRetention } : {}),
    ...(v.contextWindow ? { context_window: v.contextWindow.toDecimal() } : {}),
    ...(v.maxOutput ? { max_output: v.maxOutput.toDecimal() } : {}),
    ...(v.tiers
      ? {
          tiers: v.tiers.map((t) => ({
            above: t.above.toDecimal(),
            input_cache_hit: t.prices.input_cache_hit.toDecimal(),
            input_cache_miss: t.prices.input_cache_miss.toDecimal(),
            output: t.prices.output.toDecimal(),
            ...writesJson(t.prices),
            confidence: t.confidence ?? null,
            note: t.note ?? null,
          })),
        }
      : {}),
    ...(v.modifiers
      ? {
          modifiers: Object.fromEntries(Object.values(v.modifiers).map((m) => [m.name, {
            kind: m.kind,
            multiplier: m.multiplier?.toDecimal() ?? null,
            prices: m.prices ? { input_cache_hit: m.prices.input_cache_hit.toDecimal(), input_cache_miss: m.prices.input_cache_miss.toDecimal(), output: m.prices.output.toDecimal(), ...writesJson(m.prices) } : null,
            applies_to: m.appliesTo,
            stacks_with_cache: m.stacksWithCache,
            stacks_with_tiers: m.stacksWithTiers,
            excludes: m.excludes,
            confidence: m.confidence ?? null,
            note: m.note ?? null,
          }])),
        }
      : {}),
  };
}
