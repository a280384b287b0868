// Sweep renderers keyed by --format (CSV streams separately); the table renderer loads lazily.

import type { Format, RenderOptions } from "../options.js";
import { renderSweepJson } from "./json.js";
import { renderSweepMarkdown } from "./markdown.js";
import type { SweepTable } from "./view.js";

type Renderer = (t: SweepTable, opts: RenderOptions & { chart?: boolean }) => string | Promise<string>;

/** One renderer per format that reads the whole sweep first (CSV streams: see csv.ts). */
export const SWEEP_RENDERERS: Record<Exclude<Format, "csv">, Renderer> = {
  table: async (t, o) => (await import("./table.js")).renderSweepTable(t, o),
  json: renderSweepJson,
  markdown: renderSweepMarkdown,
};
