// Sweep -> CSV, streamed: rows are formatted and written as they are computed, in constant memory.

import { formatInstant } from "../../core/instant.js";
import type { Sweep } from "../../core/sweep.js";
import { csvRow } from "../csv.js";
import { axisName, fracFormatter } from "./view.js";

/** Bytes buffered before a write (the header and first row go out at once). */
export const CHUNK = 1 << 16;

/**
 * Writes the sweep as RFC 4180 CSV (header: the axes, then one column per model; exact decimal
 * strings; empty where a model has no price) through `write`, in chunks of about 64 KB.
 * `write` may return a promise (back-pressure); it is awaited before the next chunk.
 */
export async function streamSweepCsv(sweep: Sweep, write: (chunk: string) => void | Promise<void>): Promise<void> {
  let buf = csvRow([...sweep.axes.map(axisName), ...sweep.models]) + "\r\n";
  const points = sweep.axes.map(() => fracFormatter());
  const costs = sweep.models.map(() => fracFormatter());
  let chunk = 0;
  for (const row of sweep.rows()) {
    let line = "";
    for (let i = 0; i < row.point.length; i++) {
      const p = row.point[i]!;
      line += (i > 0 ? "," : "") + (typeof p === "number" ? formatInstant(p) : points[i]!(p));
    }
    for (let i = 0; i < row.costs.length; i++) {
      const c = row.costs[i];
      line += "," + (c ? costs[i]!(c) : "");
    }
    buf += line + "\r\n";
    if (buf.length >= chunk) {
      chunk = CHUNK; // the header and first row go out at once, then 64 KB at a time
      await write(buf);
      buf = "";
    }
  }
  if (buf) await write(buf);
}
