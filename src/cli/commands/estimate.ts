// `ratecard estimate [FILE]`: a workload from a file and/or flags, priced on each model.

import type { Command } from "commander";
import { estimate } from "../../core/estimate.js";
import { staleWarnings } from "../../core/staleness.js";
import { ESTIMATE_RENDERERS } from "../../render/estimate/index.js";
import { formatOf, formatOption } from "../flags.js";
import { useColor, writeWarnings, type Io } from "../io.js";
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
    .addOption(formatOption())
    .action(async (file: string | undefined, flags: EstimateFlags) => {
      const { plan, book, opts, warnings } = await readWorkloadInput("estimate", file, flags, io);
      const report = estimate(book, plan, opts);
      report.warnings.push(...warnings);
      writeWarnings(io, [...staleWarnings(book, report.estimates.map((e) => e.card), opts.asOf), ...warnings]);
      io.stdout.write(await ESTIMATE_RENDERERS[formatOf(flags.format)](report, { color: useColor(io) }));
      done(0);
    });
}
