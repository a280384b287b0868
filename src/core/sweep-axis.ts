// `--vary PARAM=SPEC` axes: lists, arithmetic ranges (0..4000+1000), geometric ones (1e5..1e7x10), date ranges.

import { InputError } from "./errors.js";
import { Exact } from "./exact.js";
import { parseInstant, type Instant } from "./instant.js";
import { quote } from "./printable.js";
import { paramName, PARAMS, type Param } from "./params.js";

/** Most points one axis may have unless the caller allows more (sweep --max-points). */
export const MAX_AXIS_POINTS = 100_000_000;

/** Largest denominator a geometric point may reach: a fractional factor compounds its decimals at every step. */
const MAX_POINT_DENOMINATOR = 10n ** 60n;

/** One varied parameter and its points. */
export type Axis =
  | { param: Param; spec: string; kind: "values"; values: Exact[] }
  | { param: Param; spec: string; kind: "range"; start: Exact; step: Exact; count: number }
  | { param: "as-of"; spec: string; kind: "instants"; values: Instant[] };

const SUFFIX: Record<string, bigint> = { k: 1000n, K: 1000n, M: 1000000n, B: 1000000000n, G: 1000000000n };

/** A number in a spec: 2000, 1e6, 1.5M, 2k, 1_000, 80%. */
function specNumber(text: string, what: string): Exact {
  let t = text.trim().replace(/_/g, "");
  let scale = Exact.ONE;
  if (t.endsWith("%")) {
    t = t.slice(0, -1);
    scale = Exact.of(1n, 100n);
  } else if (SUFFIX[t.slice(-1)]) {
    scale = Exact.int(SUFFIX[t.slice(-1)]!);
    t = t.slice(0, -1);
  }
  let v: Exact | undefined;
  try {
    v = Exact.parseDecimal(t);
  } catch (err) {
    throw new InputError(`${what}: ${(err as Error).message}`, "write shorter numbers");
  }
  if (!v) throw new InputError(`${what}: ${quote(text.trim())} is not a number`, "write numbers like 2000, 1e6, 1.5M, 2k or 80%");
  return v.mul(scale);
}

/**
 * "a..b" as [whole, a, b] at the first ".." after the first character, as /^(.+?)\.\.(.+)$/ would
 * split it, without that pattern's quadratic backtracking on a long value; null when there is none.
 */
export function splitRange(spec: string): [string, string, string] | null {
  if (/[\n\r\u2028\u2029]/.test(spec)) return null; // "." matches no line terminator
  const i = spec.indexOf("..", 1);
  return i < 0 || i + 2 >= spec.length ? null : [spec, spec.slice(0, i), spec.slice(i + 2)];
}

function parseNumericAxis(param: Param, spec: string, maxPoints: number): Axis {
  const where = `${param.name}=${spec}`;
  const range = splitRange(spec);
  if (!range) {
    const values = spec.split(",").map((s) => specNumber(s, where));
    return { param, spec, kind: "values", values };
  }
  const stepped = /^(.*?)([+x*])([^+x*]+)$/.exec(range[2]!);
  if (!stepped) throw new InputError(`${where}: a range needs a step`, `write ${param.name}=0..4000+1000 (add 1000 each time) or ${param.name}=1e5..1e7x10 (times 10)`);
  const start = specNumber(range[1]!, where);
  const end = specNumber(stepped[1]!, where);
  const by = specNumber(stepped[3]!, where);
  if (end.cmp(start) < 0) throw new InputError(`${where}: the range ends before it starts`, "write the smaller value first");
  if (stepped[2] === "+") {
    if (by.cmp(Exact.ZERO) <= 0) throw new InputError(`${where}: the step must be more than 0`, `e.g. ${param.name}=0..4000+1000`);
    const steps = end.sub(start).div(by);
    const whole = steps.n / steps.d + 1n;
    if (whole > BigInt(maxPoints)) throw tooMany(where, whole.toString(), maxPoints, "use a larger step");
    const count = Number(whole);
    return { param, spec, kind: "range", start, step: by, count };
  }
  if (start.cmp(Exact.ZERO) <= 0) throw new InputError(`${where}: a geometric range starts above 0`, `e.g. ${param.name}=1e5..1e7x10`);
  if (by.cmp(Exact.ONE) <= 0) throw new InputError(`${where}: the factor must be more than 1`, `e.g. ${param.name}=1e5..1e7x10`);
  const values: Exact[] = [];
  for (let v = start; v.cmp(end) <= 0; v = v.mul(by)) {
    if (values.length >= maxPoints) throw tooMany(where, "more", maxPoints, "use a larger factor");
    if (param.kind === "count" && !v.isInteger()) {
      throw new InputError(`${where}: point ${values.length + 1} is ${v.toDecimal(6)}, not a whole number`, `${param.name} takes whole numbers: start at a value the factor keeps whole, e.g. ${param.name}=1e3..1e6x10`);
    }
    if (v.d > MAX_POINT_DENOMINATOR) throw new InputError(`${where}: point ${values.length + 1} has more than 60 decimals`, "use a factor with fewer decimals, or fewer steps");
    values.push(v);
  }
  return { param, spec, kind: "values", values };
}

