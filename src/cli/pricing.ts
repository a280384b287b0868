// The pricing flags every pricing command shares (--model, --rates, --peak-share) and pricing a plan with them for the gates.

import { loadRateCards } from "../cards/load.js";
import { UsageError } from "../core/errors.js";
import { Exact } from "../core/exact.js";
import { estimate } from "../core/estimate.js";
import type { Instant } from "../core/instant.js";
import { parseShare, SHARE_HINT } from "../core/quantity.js";
import { staleWarnings } from "../core/staleness.js";
import type { EstimateReport, ModelRef, Plan, RateBook } from "../core/types.js";
import { cardSources, loadConfig, withConfigModels } from "./config.js";
import { flagValue } from "./flags.js";
import type { Io } from "./io.js";

/** The pricing flags `estimate`, `sweep`, `solve`, `check` and `diff` share. */
export interface PricingFlags {
  model?: string[];
  rates: string[];
  peakShare?: string;
  currency?: string;
  fx?: string;
}

/** The rate book, models and peak share the flags ask for. */
export interface Pricing {
  book: RateBook;
  /** Models of the config file, for plans that name none. */
  configModels?: ModelRef[];
  models?: { id: string }[];
  peakShare?: Exact;
  /** The report currency and conversion rate (--currency, --fx). */
  currency?: string;
  fx?: Exact;
}

/** Reads --currency and --fx: an ISO code, and a positive rate only together with it. */
export function currencyFrom(flags: { currency?: string; fx?: string }): { currency?: string; fx?: Exact } {
  if (flags.fx !== undefined && flags.currency === undefined) throw new UsageError("--fx needs --currency", "e.g. --currency CNY --fx 7.1");
  const currency = flags.currency === undefined ? undefined : flagValue("--currency", flags.currency, (t) => {
    if (!/^[A-Za-z]{3}$/.test(t.trim())) throw new Error(`"${t}" is not a currency code`);
    return t.trim().toUpperCase();
  }, "write an ISO code like CNY or USD");
  const fx = flags.fx === undefined ? undefined : flagValue("--fx", flags.fx, (t) => {
    const v = Exact.parseDecimal(t);
    if (!v || v.isNegative() || v.isZero()) throw new Error(`"${t}" is not a positive rate`);
    return v;
  }, "write the rate as a decimal, e.g. --fx 7.1");
  return { ...(currency ? { currency } : {}), ...(fx ? { fx } : {}) };
}

/** Reads the flags once: cards from --rates, --model ids and --peak-share. */
export function pricingFrom(flags: PricingFlags, io: Io): Pricing {
  return {
    book: loadRateCards(cardSources(flags.rates, io)),
    configModels: loadConfig(io).models,
    models: flags.model?.length ? flags.model.map((id) => ({ id })) : undefined,
    peakShare: flags.peakShare !== undefined ? flagValue("--peak-share", flags.peakShare, parseShare, SHARE_HINT) : undefined,
    ...currencyFrom(flags),
  };
}

/** Prices `plan` (or the config's models, when it names none) at `asOf`; stale-card warnings are added to `warnings` (a set: each is said once). */
export function pricePlan(p: Pricing, plan: Plan, asOf: Instant, warnings: Set<string>): EstimateReport {
  const report = estimate(p.book, withConfigModels(plan, p.configModels), { asOf, models: p.models, peakShare: p.peakShare, currency: p.currency, fx: p.fx });
  for (const w of staleWarnings(p.book, report.estimates.map((e) => e.card), asOf)) warnings.add(w);
  return report;
}
