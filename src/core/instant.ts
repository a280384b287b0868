// Instants: parsing "YYYY-MM-DD" and ISO date-times (UTC unless an offset is given), and printing them.

import { quote } from "./printable.js";
import { QuantityError } from "./quantity.js";

/** Milliseconds since the Unix epoch, UTC. Time, not money, so a JS number is exact here. */
export type Instant = number;

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Parses "2026-04-24", "2026-04-26T12:15Z", "2026-04-26 12:15", "2026-08-16T18:00+02:00". */
export function parseInstant(text: string): Instant {
  const t = text.trim();
  const m = DATE_TIME.exec(t);
  if (!m) throw new QuantityError(`${quote(t)} is not a date (write YYYY-MM-DD or an ISO date-time like 2026-08-16T16:00Z)`);
  const [, y, mo, d, h = "0", mi = "0", s = "0", ms = "0", zone] = m;
  const parts = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const check = new Date(0);
  check.setUTCFullYear(parts[0], parts[1] - 1, parts[2]); // not Date.UTC: it reads years 0-99 as 1900-1999
  check.setUTCHours(parts[3], parts[4], parts[5], Number(ms.padEnd(3, "0")));
  const utc = check.getTime();
  if (
    check.getUTCFullYear() !== parts[0] ||
    check.getUTCMonth() !== parts[1] - 1 ||
    check.getUTCDate() !== parts[2] ||
    parts[3] > 23 ||
    parts[4] > 59 ||
    parts[5] > 59
  ) {
    throw new QuantityError(`${quote(t)} is not a real date or time`);
  }
  let offsetMin = 0;
  if (zone && zone.toUpperCase() !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const [oh, om] = [Number(digits.slice(0, 2)), Number(digits.slice(2))];
    if (oh > 23 || om > 59) throw new QuantityError(`${quote(t)} has an offset that is not a time zone (write -23:59 to +23:59)`);
    offsetMin = sign * (oh * 60 + om);
  }
  return utc - offsetMin * 60000;
}

/** "2026-04-24T00:00:00Z" (milliseconds only when present). */
export function formatInstant(t: Instant): string {
  const iso = new Date(t).toISOString();
  return iso.endsWith(".000Z") ? iso.slice(0, -5) + "Z" : iso;
}

/** "2026-04-24" at midnight UTC, else "2026-04-26 12:15 UTC": short, for tables. */
export function formatInstantShort(t: Instant): string {
  const iso = formatInstant(t);
  if (iso.endsWith("T00:00:00Z")) return iso.slice(0, 10);
  const withSeconds = iso.slice(17, 19) !== "00" || iso.includes(".");
  return `${iso.slice(0, 10)} ${iso.slice(11, withSeconds ? 19 : 16)} UTC`;
}

/** The UTC calendar date "YYYY-MM-DD" of an instant. */
export function utcDate(t: Instant): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from a to b (b later is positive), by UTC time. */
export function daysBetween(a: Instant, b: Instant): number {
  return Math.floor((b - a) / 86400000);
}
