// The workload options estimate, sweep and solve share: a plan file and/or count flags, models, instant, currency.

import { Option, type Command } from "commander";
import { InputError, UsageError } from "../core/errors.js";
import { Exact } from "../core/exact.js";
import type { EstimateOptions } from "../core/estimate.js";
import { PARAMS, type Target } from "../core/params.js";
import { COUNT_HINT, parseCount, parseShare, SHARE_HINT } from "../core/quantity.js";
import type { Plan, RateBook, Workload } from "../core/types.js";
import { name } from "../workload/v2-keys.js";
import { withConfigModels } from "./config.js";
import { asOfFrom, asOfOption, currencyOptions, flagValue, modelOption, peakShareOption, ratesOption } from "./flags.js";
import type { Io } from "./io.js";
import { readPlanFile } from "./plan-file.js";
import { pricingFrom } from "./pricing.js";

/** The values of the shared options, as commander gives them. */
export interface WorkloadFlags {
  calls?: string;
  cachedPrefix?: string;
  miss?: string;
  reply?: string;
  reasoning?: string;
  input?: string;
  cacheHitRate?: string;
  model?: string[];
  asOf?: string;
  rates: string[];
  peakShare?: string;
  currency?: string;
  fx?: string;
  cacheWrite?: string;
  /** `--cache-write-<retention> N`, rewritten by `expandRetentionFlags` to "<retention>=N". */
  cacheWriteByRetention?: string[];
  requests?: string[];
  batch?: boolean;
  serviceTier?: string;
  region?: string;
}

/** The flags that set a workload parameter, in the order they apply (a hit rate before its input). */
const PARAM_FLAGS = [
  ["calls", "calls", parseCount],
  ["cachedPrefix", "cached-prefix", parseCount],
  ["miss", "miss", parseCount],
  ["reply", "reply", parseCount],
  ["reasoning", "reasoning", parseCount],
  ["cacheHitRate", "cache-hit-rate", parseShare],
  ["input", "input", parseCount],
] as const;

/** Adds the shared workload options to a command. */
export function addWorkloadOptions(cmd: Command): Command {
  cmd
    .option("--calls <n>", "number of calls")
    .option("--cached-prefix <tokens>", "tokens per call billed as cache hits")
    .option("--miss <tokens>", "tokens per call billed as cache misses")
    .option("--reply <tokens>", "output tokens per call")
    .option("--reasoning <tokens>", "thinking tokens per call (billed at the output price)")
    .option("--input <tokens>", "input tokens per call, split by --cache-hit-rate (not with --cached-prefix or --miss)")
    .option("--cache-hit-rate <share>", "share of --input tokens that hit the cache (0..1 or 80%)")
    .option("--cache-write <tokens>", "cache-write tokens per call at the default retention (--cache-write-1h N etc. for a named one)")
    .addOption(new Option("--cache-write-by-retention <retention=tokens>", "cache-write tokens per call at a named retention").argParser(appendValue).hideHelp())
    .option("--requests <fee=count>", "per-request fee count per call, e.g. search=2 (repeatable)", appendValue)
    .option("--batch", "price with the card's batch modifier")
    .option("--service-tier <name>", "price with a service-tier modifier of the card (flex, priority...)")
    .option("--region <name>", "price with a region modifier of the card (us...)")
    .addOption(modelOption())
    .addOption(asOfOption())
    .addOption(ratesOption())
    .addOption(peakShareOption());
  for (const o of currencyOptions()) cmd.addOption(o);
  return cmd;
}

