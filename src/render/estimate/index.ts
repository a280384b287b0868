// Estimate renderers keyed by --format; the table renderer (chalk, cli-table3) loads lazily.

import type { EstimateReport } from "../../core/types.js";
import type { Format, RenderOptions } from "../options.js";
import { renderEstimateCsv } from "./csv.js";
import { renderEstimateJson } from "./json.js";
import { renderEstimateMarkdown } from "./markdown.js";

type Renderer = (report: EstimateReport, opts: RenderOptions) => string | Promise<string>;

/** One renderer per output format. */
export const ESTIMATE_RENDERERS: Record<Format, Renderer> = {
  table: async (r, o) => (await import("./table.js")).renderEstimateTable(r, o),
  json: renderEstimateJson,
  csv: renderEstimateCsv,
  markdown: renderEstimateMarkdown,
};
