// Solve renderers keyed by --format; the table renderer loads lazily.

import type { SolveReport } from "../../core/solve.js";
import type { Format, RenderOptions } from "../options.js";
import { renderSolveCsv } from "./csv.js";
import { renderSolveJson } from "./json.js";
import { renderSolveMarkdown } from "./markdown.js";

type Renderer = (r: SolveReport, opts: RenderOptions) => string | Promise<string>;

/** One renderer per output format. */
export const SOLVE_RENDERERS: Record<Format, Renderer> = {
  table: async (r, o) => (await import("./table.js")).renderSolveTable(r, o),
  json: renderSolveJson,
  csv: renderSolveCsv,
  markdown: renderSolveMarkdown,
};
