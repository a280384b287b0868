// `ratecard solve [FILE] --budget AMOUNT --for PARAM`: the largest whole value (or lowest hit rate) that fits a budget.

import type { Command } from "commander";
import { InputError, UsageError } from "../../core/errors.js";
import { paramName, PARAMS } from "../../core/params.js";
import { parseAmount } from "../../core/quantity.js";
import { estimate } from "../../core/estimate.js";
import { solve } from "../../core/solve.js";
import { staleWarnings } from "../../core/staleness.js";
import { render } from "../../render/reporters.js";
import { flagValue, formatOption } from "../flags.js";
import { renderOptions, writeWarnings, type Io } from "../io.js";
import { addWorkloadOptions, readWorkloadInput, type WorkloadFlags } from "../workload-input.js";
import { action } from "../action.js";

interface SolveFlags extends WorkloadFlags {
  budget?: string;
  for?: string;
  format: string;
}

/** Registers the solve command. */
export function registerSolve(program: Command, io: Io): void {
  const cmd = program
    .command("solve")
    .description("per model, the largest whole value of a parameter whose cost fits a budget (or the lowest cache hit rate)")
    .argument("[file]", "workload or plan YAML file; - reads standard input")
    .option("--budget <amount>", "the budget, in the report currency")
    .option("--for <param>", "calls, cached-prefix, miss, reply, reasoning, input, turns, system, user or cache-hit-rate");
  addWorkloadOptions(cmd)
    .addOption(formatOption("solve"))
    .action(action(async (file: string | undefined, flags: SolveFlags) => {
      if (flags.budget === undefined) throw new UsageError("solve needs --budget", "e.g. --budget 100");
      if (flags.for === undefined) throw new UsageError("solve needs --for", "e.g. --for calls");
      const budget = flagValue("--budget", flags.budget, parseAmount);
      let name: string;
      try {
        name = paramName(flags.for);
      } catch (err) {
        if (err instanceof InputError) throw new UsageError(`--for: ${err.message}`, err.hint);
        throw err;
      }
      const { plan, book, opts, warnings } = await readWorkloadInput("solve", file, flags, io, [name]);
      const report = solve(book, plan, opts, PARAMS.get(name)!, budget);
      const cards = estimate(book, plan, { ...opts, allowNoTokens: true }).estimates.map((e) => e.card);
      report.warnings = [...staleWarnings(book, cards, opts.asOf), ...warnings];
      writeWarnings(io, report.warnings);
      io.stdout.write(await render("solve", flags.format, report, renderOptions(io)));
      return "ok";
    }));
}
