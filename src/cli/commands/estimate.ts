// `ratecard estimate [FILE]`: a workload from a file and/or flags, priced on each model.

import type { Command } from "commander";
import { estimate } from "../../core/estimate.js";
import { staleWarnings } from "../../core/staleness.js";
import { render } from "../../render/reporters.js";
import { formatOption } from "../flags.js";
import { renderOptions, writeWarnings, type Io } from "../io.js";
import { addWorkloadOptions, readWorkloadInput, type WorkloadFlags } from "../workload-input.js";

interface EstimateFlags extends WorkloadFlags {
  format: string;
}

/** Registers the estimate command. */
export function registerEstimate(program: Command, io: Io, done: (code: number) => void): void {
  const cmd = program
    .command("estimate")
    .description("price a workload or plan on each model: itemised lines, totals and a comparison")
    .argument("[file]", "workload or plan YAML file");
  addWorkloadOptions(cmd)
    .addOption(formatOption("estimate"))
    .action(async (file: string | undefined, flags: EstimateFlags) => {
      const { plan, book, opts, warnings } = await readWorkloadInput("estimate", file, flags, io);
      const report = estimate(book, plan, opts);
      report.warnings.push(...warnings);
      writeWarnings(io, [...staleWarnings(book, report.estimates.map((e) => e.card), opts.asOf), ...warnings]);
      io.stdout.write(await render("estimate", flags.format, report, renderOptions(io)));
      done(0);
    });
}
