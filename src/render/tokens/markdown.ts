// Tokens report -> GitHub-flavoured Markdown.

import { formatTokens } from "../format.js";
import { mdTable } from "../markdown.js";
import { TOKENIZER_NOTE, type TokensReport } from "./view.js";

/** Renders a tokens report as a table with a total and the tokenizer note. */
export function renderTokensMarkdown(r: TokensReport): string {
  const rows = [...r.files.map((f) => [f.file, formatTokens(f.tokens)]), ["**total**", `**${formatTokens(r.total)}**`]];
  return [mdTable(["file", "tokens"], rows, [false, true]), `Token counts ${TOKENIZER_NOTE}.`, ""].join("\n");
}
