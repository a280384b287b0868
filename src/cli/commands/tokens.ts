// `ratecard tokens FILE...`: token counts of text files (`-` = standard input) with the DeepSeek V3 tokenizer.

import type { Command } from "commander";
import { UsageError } from "../../core/errors.js";
import { Exact, sum } from "../../core/exact.js";
import { render } from "../../render/reporters.js";
import { formatOption } from "../flags.js";
import { renderOptions, type Io } from "../io.js";
import { readTextFile } from "../sources.js";
import { loadTokenCounter } from "../tokenizer.js";

/** Registers the tokens command. */
export function registerTokens(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command("tokens")
    .description("count the tokens of text files with the DeepSeek V3 tokenizer (an approximation for V4)")
    .argument("<file...>", "text files; - reads standard input")
    .addOption(formatOption("tokens"))
    .action(async (paths: string[], flags: { format: string }) => {
      if (paths.filter((p) => p === "-").length > 1) throw new UsageError("- (standard input) can be named once", "name it once");
      const texts = paths.map((p) => {
        if (p !== "-") return { file: p, text: readTextFile(p, io.cwd).text };
        if (!io.readStdin) throw new UsageError("standard input is not available here", "name a file instead of -");
        return { file: "-", text: io.readStdin() };
      });
      const count = await loadTokenCounter();
      const files = texts.map((t) => ({ file: t.file, tokens: Exact.int(count(t.text)) }));
      const report = { files, total: sum(files.map((f) => f.tokens)) };
      io.stdout.write(await render("tokens", flags.format, report, renderOptions(io)));
      done(0);
    });
}
