// The one flat map of reporters: document formats draw any command's document; data formats are per command.

import type { CheckReport, DiffReport, EstimateReport, RatesReport, SolveReport, SweepTable, TokensReport, UsageReport } from "../report/types.js";
import { renderCheckGithub } from "./check/github.js";
import { renderCheckJson } from "./check/json.js";
import { checkDocument } from "./check/view.js";
import { renderDiffGithub } from "./diff/github.js";
import { renderDiffJson } from "./diff/json.js";
import { diffDocument } from "./diff/view.js";
import type { Document } from "./document.js";
import { renderEstimateCsv } from "./estimate/csv.js";
import { renderEstimateJson } from "./estimate/json.js";
import { estimateDocument } from "./estimate/view.js";
import { renderMarkdown } from "./formats/markdown.js";
import type { RenderOptions } from "./options.js";
import { renderRatesCsv } from "./rates/csv.js";
import { renderRatesJson } from "./rates/json.js";
import { ratesDocument } from "./rates/view.js";
import { renderSolveCsv } from "./solve/csv.js";
import { renderSolveJson } from "./solve/json.js";
import { solveDocument } from "./solve/view.js";
import { sweepDocument } from "./sweep/view.js";
import { renderTokensCsv } from "./tokens/csv.js";
import { renderTokensJson } from "./tokens/json.js";
import { tokensDocument } from "./tokens/view.js";
import { renderUsageCsv } from "./usage/csv.js";
import { renderUsageFocus } from "./usage/focus.js";
import { renderUsageJson } from "./usage/json.js";
import { usageDocument } from "./usage/view.js";

type Text = string | Promise<string>;

/** One renderer per document format; the terminal and html renderers load lazily. */
export const DOCUMENT_FORMATS: Record<string, (doc: Document, opts: RenderOptions) => Text> = {
  table: async (d, o) => (await import("./formats/table.js")).renderTable(d, o),
  markdown: (d) => renderMarkdown(d),
  html: async (d) => (await import("./formats/html.js")).renderHtml(d),
};

/** A command's reporter: its view (report -> document) and its data formats (contracts of their own). */
export interface Reporter<R> {
  document: (report: R) => Document;
  data: Record<string, (report: R) => string>;
  /** Data formats the command writes itself, streamed (sweep's CSV and JSON, the SQL of rates --intervals). */
  streamed?: string[];
}

/** Every command's reporter. */
export const REPORTERS = {
  estimate: { document: estimateDocument, data: { json: renderEstimateJson, csv: renderEstimateCsv } } as Reporter<EstimateReport>,
  rates: { document: ratesDocument, data: { json: renderRatesJson, csv: renderRatesCsv }, streamed: ["sql"] } as Reporter<RatesReport>, // sql: --intervals only
  usage: { document: usageDocument, data: { json: renderUsageJson, csv: renderUsageCsv, focus: renderUsageFocus } } as Reporter<UsageReport>,
  check: { document: checkDocument, data: { json: renderCheckJson, github: renderCheckGithub } } as Reporter<CheckReport>,
  diff: { document: diffDocument, data: { json: renderDiffJson, github: renderDiffGithub } } as Reporter<DiffReport>,
  solve: { document: solveDocument, data: { json: renderSolveJson, csv: renderSolveCsv } } as Reporter<SolveReport>,
  sweep: { document: sweepDocument, data: {}, streamed: ["csv", "json"] } as Reporter<SweepTable>,
  tokens: { document: tokensDocument, data: { json: renderTokensJson, csv: renderTokensCsv } } as Reporter<TokensReport>,
};

/** A command with a reporter. */
export type Reported = keyof typeof REPORTERS;
type ReportOf<C extends Reported> = (typeof REPORTERS)[C] extends Reporter<infer R> ? R : never;

const ORDER = ["table", "json", "csv", "markdown", "focus", "github"];

/** The --format choices of a command: its data formats and every document format, in a stable order. */
export function formatsOf(command: Reported): string[] {
  const r: Reporter<never> = REPORTERS[command];
  const all = [...Object.keys(DOCUMENT_FORMATS), ...Object.keys(r.data), ...(r.streamed ?? [])];
  const rank = (f: string) => (ORDER.includes(f) ? ORDER.indexOf(f) : ORDER.length);
  return [...new Set(all)].sort((a, b) => rank(a) - rank(b));
}

/** A command's renderers keyed by format, for the library (`ESTIMATE_RENDERERS.table(report, opts)`). */
export function renderersOf<C extends Reported>(command: C): Record<string, (report: ReportOf<C>, opts: RenderOptions) => Promise<string>> {
  return Object.fromEntries(formatsOf(command).filter((f) => !REPORTERS[command].streamed?.includes(f)).map((f) => [f, (r: ReportOf<C>, o: RenderOptions) => render(command, f, r, o)]));
}

/** Renders a command's report in a format (a document format, or one of the command's data formats). */
export async function render<C extends Reported>(command: C, format: string, report: ReportOf<C>, opts: RenderOptions): Promise<string> {
  const r = REPORTERS[command] as Reporter<ReportOf<C>>;
  const data = r.data[format];
  if (data) return data(report);
  const draw = DOCUMENT_FORMATS[format];
  if (!draw) throw new Error(`no ${format} renderer for ${command}`);
  return draw(r.document(report), opts);
}
