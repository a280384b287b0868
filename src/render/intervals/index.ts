// Price-interval writers keyed by format; each streams its text in chunks.

import type { IntervalExport } from "./columns.js";
import { intervalsCsv } from "./csv.js";
import { intervalsJson } from "./json.js";
import { intervalsSql, type SqlDialect } from "./sql.js";

/** The formats `rates --intervals` writes. */
export const INTERVAL_FORMATS = ["csv", "json", "sql"] as const;
export type IntervalFormat = (typeof INTERVAL_FORMATS)[number];

/** The chunks of the export in `format` (`dialect` only for sql). */
export function intervalChunks(format: IntervalFormat, x: IntervalExport, dialect?: SqlDialect): Generator<string> {
  return format === "csv" ? intervalsCsv(x) : format === "json" ? intervalsJson(x) : intervalsSql(x, dialect);
}
