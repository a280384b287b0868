// Sweep -> JSON (schema_version 1), streamed: each point's axis values and each model's exact cost (null: no price).

import { formatInstant } from "../../core/instant.js";
import type { Sweep } from "../../core/sweep.js";
import { CHUNK } from "./csv.js";
import { axisName, fracFormatter } from "./view.js";

/** `JSON.stringify(value, null, 2)` indented by `depth` levels (its first line is not indented). */
function pretty(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, "\n" + "  ".repeat(depth));
}

/**
 * The keys of an object built with `Object.fromEntries(names.map(...))`, in the order
 * `JSON.stringify` prints them, each with the index of the entry whose value it keeps (a
 * repeated name keeps the last value at the first place; integer-like names come first).
 */
function keyOrder(names: readonly string[]): [key: string, index: number][] {
  return Object.entries(Object.fromEntries(names.map((n, i) => [n, i])));
}

/**
 * Writes the sweep as pretty-printed JSON through `write`, row by row in chunks of about 64 KB,
 * in constant memory. The text is byte for byte `JSON.stringify` of the whole object with an
 * indent of 2: schema_version, currency, vary, models, rows ({point, costs}), then gaps (known
 * once every row is read) and the run's warnings (as on stderr). `write` may return a promise
 * (back-pressure); it is awaited.
 */
export async function streamSweepJson(sweep: Sweep, write: (chunk: string) => void | Promise<void>, warnings: readonly string[] = []): Promise<void> {
  const head = {
    schema_version: 1,
    currency: sweep.currency,
    vary: sweep.axes.map((a) => ({ param: axisName(a), spec: a.spec })),
    models: sweep.models,
  };
  let buf = pretty(head, 0).slice(0, -2) + ',\n  "rows": [';
  const pointKeys = keyOrder(sweep.axes.map(axisName)).map(([k, i]) => [`\n        ${JSON.stringify(k)}: `, i] as const);
  const costKeys = keyOrder(sweep.models).map(([k, i]) => [`\n        ${JSON.stringify(k)}: `, i] as const);
  const close = (keys: readonly unknown[]) => (keys.length ? "\n      }" : "}"); // {} when empty, as JSON.stringify prints it
  const points = sweep.axes.map(() => fracFormatter());
  const costs = sweep.models.map(() => fracFormatter());
  let chunk = 0;
  let first = true;
  for (const row of sweep.rows()) {
    let text = first ? "\n    {\n      " : ",\n    {\n      ";
    first = false;
    text += '"point": {';
    for (let k = 0; k < pointKeys.length; k++) {
      const [key, i] = pointKeys[k]!;
      const p = row.point[i]!;
      text += (k > 0 ? "," : "") + key + (typeof p === "number" ? JSON.stringify(formatInstant(p)) : `"${points[i]!(p)}"`);
    }
    text += close(pointKeys) + ',\n      "costs": {';
    for (let k = 0; k < costKeys.length; k++) {
      const [key, i] = costKeys[k]!;
      const c = row.costs[i];
      text += (k > 0 ? "," : "") + key + (c ? `"${costs[i]!(c)}"` : "null");
    }
    buf += text + close(costKeys) + "\n    }";
    if (buf.length >= chunk) {
      chunk = CHUNK;
      await write(buf);
      buf = "";
    }
  }
  buf += first ? "]" : "\n  ]";
  const gaps = sweep.gaps.map((g) => ({ model: g.model, points: g.points, reason: g.reason }));
  await write(buf + ',\n  "gaps": ' + pretty(gaps, 1) + ',\n  "warnings": ' + pretty(warnings, 1) + "\n}\n");
}
