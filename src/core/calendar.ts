// Time-of-day calendars: which rule is in force, whether an instant is peak, typical-week peak share.

import { Exact } from "./exact.js";
import type { Instant } from "./instant.js";
import type { Calendar, CalendarRule } from "./types.js";

/** The calendar rule in force at `t` (latest `from` <= t), or undefined before the first. */
export function ruleAt(cal: Calendar, t: Instant): CalendarRule | undefined {
  let found: CalendarRule | undefined;
  for (const r of cal.rules) if (r.from <= t) found = r;
  return found;
}

/** Local wall-clock facts of an instant in a time zone. */
export interface LocalTime {
  date: string; // YYYY-MM-DD
  weekday: number; // 0 = Sunday
  minute: number; // minute of the day
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local date, weekday and minute of the day of `t` in `timeZone` (IANA name). */
export function localTime(t: Instant, timeZone: string): LocalTime {
  if (timeZone === "UTC") {
    const d = new Date(t);
    return {
      date: d.toISOString().slice(0, 10),
      weekday: d.getUTCDay(),
      minute: d.getUTCHours() * 60 + d.getUTCMinutes(),
    };
  }
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(t))) p[part.type] = part.value;
  const date = `${p.year}-${p.month}-${p.day}`;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return { date, weekday, minute: Number(p.hour) * 60 + Number(p.minute) };
}

/**
 * Local wall clock minus UTC at `t` in `timeZone`, in ms, read at the minute holding `t` (minute
 * resolution, like calendars and Intl's clock). The one place a zone's offset is computed.
 */
export function zoneOffset(t: Instant, timeZone: string): number {
  if (timeZone === "UTC") return 0;
  const l = localTime(t, timeZone);
  return Date.parse(`${l.date}T00:00:00Z`) + l.minute * 60000 - Math.floor(t / 60000) * 60000;
}

/** True when `timeZone` is a zone name this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

function inWindows(minute: number, windows: readonly [number, number][]): boolean {
  return windows.some(([s, e]) => (minute >= s && minute < e) || (e > 1440 && minute < e - 1440));
}

/** Whether a local time is peak under one rule, given the holiday dates that count. */
export function peakUnder(rule: CalendarRule, local: LocalTime, holidays: ReadonlySet<string>): boolean {
  if (rule.days === "weekdays" && (local.weekday === 0 || local.weekday === 6)) return false;
  if (rule.holidaysOffPeak && holidays.has(local.date)) return false;
  const inside = inWindows(local.minute, rule.windows);
  return rule.windowsAre === "peak" ? inside : !inside;
}

/** Whether the instant `t` is billed at peak prices under `cal` (weekdays and holidays local). */
export function isPeak(cal: Calendar, t: Instant): boolean {
  const rule = ruleAt(cal, t);
  if (!rule) return true;
  return peakUnder(rule, localTime(t, cal.timeZone), cal.holidays);
}

/** Share of a typical week's hours that are peak under a rule (holidays ignored), as a fraction. */
export function typicalPeakShare(rule: CalendarRule): Exact {
  const windowMinutes = rule.windows.reduce((acc, [s, e]) => acc + (e - s), 0);
  const peakPerDay = rule.windowsAre === "peak" ? windowMinutes : 1440 - windowMinutes;
  const days = rule.days === "weekdays" ? 5 : 7;
  return Exact.of(BigInt(peakPerDay * days), BigInt(1440 * 7));
}

const HOUR = 3600000;
const unknownFrom = new WeakMap<Calendar, Instant>();

/**
 * The first instant at which `cal`'s holidays are unknown: the local midnight in its zone that
 * starts the year after `holidays_known_until` (found to the minute), or +Infinity when the
 * calendar sets no such year. holidayWarning warns exactly from it on. Cached per calendar.
 */
export function holidaysUnknownFrom(cal: Calendar): Instant {
  const year = cal.holidaysKnownUntil;
  if (year === undefined) return Number.POSITIVE_INFINITY;
  let from = unknownFrom.get(cal);
  if (from === undefined) {
    const newYear = new Date(0).setUTCFullYear(year + 1, 0, 1);
    // every zone's offset lies within -12 h..+14 h, so its new year falls inside (lo, hi]
    let lo = newYear - 15 * HOUR;
    let hi = newYear + 13 * HOUR;
    while (hi - lo > 60000) {
      const mid = lo + Math.floor((hi - lo) / 120000) * 60000;
      if (Number(localTime(mid, cal.timeZone).date.slice(0, 4)) > year) hi = mid;
      else lo = mid;
    }
    unknownFrom.set(cal, (from = hi));
  }
  return from;
}

/**
 * The warning for pricing `t` on a calendar whose holidays are listed only up to an earlier year
 * (`holidays_known_until`), or undefined: its holidays after that are unknown, so weekdays are
 * billed as ordinary days.
 */
export function holidayWarning(cal: Calendar, t: Instant): string | undefined {
  if (!(t >= holidaysUnknownFrom(cal))) return undefined;
  const local = localTime(t, cal.timeZone).date;
  return `calendar "${cal.name}" lists holidays up to ${cal.holidaysKnownUntil} only: on ${local} and later its holidays are unknown and weekdays are billed as ordinary days`;
}
