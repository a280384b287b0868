// Check renderers keyed by --format; the table renderer (chalk, cli-table3) loads lazily.

import type { CheckReport } from "../../core/check.js";
import type { GateFormat, RenderOptions } from "../options.js";
import { renderCheckGithub } from "./github.js";
import { renderCheckJson } from "./json.js";
import { renderCheckMarkdown } from "./markdown.js";

type Renderer = (report: CheckReport, opts: RenderOptions) => string | Promise<string>;

/** One renderer per output format of `check`. */
export const CHECK_RENDERERS: Record<GateFormat, Renderer> = {
  table: async (r, o) => (await import("./table.js")).renderCheckTable(r, o),
  json: renderCheckJson,
  markdown: renderCheckMarkdown,
  github: renderCheckGithub,
};
