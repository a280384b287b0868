// `ratecard diff BASE HEAD`: two plans or saved reports (or FILE at a git ref) compared, with gates.

import type { Command } from "commander";
import { dirname } from "node:path";
import { diffReports, parseThreshold, type Gates } from "../../core/diff.js";
import { InputError, UsageError } from "../../core/errors.js";
import { formatInstantShort } from "../../core/instant.js";
import type { EstimateReport } from "../../core/types.js";
import { diffVerdict } from "../../render/diff/verdict.js";
import { render } from "../../render/reporters.js";
import { readSavedReport } from "../../workload/parse-report.js";
import { asOfOption, currencyOptions, flagValue, formatOption, instantFlag, modelOption, peakShareOption, ratesOption } from "../flags.js";
import { readAtRef } from "../git.js";
import { readPlanText } from "../plan-file.js";
import { renderOptions, writeWarnings, type Io } from "../io.js";
import { pricePlan, pricingFrom, type Pricing, type PricingFlags } from "../pricing.js";
import { readTextFile } from "../sources.js";
import { appendStepSummary } from "../step-summary.js";
import { action } from "../action.js";

interface DiffFlags extends PricingFlags {
  baseRef?: string;
  asOf?: string;
  baseAsOf?: string;
  headAsOf?: string;
  failAbove?: string;
  warnAbove?: string;
  format: string;
}

/** A file's text and the name messages and reports give it. */
interface Input {
  file: string;
  text: string;
  /** Where `{ file: }` token fields are read from (a file at a git ref reads them from the working copy). */
  dir?: string;
}

const USAGE_HINT = "ratecard diff BASE HEAD, ratecard diff --base-ref REF FILE, or ratecard diff FILE --base-as-of DATE --head-as-of DATE";
const GATE_HINT = "write a percentage of the base total like 10%, or an amount like 50";

/** Which two inputs to compare, from the arguments and --base-ref. */
function inputs(files: string[], flags: DiffFlags, io: Io): { base: Input; head: Input } {
  const cwd = io.cwd ?? process.cwd();
  if (flags.baseRef !== undefined) {
    if (files.length !== 1) throw new UsageError(`--base-ref takes one FILE (got ${files.length})`, "ratecard diff --base-ref origin/main plan.yaml");
    return { base: { ...readAtRef(flags.baseRef, files[0]!, cwd), dir: dirname(files[0]!) }, head: readTextFile(files[0]!, cwd, "yaml-or-json") };
  }
  if (files.length === 2) return { base: readTextFile(files[0]!, cwd, "yaml-or-json"), head: readTextFile(files[1]!, cwd, "yaml-or-json") };
  if (files.length === 1 && (flags.baseAsOf !== undefined || flags.headAsOf !== undefined)) {
    const one = readTextFile(files[0]!, cwd, "yaml-or-json");
    return { base: one, head: one };
  }
  throw new UsageError(files.length > 2 ? `diff compares two files (got ${files.length})` : "diff needs a base and a head", USAGE_HINT);
}

/** Prices one side: a saved report as it is (`saved`), or a plan at the side's instant. */
async function price(input: Input, sideFlag: "--base-as-of" | "--head-as-of", sideAsOf: string | undefined, flags: DiffFlags, pricing: Pricing, io: Io, warnings: Set<string>): Promise<{ report: EstimateReport; saved: boolean }> {
  const saved = readSavedReport(input.text, input.file);
  if (saved) {
    return { report: fromSaved(saved, input, sideFlag, sideAsOf, pricing), saved: true };
  }
  const plan = await readPlanText(input.text, input.file, io, input.dir);
  const given = sideAsOf !== undefined ? [sideFlag, sideAsOf] : flags.asOf !== undefined ? ["--as-of", flags.asOf] : undefined;
  const asOf = given ? instantFlag(given[0]!, given[1]!, io.now()) : (plan.asOf ?? io.now());
  return { report: pricePlan(pricing, plan, asOf, warnings), saved: false };
}

