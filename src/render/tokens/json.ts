// Tokens report -> JSON (schema_version 1): counts as decimal strings, with the tokenizer named.

import type { TokensReport } from "../../report/types.js";
import { TOKENIZER, TOKENIZER_NOTE } from "./view.js";

/** Renders a tokens report as pretty-printed JSON. */
export function renderTokensJson(r: TokensReport): string {
  const body = {
    schema_version: 1,
    tokenizer: TOKENIZER,
    note: TOKENIZER_NOTE,
    files: r.files.map((f) => ({ file: f.file, tokens: f.tokens.toDecimal() })),
    total: r.total.toDecimal(),
  };
  return JSON.stringify(body, null, 2) + "\n";
}
