// `ratecard rates [MODEL...]`: prices in force at an instant, or every version with --history.

import type { Command } from "commander";
import { loadRateCards } from "../../cards/load.js";
import { rateHistory, ratesAt } from "../../core/rates.js";
import { render } from "../../render/reporters.js";
import type { RatesReport } from "../../report/types.js";
import { asOfFrom, formatOption, ratesOption } from "../flags.js";
import { renderOptions, type Io } from "../io.js";
import { cardSources } from "../config.js";

interface RatesFlags {
  history?: boolean;
  asOf?: string;
  rates: string[];
  format: string;
  provider?: string;
  search?: string;
}

/** Registers the rates command. */
export function registerRates(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command("rates")
    .description("list models with the prices in force at an instant, or their whole history")
    .argument("[model...]", "models to list (default: all)")
    .option("--history", "list every version with from/until, prices, source and note")
    .option("--as-of <date>", "list prices in force at this date or ISO date-time")
    .option("--provider <name>", "list only the models of this provider's cards (deepseek, anthropic, openai, google...)")
    .option("--search <text>", "list only models whose id, name or snapshot ids contain this text")
    .addOption(ratesOption())
    .addOption(formatOption("rates"))
    .action(async (models: string[], flags: RatesFlags) => {
      const book = loadRateCards(cardSources(flags.rates, io));
      const asOf = asOfFrom(flags.asOf, undefined, io.now());
      const filter = { provider: flags.provider, search: flags.search };
      const report: RatesReport = flags.history
        ? { kind: "history", rows: rateHistory(book, models, filter) }
        : { kind: "current", asOf, rows: ratesAt(book, asOf, models, filter) };
      io.stdout.write(await render("rates", flags.format, report, renderOptions(io)));
      done(0);
    });
}
