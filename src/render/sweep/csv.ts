// Sweep -> CSV, streamed: rows are formatted and written as they are computed, in constant memory.

import { decimalFormatter, Exact } from "../../core/exact.js";
import { formatInstant } from "../../core/instant.js";
import type { Frac, Sweep } from "../../core/sweep.js";
import { csvRow } from "../csv.js";
import { axisName } from "./view.js";

const CHUNK = 1 << 16;

/** How many denominators one column keeps a formatter for (a 2-D sweep has one per inner point). */
const FORMATTERS = 4096;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Formats fractions of one column with a formatter per denominator, built once and reused: the
 * rows of a 2-D sweep cycle through the inner axis's denominators, so rebuilding on each change
 * would rebuild per cell.
 */
function columnFormatter(): (f: Frac) => string {
  const byDenominator = new Map<number | bigint, (n: bigint) => string>();
  let d = 0n;
  let fmt: (n: bigint) => string = (n) => Exact.of(n, 1n).toDecimal();
  return (f) => {
    if (f.d !== d) {
      d = f.d;
      const key = d <= MAX_SAFE ? Number(d) : d; // number keys hash faster than BigInt ones
      let found = byDenominator.get(key);
      if (!found) {
        if (byDenominator.size >= FORMATTERS) byDenominator.clear();
        found = decimalFormatter(d);
        byDenominator.set(key, found);
      }
      fmt = found;
    }
    return fmt(f.n);
  };
}

/**
 * Writes the sweep as RFC 4180 CSV (header: the axes, then one column per model; exact decimal
 * strings; empty where a model has no price) through `write`, in chunks of about 64 KB.
 * `write` may return a promise (back-pressure); it is awaited before the next chunk.
 */
export async function streamSweepCsv(sweep: Sweep, write: (chunk: string) => void | Promise<void>): Promise<void> {
  let buf = csvRow([...sweep.axes.map(axisName), ...sweep.models]) + "\r\n";
  const points = sweep.axes.map(() => columnFormatter());
  const costs = sweep.models.map(() => columnFormatter());
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
