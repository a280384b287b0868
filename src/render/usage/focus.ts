// Usage report -> CSV in the FinOps FOCUS column shape, one charge row per priced line.

import { Exact } from "../../core/exact.js";
import { formatInstant } from "../../core/instant.js";
import type { UsageLine, UsageReport } from "../../usage/types.js";
import { csvDocument } from "../csv.js";

const HEADER = [
  "ChargePeriodStart", "ChargePeriodEnd", "BilledCost", "EffectiveCost", "ListCost", "BillingCurrency",
  "ProviderName", "ServiceName", "SkuId", "PricingQuantity", "PricingUnit", "ConsumedQuantity", "ConsumedUnit",
  "ChargeCategory", "ChargeDescription",
] as const;

const MILLION = Exact.int(1000000);
const BUCKET_TEXT = {
  input_cache_hit: "input tokens, cache hit",
  input_cache_miss: "input tokens, cache miss",
  input_cache_write: "input tokens, cache write",
  output: "output tokens",
  request_fee: "requests",
};

function describe(l: UsageLine): string {
  const model = l.billedAs ? `${l.model} billed as ${l.billedAs}` : l.model;
  const window = l.window ? `, ${l.window}` : "";
  const what = `${BUCKET_TEXT[l.bucket]}${l.retention ? ` ${l.retention}` : ""}${l.fee ? ` (${l.fee})` : ""}`;
  const how = [...(l.tier ? [l.tier] : []), ...(l.modifiers ?? [])];
  return `${model}: ${what}${window}${how.length ? `, ${how.join(", ")}` : ""}, price from ${formatInstant(l.priceFrom)}`;
}

/** The SKU suffix of a v2 line: retention, fee, tier and modifiers ("/1h", "/search", "/above 200000"). */
function skuParts(l: UsageLine): string {
  return [l.retention, l.fee, l.tier, ...(l.modifiers ?? [])].filter(Boolean).map((x) => `/${x}`).join("");
}

/**
 * Renders a usage report as FOCUS rows. A group's charge period is its day, week or month; without
 * a time dimension it is the report's period. Billed, effective and list cost are the same exact
 * amount (list prices, no discounts known); quantities are priced per 1M tokens. Grouped by
 * session or project, each row carries them in FOCUS's Tags column (a JSON object).
 */
export function renderUsageFocus(r: UsageReport): string {
  const rows: string[][] = [];
  const tagged = r.by.filter((d) => d === "session" || d === "project");
  for (const g of r.groups) {
    const tags = tagged.length > 0 ? [JSON.stringify(Object.fromEntries(tagged.map((d) => [d, g.key[d] ?? ""])))] : [];
    const start = g.start ?? r.period.start;
    const end = g.end ?? r.period.end;
    for (const l of g.lines) {
      const cost = l.cost.toDecimal();
      const provider = l.provider ?? "";
      rows.push([
        start === null ? "" : formatInstant(start),
        end === null ? "" : formatInstant(end),
        cost, cost, cost, r.currency,
        provider, provider ? `${provider} API` : "",
        `${l.billedAs ?? l.model}/${l.bucket}${skuParts(l)}${l.window ? `/${l.window}` : ""}`,
        ...(l.fee
          ? [l.count!.div(l.per!).toDecimal(), `${l.per!.toDecimal()} Requests`, l.count!.toDecimal(), "Requests"]
          : [l.tokens.div(MILLION).toDecimal(), "1M Tokens", l.tokens.toDecimal(), "Tokens"]),
        "Usage", describe(l), ...tags,
      ]);
    }
  }
  return csvDocument(tagged.length > 0 ? [...HEADER, "Tags"] : HEADER, rows);
}
