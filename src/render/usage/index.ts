// Usage renderers keyed by --format (which adds `focus` for this command); the table loads lazily.

import type { UsageReport } from "../../usage/types.js";
import type { RenderOptions } from "../options.js";
import { renderUsageCsv } from "./csv.js";
import { renderUsageFocus } from "./focus.js";
import { renderUsageJson } from "./json.js";
import { renderUsageMarkdown } from "./markdown.js";

/** The formats of `ratecard usage --format`. */
export const USAGE_FORMATS = ["table", "json", "csv", "markdown", "focus"] as const;
export type UsageFormat = (typeof USAGE_FORMATS)[number];

type Renderer = (report: UsageReport, opts: RenderOptions) => string | Promise<string>;

/** One renderer per output format. */
export const USAGE_RENDERERS: Record<UsageFormat, Renderer> = {
  table: async (r, o) => (await import("./table.js")).renderUsageTable(r, o),
  json: renderUsageJson,
  csv: renderUsageCsv,
  markdown: renderUsageMarkdown,
  focus: renderUsageFocus,
};
