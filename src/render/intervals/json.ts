// Price intervals -> JSON (schema_version 1), streamed: one interval object per line, prices as decimal strings.

import { formatInstant } from "../../core/instant.js";
import { chunked, type IntervalExport } from "./columns.js";

function* lines(x: IntervalExport): Generator<string> {
  yield `{"schema_version":1,"from":${JSON.stringify(formatInstant(x.from))},"to":${JSON.stringify(formatInstant(x.to))},"intervals":[`;
  let first = true;
  for (const r of x.rows) {
    const fields = x.columns.map((c) => `${JSON.stringify(c.name)}:${JSON.stringify(c.value(r))}`);
    yield `${first ? "" : ","}\n{${fields.join(",")}}`;
    first = false;
  }
  yield `\n],"names":[`;
  yield x.names.map((n) => `\n${JSON.stringify({ name: n.name, model: n.model })}`).join(",");
  yield "\n]}\n";
}

/** The export as JSON chunks: `{ schema_version, from, to, intervals: [{ model, billed_as, start, end, window, currency, ... }], names: [{ name, model }] }`. */
export function intervalsJson(x: IntervalExport): Generator<string> {
  return chunked(lines(x));
}
