// Rates renderers keyed by --format; the table renderer loads lazily.

import type { Format, RenderOptions } from "../options.js";
import { renderRatesCsv } from "./csv.js";
import { renderRatesJson } from "./json.js";
import { renderRatesMarkdown } from "./markdown.js";
import type { RatesReport } from "./rows.js";

type Renderer = (report: RatesReport, opts: RenderOptions) => string | Promise<string>;

/** One renderer per output format. */
export const RATES_RENDERERS: Record<Format, Renderer> = {
  table: async (r, o) => (await import("./table.js")).renderRatesTable(r, o),
  json: renderRatesJson,
  csv: renderRatesCsv,
  markdown: renderRatesMarkdown,
};
