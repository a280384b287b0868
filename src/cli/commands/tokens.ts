// `ratecard tokens FILE...`: token counts of text files (`-` = standard input) with the DeepSeek V3 tokenizer.

import type { Command } from "commander";
import { UsageError } from "../../core/errors.js";
import { Exact, sum } from "../../core/exact.js";
import { render } from "../../render/reporters.js";
import { formatOption } from "../flags.js";
import { renderOptions, type Io } from "../io.js";
import { fsError, textFilePath } from "../sources.js";
import { countFileTokens, loadTokenCounter } from "../tokenizer.js";
import { action } from "../action.js";

/** Registers the tokens command. */
export function registerTokens(program: Command, io: Io): void {
  program
    .command("tokens")
    .description("count the tokens of text files with the DeepSeek V3 tokenizer (an approximation for V4)")
    .argument("<file...>", "text files; - reads standard input")
    .addOption(formatOption("tokens"))
    .action(action(async (paths: string[], flags: { format: string }) => {
      if (paths.filter((p) => p === "-").length > 1) throw new UsageError("- (standard input) can be named once", "name it once");
      const full = paths.map((p) => (p === "-" ? "-" : textFilePath(p, io.cwd))); // check every path first
      if (full.includes("-") && !io.readStdin) throw new UsageError("standard input is not available here", "name a file instead of -");
      const stdin = full.includes("-") ? io.readStdin!() : ""; // read (and checked) before the tokenizer loads
      const count = await loadTokenCounter();
      const counted = (file: string, i: number): number => {
        if (file === "-") return count(stdin);
        try {
          return countFileTokens(count, full[i]!);
        } catch (err) {
          throw fsError(err, file);
        }
      };
      const files = paths.map((file, i) => ({ file, tokens: Exact.int(counted(file, i)) }));
      const report = { files, total: sum(files.map((f) => f.tokens)) };
      io.stdout.write(await render("tokens", flags.format, report, renderOptions(io)));
      return "ok";
    }));
}
