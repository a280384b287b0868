// Tokens report -> a terminal table (cli-table3).

import { Chalk } from "chalk";
import Table from "cli-table3";
import { formatTokens } from "../format.js";
import type { RenderOptions } from "../options.js";
import { NO_ROW_RULES } from "../table-style.js";
import { TOKENIZER_NOTE, type TokensReport } from "./view.js";

/** Renders a tokens report as a table, a total row and the tokenizer note. */
export function renderTokensTable(r: TokensReport, opts: RenderOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const table = new Table({ head: [c.bold("file"), c.bold("tokens")], style: { head: [], border: [] }, chars: NO_ROW_RULES, colAligns: ["left", "right"] });
  for (const f of r.files) table.push([f.file, formatTokens(f.tokens)]);
  table.push([c.bold("total"), c.bold(formatTokens(r.total))]);
  return [table.toString(), c.dim(`token counts ${TOKENIZER_NOTE}`), ""].join("\n");
}
