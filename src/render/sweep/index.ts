// Sweep renderers keyed by --format (CSV and JSON stream separately); the table renderer loads lazily.

import type { Format, RenderOptions } from "../options.js";
import { renderSweepMarkdown } from "./markdown.js";
import type { SweepTable } from "./view.js";

type Renderer = (t: SweepTable, opts: RenderOptions & { chart?: boolean }) => string | Promise<string>;

/** One renderer per format that reads the whole sweep first (CSV and JSON stream: see csv.ts, json.ts). */
export const SWEEP_RENDERERS: Record<Exclude<Format, "csv" | "json">, Renderer> = {
  table: async (t, o) => (await import("./table.js")).renderSweepTable(t, o),
  markdown: renderSweepMarkdown,
};
