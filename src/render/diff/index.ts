// Diff renderers keyed by --format; the table renderer (chalk, cli-table3) loads lazily.

import type { DiffReport } from "../../core/diff.js";
import type { GateFormat, RenderOptions } from "../options.js";
import { renderDiffGithub } from "./github.js";
import { renderDiffJson } from "./json.js";
import { renderDiffMarkdown } from "./markdown.js";

type Renderer = (report: DiffReport, opts: RenderOptions) => string | Promise<string>;

/** One renderer per output format of `diff`. */
export const DIFF_RENDERERS: Record<GateFormat, Renderer> = {
  table: async (r, o) => (await import("./table.js")).renderDiffTable(r, o),
  json: renderDiffJson,
  markdown: renderDiffMarkdown,
  github: renderDiffGithub,
};
