// `ratecard sweep [FILE] --vary PARAM=SPEC`: a plan's cost on each model at every point of one or two parameters.

import type { Command } from "commander";
import { InputError, UsageError } from "../../core/errors.js";
import { estimate } from "../../core/estimate.js";
import { staleWarnings } from "../../core/staleness.js";
import { Exact } from "../../core/exact.js";
import { parseCount } from "../../core/quantity.js";
import { axisLength, MAX_AXIS_POINTS, parseAxis } from "../../core/sweep-axis.js";
import { sweep } from "../../core/sweep.js";
import { streamSweepCsv } from "../../render/sweep/csv.js";
import { streamSweepJson } from "../../render/sweep/json.js";
import { render } from "../../render/reporters.js";
import { collectSweep, gapNotes } from "../../render/sweep/view.js";
import { flagValue, formatOption } from "../flags.js";
import { renderOptions, writeWarnings, writeWithBackPressure, type Io } from "../io.js";
import { addWorkloadOptions, readWorkloadInput, type WorkloadFlags } from "../workload-input.js";
import { action } from "../action.js";

interface SweepFlags extends WorkloadFlags {
  vary?: string[];
  chart?: boolean;
  maxPoints?: string;
  format: string;
}

/** Default --max-points: formats that hold every row in memory, and CSV and JSON, which stream. */
export const MAX_POINTS = { held: 100_000, streamed: MAX_AXIS_POINTS };

function axesFrom(vary: string[], maxPoints: number) {
  if (vary.length === 0 || vary.length > 2) throw new UsageError("sweep needs --vary once or twice", "e.g. --vary reply=0..4000+1000 --vary calls=1e5..1e7x10");
  const axes = vary.map((v) => {
    try {
      return parseAxis(v, maxPoints);
    } catch (err) {
      if (err instanceof InputError) throw new UsageError(`--vary: ${err.message}`, err.hint);
      throw err;
    }
  });
  const size = axes.reduce((acc, a) => acc * axisLength(a), 1);
  if (size > maxPoints) throw new UsageError(`--vary: the sweep has ${size} points, more than the limit of ${maxPoints}`, "use larger steps, or raise the limit with --max-points");
  return axes;
}

function maxPointsOf(flags: SweepFlags, format: string): number {
  if (flags.maxPoints === undefined) return format === "csv" || format === "json" ? MAX_POINTS.streamed : MAX_POINTS.held;
  return flagValue("--max-points", flags.maxPoints, (t) => {
    const v = parseCount(t);
    if (v.isZero() || v.cmp(Exact.int(MAX_AXIS_POINTS)) > 0) throw new Error(`must be from 1 to ${MAX_AXIS_POINTS}`);
    return Number(v.n);
  });
}

/** Registers the sweep command. */
export function registerSweep(program: Command, io: Io): void {
  const cmd = program
    .command("sweep")
    .description("price a workload at every point of one or two varied parameters: a row per point, a column per model")
    .argument("[file]", "workload or plan YAML file; - reads standard input")
    .option("--vary <param=spec>", "parameter and values: a list 100,200,400, a range 0..4000+1000 or 1e5..1e7x10, or dates 2026-04-01..2026-12-01+1mo (once or twice)", (v: string, prev: string[] = []) => [...prev, v])
    .option("--chart", "draw a line chart under the table (default: on a terminal, for one parameter)")
    .option("--no-chart", "never draw the chart")
    .option("--max-points <n>", `most points a sweep may have (default ${MAX_POINTS.held} for table, markdown and html; ${MAX_POINTS.streamed} for csv and json, which stream)`);
  addWorkloadOptions(cmd)
    .addOption(formatOption("sweep"))
    .action(action(async (file: string | undefined, flags: SweepFlags) => {
      const format = flags.format;
      const axes = axesFrom(flags.vary ?? [], maxPointsOf(flags, format));
      if (flags.chart === true && (format !== "table" || axes.length !== 1)) {
        throw new UsageError("--chart draws one varied parameter in the table format", "drop --chart, or use one --vary with --format table");
      }
      const { plan, book, opts, warnings } = await readWorkloadInput("sweep", file, flags, io, axes.map((a) => (a.param === "as-of" ? "as-of" : a.param.name)));
      const s = sweep(book, plan, opts, axes);
      const stale = axes.some((a) => a.param === "as-of") ? [] : staleWarnings(book, estimate(book, plan, { ...opts, allowNoTokens: true }).estimates.map((e) => e.card), opts.asOf);
      writeWarnings(io, [...stale, ...warnings]);
      if (format === "csv") {
        await streamSweepCsv(s, (chunk) => writeWithBackPressure(io.stdout, chunk));
        writeWarnings(io, gapNotes(s));
      } else if (format === "json") {
        await streamSweepJson(s, (chunk) => writeWithBackPressure(io.stdout, chunk), [...stale, ...warnings]);
      } else {
        const chart = format === "table" && axes.length === 1 && (flags.chart ?? io.stdout.isTTY === true);
        io.stdout.write(await render("sweep", format, collectSweep(s), { ...renderOptions(io), chart }));
      }
      return "ok";
    }));
}