function tooMany(where: string, count: string, max: number, hint: string): InputError {
  const what = count === "more" || count.length > 15 ? `more points than the limit of ${max}` : `${count} points, more than the limit of ${max}`;
  return new InputError(`${where}: ${what}`, `${hint}, or raise the limit with --max-points`);
}

const DAY = 86400000;

function addMonths(t: Instant, months: number): Instant {
  const d = new Date(t);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime() + (t - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

function instant(text: string, where: string): Instant {
  try {
    return parseInstant(text);
  } catch (err) {
    throw new InputError(`${where}: ${(err as Error).message}`, "write dates as YYYY-MM-DD or ISO date-times");
  }
}

function parseAsOfAxis(spec: string, maxPoints: number): Axis {
  const where = `as-of=${spec}`;
  const range = splitRange(spec);
  if (!range) return { param: "as-of", spec, kind: "instants", values: spec.split(",").map((s) => instant(s, where)) };
  const stepped = /^(.*)\+(\d+)(d|days?|w|weeks?|mo|months?)$/.exec(range[2]!.trim());
  const start = instant(range[1]!, where);
  const end = instant(stepped ? stepped[1]! : range[2]!, where);
  const unit = !stepped ? "d" : stepped[3]!.startsWith("mo") ? "mo" : "d";
  const n = (stepped ? Number(stepped[2]) : 1) * (stepped && /^w/.test(stepped[3]!) ? 7 : 1);
  if (end < start) throw new InputError(`${where}: the range ends before it starts`, "write the earlier date first");
  if (n < 1) throw new InputError(`${where}: the step must be at least 1`, "step by +1d, +1w or +1mo");
  const values: Instant[] = [];
  for (let k = 0; ; k++) {
    const t = unit === "d" ? start + k * n * DAY : addMonths(start, k * n);
    if (t > end) break;
    if (values.length >= maxPoints) throw tooMany(where, "more", maxPoints, "use a larger step");
    values.push(t);
  }
  return { param: "as-of", spec, kind: "instants", values };
}

/** Parses `PARAM=SPEC` into an axis of at most `maxPoints` points. */
export function parseAxis(text: string, maxPoints = MAX_AXIS_POINTS): Axis {
  const eq = text.indexOf("=");
  if (eq < 1 || eq === text.length - 1) throw new InputError(`${quote(text)} is not PARAM=SPEC`, "e.g. --vary reply=100,200,400 or --vary calls=1e5..1e7x10");
  const name = paramName(text.slice(0, eq), ["as-of"]);
  const spec = text.slice(eq + 1).trim();
  if (name === "as-of") return parseAsOfAxis(spec, maxPoints);
  const axis = parseNumericAxis(PARAMS.get(name)!, spec, maxPoints);
  if (axis.kind === "values" && axis.values.length > maxPoints) throw tooMany(`${name}=${spec}`, String(axis.values.length), maxPoints, "give fewer values");
  return axis;
}

/** The number of points of an axis. */
export function axisLength(a: Axis): number {
  return a.kind === "range" ? a.count : a.values.length;
}
