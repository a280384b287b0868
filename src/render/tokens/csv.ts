// Tokens report -> CSV: one row per file.

import { csvDocument } from "../csv.js";
import type { TokensReport } from "../../report/types.js";

/** Renders a tokens report as RFC 4180 CSV (file, tokens). */
export function renderTokensCsv(r: TokensReport): string {
  return csvDocument(["file", "tokens"], r.files.map((f) => [f.file, f.tokens.toDecimal()]));
}
