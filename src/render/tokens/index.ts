// Tokens renderers keyed by --format; the table renderer loads lazily.

import type { Format, RenderOptions } from "../options.js";
import { renderTokensCsv } from "./csv.js";
import { renderTokensJson } from "./json.js";
import { renderTokensMarkdown } from "./markdown.js";
import type { TokensReport } from "./view.js";

type Renderer = (r: TokensReport, opts: RenderOptions) => string | Promise<string>;

/** One renderer per output format. */
export const TOKENS_RENDERERS: Record<Format, Renderer> = {
  table: async (r, o) => (await import("./table.js")).renderTokensTable(r, o),
  json: renderTokensJson,
  csv: renderTokensCsv,
  markdown: renderTokensMarkdown,
};
