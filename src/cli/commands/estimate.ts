// `ratecard estimate [FILE]`: a workload from a file and/or flags, priced on each model.

import type { Command } from "commander";
import { loadRateCards } from "../../cards/load.js";
import { UsageError } from "../../core/errors.js";
import { Exact } from "../../core/exact.js";
import { estimate } from "../../core/estimate.js";
import { COUNT_HINT, parseCount, parseShare } from "../../core/quantity.js";
import { staleWarnings } from "../../core/staleness.js";
import type { Plan, Workload } from "../../core/types.js";
import { ESTIMATE_RENDERERS } from "../../render/estimate/index.js";
import { parsePlan } from "../../workload/parse-plan.js";
import { asOfFrom, collect, flagValue, formatOf, formatOption } from "../flags.js";
import { useColor, type Io } from "../io.js";
import { readCardSources, readTextFile } from "../sources.js";

interface EstimateFlags {
  calls?: string;
  cachedPrefix?: string;
  miss?: string;
  reply?: string;
  reasoning?: string;
  model: string[];
  asOf?: string;
  rates: string[];
  peakShare?: string;
  format: string;
}

const TOKEN_FLAGS = [
  ["calls", "--calls", "calls"],
  ["cachedPrefix", "--cached-prefix", "cachedPrefix"],
  ["miss", "--miss", "miss"],
  ["reply", "--reply", "reply"],
  ["reasoning", "--reasoning", "reasoning"],
] as const;

/** Applies the count flags over every workload of the plan (flags override the file). */
function overrideCounts(plan: Plan, flags: EstimateFlags): Plan {
  const overrides: Partial<Pick<Workload, "calls" | "cachedPrefix" | "miss" | "reply" | "reasoning">> = {};
  for (const [key, flag, field] of TOKEN_FLAGS) {
    const text = flags[key];
    if (text !== undefined) overrides[field] = flagValue(flag, text, parseCount, COUNT_HINT);
  }
  return { ...plan, workloads: plan.workloads.map((w) => ({ ...w, ...overrides })) };
}

/** The plan from FILE, or a single workload built from flags alone. */
function planFrom(file: string | undefined, flags: EstimateFlags, io: Io): { plan: Plan; warnings: string[] } {
  if (file) return { plan: overrideCounts(parsePlan(readTextFile(file, io.cwd).text, file), flags), warnings: [] };
  const given = TOKEN_FLAGS.filter(([k]) => flags[k] !== undefined);
  if (given.length === 0) {
    throw new UsageError("estimate needs a workload file or token flags", "e.g. ratecard estimate --calls 1M --cached-prefix 2000 --miss 200 --reply 300");
  }
  const warnings = flags.calls === undefined ? ["--calls not given: pricing a single call"] : [];
  const blank: Workload = { name: "workload", calls: Exact.ONE, cachedPrefix: Exact.ZERO, miss: Exact.ZERO, reply: Exact.ZERO, reasoning: Exact.ZERO };
  return { plan: overrideCounts({ workloads: [blank] }, flags), warnings };
}

/** Registers the estimate command. */
export function registerEstimate(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command("estimate")
    .description("price a workload or plan on each model: itemised lines, totals and a comparison")
    .argument("[file]", "workload or plan YAML file")
    .option("--calls <n>", "number of calls")
    .option("--cached-prefix <tokens>", "tokens per call billed as cache hits")
    .option("--miss <tokens>", "tokens per call billed as cache misses")
    .option("--reply <tokens>", "output tokens per call")
    .option("--reasoning <tokens>", "thinking tokens per call (billed at the output price)")
    .option("-m, --model <id>", "model to price (repeatable; default: every current model)", collect)
    .option("--as-of <date>", "price at this date or ISO date-time (UTC unless an offset is given)")
    .option("--rates <path>", "extra rate card file or folder (repeatable)", collect, [])
    .option("--peak-share <share>", "share of calls made in peak hours (0..1 or 25%)")
    .addOption(formatOption())
    .action(async (file: string | undefined, flags: EstimateFlags) => {
      const { plan, warnings } = planFrom(file, flags, io);
      const book = loadRateCards(readCardSources(flags.rates, io.cwd));
      const asOf = asOfFrom(flags.asOf, plan.asOf, io.now());
      const peakShare = flags.peakShare !== undefined ? flagValue("--peak-share", flags.peakShare, parseShare) : undefined;
      const models = flags.model?.length ? flags.model.map((id) => ({ id })) : undefined;
      const report = estimate(book, plan, { asOf, models, peakShare });
      report.warnings.push(...warnings);
      for (const w of staleWarnings(book, report.estimates.map((e) => e.card), asOf)) io.stderr.write(`ratecard: warning: ${w}\n`);
      for (const w of warnings) io.stderr.write(`ratecard: warning: ${w}\n`);
      io.stdout.write(await ESTIMATE_RENDERERS[formatOf(flags.format)](report, { color: useColor(io) }));
      done(0);
    });
}
