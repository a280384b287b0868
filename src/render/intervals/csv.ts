// Price intervals -> RFC 4180 CSV, streamed: a header, then one row per model and interval.

import { csvRow } from "../csv.js";
import { chunked, type IntervalExport } from "./columns.js";

function* lines(x: IntervalExport): Generator<string> {
  yield csvRow(x.columns.map((c) => c.name)) + "\r\n";
  for (const r of x.rows) yield csvRow(x.columns.map((c) => c.value(r) ?? "")) + "\r\n";
}

/** The export as CSV chunks; a null (no alias, a flat window) is an empty field. */
export function intervalsCsv(x: IntervalExport): Generator<string> {
  return chunked(lines(x));
}
