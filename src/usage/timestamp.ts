// Record instants: ISO 8601 text (a fast path on bytes for the usual UTC shape) and unix-second numbers.

import { parseInstant, type Instant } from "../core/instant.js";

/** The last millisecond of year 9999 UTC: later numbers are not instants a log can hold. */
const LAST_INSTANT = 253402300799999;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(b: Uint8Array, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const c = b[i]! - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days from 1970-01-01 to the proleptic Gregorian date y-m-d (m 1..12), in integer arithmetic (no Date, and years below 100 stay themselves). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** "YYYY-MM-DDTHH:MM:SS[.fraction]Z" in b[a, z), read without a string; undefined for any other shape. */
function fastUtc(b: Uint8Array, a: number, z: number): Instant | undefined {
  const len = z - a;
  if (len < 20 || b[z - 1] !== 90 || b[a + 4] !== 45 || b[a + 7] !== 45 || b[a + 10] !== 84 || b[a + 13] !== 58 || b[a + 16] !== 58) return undefined;
  const y = digits(b, a, 4);
  const mo = digits(b, a + 5, 2);
  const d = digits(b, a + 8, 2);
  const h = digits(b, a + 11, 2);
  const mi = digits(b, a + 14, 2);
  const sec = digits(b, a + 17, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return undefined;
  if (d > (mo === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[mo - 1]!)) return undefined;
  let ms = 0;
  if (len > 20) {
    if (b[a + 19] !== 46 || len === 21 || digits(b, a + 20, len - 21) < 0) return undefined;
    for (let i = 0; i < 3; i++) ms = ms * 10 + (a + 20 + i < z - 1 ? b[a + 20 + i]! - 48 : 0); // truncated to the millisecond
  }
  return daysFromCivil(y, mo, d) * 86400000 + h * 3600000 + mi * 60000 + sec * 1000 + ms;
}

/** An ISO 8601 instant in text (UTC unless an offset is given; digits past milliseconds dropped). */
function textInstant(text: string): Instant | undefined {
  const fast = fastUtc(Buffer.from(text, "latin1"), 0, text.length);
  if (fast !== undefined) return fast;
  try {
    return parseInstant(text.replace(/(\.\d{3})\d+/, "$1"));
  } catch {
    return undefined;
  }
}

/** The instant of ISO 8601 text held as UTF-8 in b[a, z) (no escapes); undefined when it is none. */
export function bytesInstant(b: Buffer, a: number, z: number): Instant | undefined {
  return fastUtc(b, a, z) ?? textInstant(b.toString("utf8", a, z));
}

/**
 * The instant of a `timestamp` or `created` value: ISO 8601 text (UTC unless an offset is given),
 * or a number of unix seconds (a `timestamp` above 1e11 is read as milliseconds). Undefined
 * when the value is not a valid instant.
 */
export function recordInstant(v: number | string, isTimestamp: boolean): Instant | undefined {
  if (typeof v === "string") return textInstant(v);
  if (!Number.isFinite(v) || v < 0) return undefined;
  const ms = isTimestamp && v > 1e11 ? v : Math.round(v * 1e6) / 1000; // microseconds kept exact, then truncated
  return ms > LAST_INSTANT ? undefined : Math.floor(ms); // past year 9999 is no record's time (and no Date can print it)
}
