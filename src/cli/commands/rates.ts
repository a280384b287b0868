// `ratecard rates [MODEL...]`: prices in force at an instant, every version with --history, or UTC price intervals with --intervals.

import { Option, type Command } from "commander";
import { loadRateCards } from "../../cards/load.js";
import { UsageError } from "../../core/errors.js";
import { parseInstant } from "../../core/instant.js";
import { intervalShape, modelNames, priceIntervals } from "../../core/intervals.js";
import { rateHistory, ratesAt } from "../../core/rates.js";
import { intervalColumns } from "../../render/intervals/columns.js";
import { INTERVAL_FORMATS, intervalChunks, type IntervalFormat } from "../../render/intervals/index.js";
import { SQL_DIALECTS, type SqlDialect } from "../../render/intervals/sql.js";
import { render } from "../../render/reporters.js";
import type { RatesReport } from "../../report/types.js";
import { asOfFrom, asOfOption, currencyOptions, flagValue, formatOption, modelOption, ratesOption, untilFlag } from "../flags.js";
import { currencyFrom } from "../pricing.js";
import { renderOptions, writeWithBackPressure, type Io } from "../io.js";
import { cardSources } from "../config.js";
import { action } from "../action.js";

interface RatesFlags {
  history?: boolean;
  intervals?: boolean;
  from?: string;
  to?: string;
  dialect?: SqlDialect;
  asOf?: string;
  model?: string[];
  rates: string[];
  currency?: string;
  fx?: string;
  format: string;
  provider?: string;
  search?: string;
}

/** The --intervals format: -f csv|json|sql; csv when -f was not given (or the config's format is not one of them). */
function intervalFormat(cmd: Command, format: string): IntervalFormat {
  if ((INTERVAL_FORMATS as readonly string[]).includes(format)) return format as IntervalFormat;
  if (cmd.getOptionValueSource("format") === "cli") {
    throw new UsageError(`--intervals writes csv, json or sql, not ${format}`, "use -f csv, -f json or -f sql");
  }
  return "csv";
}

/** Checks the flags that only make sense with or without --intervals. */
function checkCombination(flags: RatesFlags): void {
  if (flags.intervals) {
    if (flags.history) throw new UsageError("--intervals and --history cannot be combined", "drop one of them");
    if (flags.asOf !== undefined) throw new UsageError("--intervals takes --from and --to, not --as-of", "e.g. --from 2026-01-01 --to 2026-12-31");
    if (flags.from === undefined || flags.to === undefined) throw new UsageError("--intervals needs --from and --to", "e.g. --from 2026-01-01 --to 2026-12-31 (a bare --to date includes that day)");
    if (flags.dialect !== undefined && flags.format !== "sql") throw new UsageError("--dialect applies to -f sql only", "add -f sql, or drop --dialect");
    if (flags.currency !== undefined) throw new UsageError("--intervals lists prices in the cards' own currencies", "drop --currency");
    return;
  }
  const only = flags.format === "sql" ? "-f sql" : flags.from !== undefined ? "--from" : flags.to !== undefined ? "--to" : flags.dialect !== undefined ? "--dialect" : undefined;
  if (only) throw new UsageError(`${only} needs --intervals`, "e.g. ratecard rates --intervals --from 2026-01-01 --to 2026-12-31 -f sql");
}

/** Registers the rates command. */
export function registerRates(program: Command, io: Io): void {
  program
    .command("rates")
    .description("list models with the prices in force at an instant, their whole history, or UTC price intervals for a warehouse")
    .argument("[model...]", "models to list (default: all)")
    .option("--history", "list every version with from/until, prices, source and note")
    .addOption(asOfOption())
    .addOption(modelOption())
    .option("--provider <name>", "list only the models of this provider's cards (deepseek, anthropic, openai, google...)")
    .option("--search <text>", "list only models whose id, name or snapshot ids contain this text")
    .option("--intervals", "flatten versions, aliases and calendars into non-overlapping UTC intervals (-f csv|json|sql)")
    .option("--from <date>", "with --intervals: the first instant (a date means 00:00 UTC)")
    .option("--to <date>", "with --intervals: the end, excluded (a bare date includes that whole UTC day)")
    .addOption(new Option("--dialect <engine>", "with -f sql: SQL for this engine where engines differ (default: standard SQL)").choices(SQL_DIALECTS as unknown as string[]))
    .addOption(ratesOption())
    .addOption(currencyOptions()[0]!)
    .addOption(currencyOptions()[1]!)
    .addOption(formatOption("rates"))
    .action(action(async (models: string[], flags: RatesFlags, cmd: Command) => {
      checkCombination(flags);
      const book = loadRateCards(cardSources(flags.rates, io));
      if (flags.intervals) {
        const format = intervalFormat(cmd, flags.format);
        const from = flagValue("--from", flags.from!, parseInstant);
        const to = untilFlag("--to", flags.to!);
        if (from >= to) throw new UsageError("--from is not before --to", "give a --from earlier than --to");
        const filter = { provider: flags.provider, search: flags.search };
        const ids = [...models, ...(flags.model ?? [])];
        const rows = priceIntervals(book, from, to, ids, filter);
        const names = modelNames(book, ids, filter);
        const columns = intervalColumns(intervalShape(book, from, to, ids, filter));
        for (const chunk of intervalChunks(format, { from, to, columns, rows, names }, flags.dialect)) await writeWithBackPressure(io.stdout, chunk);
        return "ok";
      }
      const asOf = asOfFrom(flags.asOf, undefined, io.now());
      const filter = { provider: flags.provider, search: flags.search };
      const ids = [...models, ...(flags.model ?? [])];
      const money = currencyFrom(flags);
      const report: RatesReport = flags.history
        ? { kind: "history", rows: rateHistory(book, ids, filter, money) }
        : { kind: "current", asOf, rows: ratesAt(book, asOf, ids, filter, money) };
      io.stdout.write(await render("rates", flags.format, report, renderOptions(io)));
      return "ok";
    }));
}