function appendValue(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Parses "name=count" of --requests (a fee) or a rewritten --cache-write-<retention>. */
function namedCount(flag: string, text: string, what: "fee" | "retention"): [string, Exact] {
  const m = /^([^=]+)=(.+)$/.exec(text.trim());
  const example = what === "fee" ? "e.g. --requests search=2" : "e.g. --cache-write-1h 5000";
  if (!m) throw new UsageError(`${flag}: "${text}" is not name=count`, example);
  const id = flagValue(flag, m[1]!, (t) => name(t, what), example);
  return [id, flagValue(`${flag.replace("<name>", id)}`, m[2]!, parseCount, COUNT_HINT)];
}

/** The v2 workload flags as workload fields, applied over every workload of the plan (flags override the file). */
function v2Fields(flags: WorkloadFlags): Partial<Workload> {
  const out: Partial<Workload> = {};
  const writes: Record<string, Exact> = {};
  if (flags.cacheWrite !== undefined) writes[""] = flagValue("--cache-write", flags.cacheWrite, parseCount, COUNT_HINT);
  for (const text of flags.cacheWriteByRetention ?? []) {
    const [ret, n] = namedCount("--cache-write-<name>", text, "retention");
    writes[ret] = n;
  }
  if (Object.keys(writes).length) out.cacheWrites = writes;
  if (flags.requests?.length) out.requests = Object.fromEntries(flags.requests.map((t) => namedCount("--requests", t, "fee")));
  if (flags.batch) out.batch = true;
  if (flags.serviceTier !== undefined) out.serviceTier = flagValue("--service-tier", flags.serviceTier, (t) => name(t, "service tier"));
  if (flags.region !== undefined) out.region = flagValue("--region", flags.region, (t) => name(t, "region"));
  return out;
}

/** Applies the parameter flags over every workload of the plan (flags override the file). */
function applyParamFlags(target: Target, flags: WorkloadFlags, varied: readonly string[]): Target {
  let t = target;
  // --input with a hit rate that the command varies itself: a placeholder rate, replaced at each point.
  const given: Partial<Record<(typeof PARAM_FLAGS)[number][0], string>> = { ...flags };
  if (flags.input !== undefined && flags.cacheHitRate === undefined && varied.includes("cache-hit-rate")) given.cacheHitRate = "0";
  for (const [key, name, parse] of PARAM_FLAGS) {
    const text = given[key];
    if (text === undefined) continue;
    const v = flagValue(`--${name}`, text, parse, name === "cache-hit-rate" ? SHARE_HINT : COUNT_HINT);
    try {
      t = PARAMS.get(name)!.apply(t, v);
    } catch (err) {
      if (err instanceof InputError) throw new UsageError(`--${name}: ${err.message}`, err.hint);
      throw err;
    }
  }
  return t;
}

/** Flags that contradict each other: --input with a fixed split, a hit rate with no input to split. */
function checkContradictions(flags: WorkloadFlags, plan: Plan | undefined, varied: readonly string[]): void {
  if (flags.input !== undefined) {
    const fixed = flags.cachedPrefix !== undefined ? "--cached-prefix" : flags.miss !== undefined ? "--miss" : undefined;
    if (fixed) throw new UsageError(`--input cannot go with ${fixed}`, "give either --input with --cache-hit-rate, or --cached-prefix and --miss");
    return;
  }
  // A hit rate over a file's input is fine; otherwise it would silently re-split a fixed cached_prefix / miss.
  const hasInput = varied.includes("input") || (plan !== undefined && plan.workloads.every((w) => w.hitRate));
  if (flags.cacheHitRate !== undefined && !hasInput) {
    throw new UsageError("--cache-hit-rate needs --input (the input tokens per call it splits)", "add --input 2200, or give --cached-prefix and --miss without a hit rate");
  }
}

function blankPlan(command: string, flags: WorkloadFlags, varied: readonly string[]): { plan: Plan; warnings: string[] } {
  const given = PARAM_FLAGS.filter(([k]) => flags[k] !== undefined);
  const v2Given = flags.cacheWrite !== undefined || !!flags.cacheWriteByRetention?.length || !!flags.requests?.length;
  if (given.length === 0 && !v2Given && varied.length === 0) {
    throw new UsageError(`${command} needs a workload file or token flags`, `e.g. ratecard ${command} --calls 1M --cached-prefix 2000 --miss 200 --reply 300`);
  }
  if (flags.input !== undefined && flags.cacheHitRate === undefined && !varied.includes("cache-hit-rate")) {
    throw new UsageError("--input needs --cache-hit-rate", "e.g. --input 2200 --cache-hit-rate 0.9");
  }
  const warnings = flags.calls === undefined && !varied.includes("calls") ? ["--calls not given: pricing a single call"] : [];
  const blank: Workload = { name: "workload", calls: Exact.ONE, cachedPrefix: Exact.ZERO, miss: Exact.ZERO, reply: Exact.ZERO, reasoning: Exact.ZERO };
  return { plan: { workloads: [blank] }, warnings };
}

/** What a command prices: the plan (file + flags), the rate book and the estimate options. */
export interface WorkloadInput {
  plan: Plan;
  book: RateBook;
  opts: EstimateOptions;
  warnings: string[];
}

/**
 * Reads the plan file (if any), applies the flags, loads the rate cards and builds the options.
 * `varied` names the parameters the command sets itself (sweep axes, the solved parameter).
 */
export async function readWorkloadInput(
  command: string,
  file: string | undefined,
  flags: WorkloadFlags,
  io: Io,
  varied: readonly string[] = [],
): Promise<WorkloadInput> {
  if (!file) checkContradictions(flags, undefined, varied);
  const { plan: read, warnings } = file ? { plan: await readPlanFile(file, io), warnings: [] } : blankPlan(command, flags, varied);
  if (file) checkContradictions(flags, read, varied);
  const pricing = pricingFrom(flags, io);
  const plan = withConfigModels(read, pricing.configModels); // the config's models, when the plan names none
  const opts: EstimateOptions = {
    asOf: asOfFrom(flags.asOf, plan.asOf, io.now()),
    ...(pricing.models ? { models: pricing.models } : {}),
    ...(pricing.peakShare ? { peakShare: pricing.peakShare } : {}),
    ...(pricing.currency ? { currency: pricing.currency } : {}),
    ...(pricing.fx ? { fx: pricing.fx } : {}),
  };
  const t = applyParamFlags({ plan, opts }, flags, varied);
  const v2 = v2Fields(flags);
  const merged = (w: Workload): Workload => ({
    ...w,
    ...v2,
    ...(v2.cacheWrites ? { cacheWrites: { ...w.cacheWrites, ...v2.cacheWrites } } : {}),
    ...(v2.requests ? { requests: { ...w.requests, ...v2.requests } } : {}),
  });
  const planOut = Object.keys(v2).length ? { ...t.plan, workloads: t.plan.workloads.map(merged) } : t.plan;
  return { plan: planOut, book: pricing.book, opts: t.opts, warnings };
}
