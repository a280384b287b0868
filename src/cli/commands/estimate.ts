// `ratecard estimate [FILE]`: a workload from a file and/or flags, priced on each model.

import type { Command } from "commander";
import { estimate } from "../../core/estimate.js";
import { cheapest } from "../../core/rank.js";
import { staleWarnings } from "../../core/staleness.js";
import { render } from "../../render/reporters.js";
import { flagValue, formatOption } from "../flags.js";
import { renderOptions, writeWarnings, type Io } from "../io.js";
import { addWorkloadOptions, readWorkloadInput, type WorkloadFlags } from "../workload-input.js";
import { action } from "../action.js";

interface EstimateFlags extends WorkloadFlags {
  format: string;
  top?: string;
}

/** Parses --top: a whole number of models, at least 1. */
function topCount(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) throw new Error(`"${text}" is not a whole number of models >= 1`);
  return Number(text);
}

/** Registers the estimate command. */
export function registerEstimate(program: Command, io: Io): void {
  const cmd = program
    .command("estimate")
    .description("price a workload or plan on each model: itemised lines, totals and a comparison")
    .argument("[file]", "workload or plan YAML file; - reads standard input");
  addWorkloadOptions(cmd)
    .option("--top <n>", "keep the n cheapest models, cheapest first")
    .addOption(formatOption("estimate"))
    .action(action(async (file: string | undefined, flags: EstimateFlags) => {
      const top = flags.top === undefined ? undefined : flagValue("--top", flags.top, topCount, "e.g. --top 5");
      const { plan, book, opts, warnings } = await readWorkloadInput("estimate", file, flags, io);
      const full = estimate(book, plan, opts);
      const report = top === undefined ? full : cheapest(full, top);
      report.warnings.push(...warnings);
      report.warnings.unshift(...staleWarnings(book, report.estimates.map((e) => e.card), opts.asOf));
      writeWarnings(io, report.warnings);
      io.stdout.write(await render("estimate", flags.format, report, renderOptions(io)));
      return "ok";
    }));
}
