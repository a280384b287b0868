// A report saved by `ratecard estimate -f json` -> the estimate it describes, amounts exact again.

import { CURRENCY_CODE } from "../core/currency.js";
import { InputError } from "../core/errors.js";
import { Exact, sum } from "../core/exact.js";
import { parseInstant } from "../core/instant.js";
import { quote } from "../core/printable.js";
import type { Bucket, EstimateReport, ItemEstimate, Line, ModelEstimate, Window } from "../core/types.js";

/** The estimate JSON schema_version this build reads (and `estimate -f json` writes). */
const SCHEMA_VERSION = 1;
const BUCKETS: readonly Bucket[] = ["input_cache_hit", "input_cache_miss", "output", "reasoning"];
const WINDOWS: readonly Window[] = ["peak", "off-peak", null];
/** What `Exact.toDecimal` writes: no exponent, no sign but minus. */
const DECIMAL = /^-?\d+(\.\d+)?$/;
/** Half a unit in the 12th place: how far one rounded decimal in the JSON can be from exact. */
const HALF_ULP = Exact.of(1n, 2n * 10n ** 12n);

type Json = Record<string, unknown>;

function at(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Walks the parsed JSON with a path, failing with file and JSON path on anything unexpected. */
class Reader {
  constructor(readonly file: string) {}

  fail(path: string, message: string, hint = "save the report again with ratecard estimate -f json"): never {
    throw new InputError(`${path}: ${message}`, hint, { file: this.file });
  }
  obj(v: unknown, path: string): Json {
    if (typeof v !== "object" || v === null || Array.isArray(v)) this.fail(path, "must be an object");
    return v as Json;
  }
  arr(v: unknown, path: string): unknown[] {
    if (!Array.isArray(v)) this.fail(path, "must be a list");
    return v;
  }
  str(o: Json, key: string, path: string): string {
    const v = o[key];
    if (typeof v !== "string") this.fail(at(path, key), "must be a string");
    return v;
  }
  optStr(o: Json, key: string, path: string): string | undefined {
    return o[key] === null || o[key] === undefined ? undefined : this.str(o, key, path);
  }
  dec(o: Json, key: string, path: string): Exact {
    const v = o[key];
    let x: Exact | undefined;
    try {
      x = typeof v === "string" && DECIMAL.test(v) ? Exact.parseDecimal(v) : undefined;
    } catch (err) {
      this.fail(at(path, key), (err as Error).message);
    }
    if (!x) this.fail(at(path, key), `${typeof v === "string" ? quote(v) : "the value"} is not a decimal string like "168.5"`);
    if (x.isNegative()) this.fail(at(path, key), `${v} is negative`);
    return x;
  }
  instant(o: Json, key: string, path: string): number {
    const text = this.str(o, key, path);
    try {
      return parseInstant(text);
    } catch (err) {
      this.fail(at(path, key), (err as Error).message);
    }
  }
  /** Fails unless `total` equals the sum of `parts` up to the rounding of each decimal. */
  adds(total: Exact, parts: Exact[], path: string): void {
    const slack = HALF_ULP.mul(Exact.int(parts.length + 1));
    if (sum(parts).sub(total).abs().cmp(slack) > 0) this.fail(path, `${total.toDecimal()} is not the sum of its parts (${sum(parts).toDecimal()})`, "the report was edited: save it again");
  }
}

function readLine(r: Reader, v: unknown, path: string): Line {
  const o = r.obj(v, path);
  const bucket = r.str(o, "bucket", path) as Bucket;
  if (!BUCKETS.includes(bucket)) r.fail(`${path}.bucket`, `"${bucket}" is not one of ${BUCKETS.join(", ")}`);
  const window = (o.window ?? null) as Window;
  if (!WINDOWS.includes(window)) r.fail(`${path}.window`, `${JSON.stringify(o.window)} is not peak, off-peak or null`);
  return { bucket, window, tokens: r.dec(o, "tokens", path), rate: r.dec(o, "rate", path), cost: r.dec(o, "cost", path) };
}

function readItem(r: Reader, v: unknown, path: string): ItemEstimate {
  const o = r.obj(v, path);
  const lines = r.arr(o.lines, `${path}.lines`).map((l, i) => readLine(r, l, `${path}.lines[${i}]`));
  const total = r.dec(o, "total", path);
  r.adds(total, lines.map((l) => l.cost), `${path}.total`);
  return { workload: r.str(o, "workload", path), total, lines };
}

function readModel(r: Reader, v: unknown, path: string, file: string): ModelEstimate {
  const o = r.obj(v, path);
  const items = r.arr(o.items, `${path}.items`).map((x, i) => readItem(r, x, `${path}.items[${i}]`));
  const total = r.dec(o, "total", path);
  r.adds(total, items.map((i) => i.total), `${path}.total`);
  const peak = o.peak_share === null || o.peak_share === undefined ? null : r.dec(o, "peak_share", path);
  return {
    model: r.str(o, "model", path),
    billedAs: r.optStr(o, "billed_as", path) ?? null,
    priceFrom: r.instant(o, "price_from", path),
    source: r.optStr(o, "source", path),
    card: file,
    peakShare: peak,
    total,
    items,
  };
}

/**
 * The estimate in `text` when it is a saved JSON report (an object with `schema_version`), else
 * undefined (the caller reads it as a plan). A report of another schema_version or with a bad
 * field is an InputError naming the file and the JSON path.
 */
export function readSavedReport(text: string, file: string): EstimateReport | undefined {
  if (!text.trimStart().startsWith("{")) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null || !("schema_version" in data)) return undefined;
  const r = new Reader(file);
  const o = data as Json;
  if (o.schema_version !== SCHEMA_VERSION) {
    r.fail("schema_version", `${JSON.stringify(o.schema_version)} is not supported (this ratecard reads ${SCHEMA_VERSION})`, "save the report again with this ratecard's estimate -f json");
  }
  const currency = r.str(o, "currency", "");
  if (!CURRENCY_CODE.test(currency)) r.fail("currency", `"${currency}" is not a currency code`);
  const estimates = r.arr(o.estimates, "estimates").map((e, i) => readModel(r, e, `estimates[${i}]`, file));
  if (estimates.length === 0) r.fail("estimates", "is empty: the report prices no model");
  const warnings = Array.isArray(o.warnings) ? o.warnings.filter((w): w is string => typeof w === "string") : [];
  return { asOf: r.instant(o, "as_of", ""), currency, estimates, warnings };
}
