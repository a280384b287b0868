// The pricing flags every pricing command shares (--model, --rates, --peak-share) and pricing a plan with them for the gates.

import { loadRateCards } from "../cards/load.js";
import type { Exact } from "../core/exact.js";
import { estimate } from "../core/estimate.js";
import type { Instant } from "../core/instant.js";
import { parseShare } from "../core/quantity.js";
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
}

/** The rate book, models and peak share the flags ask for. */
export interface Pricing {
  book: RateBook;
  /** Models of the config file, for plans that name none. */
  configModels?: ModelRef[];
  models?: { id: string }[];
  peakShare?: Exact;
}

/** Reads the flags once: cards from --rates, --model ids and --peak-share. */
export function pricingFrom(flags: PricingFlags, io: Io): Pricing {
  return {
    book: loadRateCards(cardSources(flags.rates, io)),
    configModels: loadConfig(io).models,
    models: flags.model?.length ? flags.model.map((id) => ({ id })) : undefined,
    peakShare: flags.peakShare !== undefined ? flagValue("--peak-share", flags.peakShare, parseShare) : undefined,
  };
}

/** Prices `plan` (or the config's models, when it names none) at `asOf`; stale-card warnings are added to `warnings` (a set: each is said once). */
export function pricePlan(p: Pricing, plan: Plan, asOf: Instant, warnings: Set<string>): EstimateReport {
  const report = estimate(p.book, withConfigModels(plan, p.configModels), { asOf, models: p.models, peakShare: p.peakShare });
  for (const w of staleWarnings(p.book, report.estimates.map((e) => e.card), asOf)) warnings.add(w);
  return report;
}
