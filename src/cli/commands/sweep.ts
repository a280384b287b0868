// `ratecard sweep [FILE] --vary PARAM=SPEC`: a plan's cost on each model at every point of one or two parameters.

import type { Command } from "commander";
import { InputError, UsageError } from "../../core/errors.js";
import { estimate } from "../../core/estimate.js";
import { staleWarnings } from "../../core/staleness.js";
import { parseAxis } from "../../core/sweep-axis.js";
import { sweep } from "../../core/sweep.js";
import { streamSweepCsv } from "../../render/sweep/csv.js";
import { streamSweepJson } from "../../render/sweep/json.js";
import { render } from "../../render/reporters.js";
import { collectSweep, gapNotes } from "../../render/sweep/view.js";
import { formatOption } from "../flags.js";
import { renderOptions, writeWarnings, writeWithBackPressure, type Io } from "../io.js";
import { addWorkloadOptions, readWorkloadInput, type WorkloadFlags } from "../workload-input.js";

interface SweepFlags extends WorkloadFlags {
  vary?: string[];
  chart?: boolean;
  format: string;
}

function axesFrom(vary: string[]) {
  if (vary.length === 0 || vary.length > 2) throw new UsageError("sweep needs --vary once or twice", "e.g. --vary reply=0..4000+1000 --vary calls=1e5..1e7x10");
  return vary.map((v) => {
    try {
      return parseAxis(v);
    } catch (err) {
      if (err instanceof InputError) throw new UsageError(`--vary: ${err.message}`, err.hint);
      throw err;
    }
  });
}

/** Registers the sweep command. */
export function registerSweep(program: Command, io: Io, done: (code: number) => void): void {
  const cmd = program
    .command("sweep")
    .description("price a workload at every point of one or two varied parameters: a row per point, a column per model")
    .argument("[file]", "workload or plan YAML file")
    .option("--vary <param=spec>", "parameter and values: a list 100,200,400, a range 0..4000+1000 or 1e5..1e7x10, or dates 2026-04-01..2026-12-01+1mo (once or twice)", (v: string, prev: string[] = []) => [...prev, v])
    .option("--chart", "draw a line chart under the table (default: on a terminal, for one parameter)")
    .option("--no-chart", "never draw the chart");
  addWorkloadOptions(cmd)
    .addOption(formatOption("sweep"))
    .action(async (file: string | undefined, flags: SweepFlags) => {
      const axes = axesFrom(flags.vary ?? []);
      const format = flags.format;
      if (flags.chart === true && (format !== "table" || axes.length !== 1)) {
        throw new UsageError("--chart draws one varied parameter in the table format", "drop --chart, or use one --vary with --format table");
      }
      const { plan, book, opts, warnings } = await readWorkloadInput("sweep", file, flags, io, axes.map((a) => (a.param === "as-of" ? "as-of" : a.param.name)));
      const s = sweep(book, plan, opts, axes);
      if (!axes.some((a) => a.param === "as-of")) {
        const cards = estimate(book, plan, opts).estimates.map((e) => e.card);
        writeWarnings(io, staleWarnings(book, cards, opts.asOf));
      }
      writeWarnings(io, warnings);
      if (format === "csv") {
        await streamSweepCsv(s, (chunk) => writeWithBackPressure(io.stdout, chunk));
        writeWarnings(io, gapNotes(s));
      } else if (format === "json") {
        await streamSweepJson(s, (chunk) => writeWithBackPressure(io.stdout, chunk));
      } else {
        const chart = format === "table" && axes.length === 1 && (flags.chart ?? io.stdout.isTTY === true);
        io.stdout.write(await render("sweep", format, collectSweep(s), { ...renderOptions(io), chart }));
      }
      done(0);
    });
}
