// `ratecard import litellm FILE`: another tool's price file -> a rate card on stdout, warnings on stderr.

import { Argument, type Command } from "commander";
import { importLitellm } from "../../cards/import-litellm.js";
import { parseInstant, utcDate } from "../../core/instant.js";
import { collect, flagValue } from "../flags.js";
import { writeWarnings, type Io } from "../io.js";
import { readTextFile } from "../sources.js";
import { action } from "../action.js";

interface ImportFlags {
  from?: string;
  provider?: string[];
}

/** Checks --from: a calendar date YYYY-MM-DD (parseInstant rejects impossible ones). */
function dateOnly(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new Error(`"${text}" is not a date YYYY-MM-DD`);
  return utcDate(parseInstant(text));
}

/** Registers the import command. */
export function registerImport(program: Command, io: Io): void {
  program
    .command("import")
    .description("convert another tool's price file into a rate card (YAML on stdout)")
    .addArgument(new Argument("<format>", "the file's format").choices(["litellm"]))
    .argument("<file>", "the price file (LiteLLM: model_prices_and_context_window.json)")
    .option("--from <date>", "date the imported prices start, YYYY-MM-DD (default: today, UTC)")
    .option("--provider <name>", "keep only models of this litellm_provider (repeatable)", collect)
    .action(action(async (_format: "litellm", file: string, flags: ImportFlags) => {
      const from = flags.from !== undefined ? flagValue("--from", flags.from, dateOnly) : utcDate(io.now());
      const result = importLitellm(readTextFile(file, io.cwd, "text").text, file, { from, providers: flags.provider });
      writeWarnings(io, result.warnings);
      io.stdout.write(result.yaml);
      return "ok";
    }));
}