/** A saved report as one side: it cannot be repriced; --model picks among its models. */
function fromSaved(saved: EstimateReport, input: Input, sideFlag: string, sideAsOf: string | undefined, pricing: Pricing): EstimateReport {
  if (sideAsOf !== undefined) {
    throw new UsageError(`${sideFlag}: ${input.file} is a saved report, priced as of ${formatInstantShort(saved.asOf)}`, "give the plan file to price it at another instant");
  }
  if (!pricing.models) return saved;
  const estimates = pricing.models.map(({ id }) => {
    const e = saved.estimates.find((x) => x.model === id);
    if (!e) throw new InputError(`the saved report has no estimate for "${id}"`, `it prices ${saved.estimates.map((x) => x.model).join(", ")}`, { file: input.file });
    return e;
  });
  return { ...saved, estimates };
}

/** --fail-above and --warn-above; a warn gate above a fail gate of the same kind is a usage error. */
function gatesFrom(flags: DiffFlags): Gates {
  const fail = flags.failAbove !== undefined ? flagValue("--fail-above", flags.failAbove, parseThreshold, GATE_HINT) : undefined;
  const warn = flags.warnAbove !== undefined ? flagValue("--warn-above", flags.warnAbove, parseThreshold, GATE_HINT) : undefined;
  if (fail && warn && fail.kind === warn.kind && warn.value.cmp(fail.value) > 0) {
    throw new UsageError(`--warn-above ${flags.warnAbove} is above --fail-above ${flags.failAbove}`, "a warning comes before failure: lower --warn-above");
  }
  return { fail, warn };
}

/** Registers the diff command. */
export function registerDiff(program: Command, io: Io): void {
  program
    .command("diff")
    .description("compare two plans or saved reports per model and item; gate the change of each model's total")
    .argument("[files...]", "BASE and HEAD (plan YAML or estimate -f json reports), or one FILE with --base-ref or --base-as-of/--head-as-of")
    .option("--base-ref <ref>", "compare FILE as committed at this git ref with its working copy")
    .addOption(asOfOption())
    .addOption(asOfOption("--base-as-of <date>", "price the base plan at this instant (as --as-of)"))
    .addOption(asOfOption("--head-as-of <date>", "price the head plan at this instant (as --as-of)"))
    .option("--fail-above <gate>", "fail when a model's total grows by more than this (10% or an amount like 50)")
    .option("--warn-above <gate>", "warn when a model's total grows by more than this (10% or an amount like 50)")
    .addOption(modelOption())
    .addOption(ratesOption())
    .addOption(peakShareOption())
    .addOption(currencyOptions()[0]!)
    .addOption(currencyOptions()[1]!)
    .addOption(formatOption("diff"))
    .action(action(async (files: string[], flags: DiffFlags) => {
      const gates = gatesFrom(flags);
      const { base, head } = inputs(files, flags, io);
      const pricing = pricingFrom(flags, io);
      const warnings = new Set<string>();
      const b = await price(base, "--base-as-of", flags.baseAsOf, flags, pricing, io, warnings);
      const h = await price(head, "--head-as-of", flags.headAsOf, flags, pricing, io, warnings);
      const unused = flags.asOf !== undefined ? "--as-of" : flags.peakShare !== undefined ? "--peak-share" : flags.rates.length > 0 ? "--rates" : flags.currency !== undefined ? "--currency" : undefined;
      if (unused && b.saved && h.saved) {
        throw new UsageError(`${unused}: both sides are saved reports, so nothing is priced`, `drop ${unused}, or give a plan file`);
      }
      const report = diffReports(b.report, h.report, gates, { base: base.file, head: head.file });
      report.warnings = [...warnings];
      writeWarnings(io, warnings);
      io.stdout.write(await render("diff", flags.format, report, renderOptions(io)));
      if (flags.format === "github") appendStepSummary(io, await render("diff", "markdown", report, renderOptions(io)));
      io.stderr.write(diffVerdict(report));
      return report.status;
    }));
}
