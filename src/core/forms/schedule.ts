// Schedules: the share of a schedule's minutes that a price calendar bills at peak, minute by minute.

import { peakUnder, ruleAt, type LocalTime } from "../calendar.js";
import { InputError, type Location } from "../errors.js";
import { Exact } from "../exact.js";
import { formatInstantShort, type Instant } from "../instant.js";
import type { Calendar, CalendarRule, Schedule } from "../types.js";
import { ZoneClock } from "./zone-clock.js";

const MINUTE = 60000;
const WEEK = 7 * 86400000;
const NO_HOLIDAYS: ReadonlySet<string> = new Set();

function dayMatches(days: Schedule["days"], weekday: number): boolean {
  if (days === "all") return true;
  const weekend = weekday === 0 || weekday === 6;
  return days === "weekends" ? weekend : !weekend;
}

/**
 * Whether a local time falls in the schedule. A window that runs past midnight belongs to the
 * day it starts on: "22:00-06:00" on weekdays runs Friday 22:00 to Saturday 06:00.
 */
function inSchedule(s: Schedule, local: LocalTime): boolean {
  for (const [a, b] of s.windows) {
    if (local.minute >= a && local.minute < Math.min(b, 1440) && dayMatches(s.days, local.weekday)) return true;
    if (b > 1440 && local.minute < b - 1440 && dayMatches(s.days, (local.weekday + 6) % 7)) return true;
  }
  return false;
}

/**
 * The share of the schedule's minutes in [start, end) that `cal` bills at peak, as an exact
 * fraction of minutes. With `typical` set, that one rule applies throughout and holidays are
 * ignored (a typical week); otherwise each minute takes the rule in force and the calendar's
 * holidays count. Time zones and DST changes of both the schedule and the calendar are honoured.
 */
export function schedulePeakShare(cal: Calendar, s: Schedule, span: { start: Instant; end: Instant }, typical?: CalendarRule): Exact {
  const calClock = new ZoneClock(cal.timeZone);
  const ownClock = new ZoneClock(s.timeZone);
  const holidays = typical ? NO_HOLIDAYS : cal.holidays;
  let scheduled = 0;
  let peak = 0;
  for (let t = Math.ceil(span.start / MINUTE) * MINUTE; t < span.end; t += MINUTE) {
    if (!inSchedule(s, ownClock.at(t))) continue;
    scheduled++;
    const rule = typical ?? ruleAt(cal, t);
    if (!rule || peakUnder(rule, calClock.at(t), holidays)) peak++;
  }
  if (scheduled === 0) throw noScheduledMinutes(s, span);
  return Exact.of(BigInt(peak), BigInt(scheduled));
}

/** The error for a schedule with no minute inside a span. */
export function noScheduledMinutes(s: Schedule, span: { start: Instant; end: Instant }, where?: Location): InputError {
  return new InputError(
    `the schedule "${s.text}" has no minutes between ${formatInstantShort(span.start)} and ${formatInstantShort(span.end)}`,
    "widen its hours or days, or pick another period",
    where,
  );
}

/** The number of the schedule's minutes in [start, end). */
export function scheduledMinutes(s: Schedule, span: { start: Instant; end: Instant }): number {
  const clock = new ZoneClock(s.timeZone);
  let n = 0;
  for (let t = Math.ceil(span.start / MINUTE) * MINUTE; t < span.end; t += MINUTE) if (inSchedule(s, clock.at(t))) n++;
  return n;
}

/**
 * The days the schedule runs in [start, end): local dates (in its zone) of a day it is set for on
 * which one of its windows starts inside the span. "22:00-06:00, weekdays" runs on each weekday.
 */
export function scheduleRunDays(s: Schedule, span: { start: Instant; end: Instant }): number {
  const clock = new ZoneClock(s.timeZone);
  const starts = new Set(s.windows.map(([a]) => a));
  const days = new Set<string>();
  for (let t = Math.ceil(span.start / MINUTE) * MINUTE; t < span.end; t += MINUTE) {
    const local = clock.at(t);
    if (starts.has(local.minute) && dayMatches(s.days, local.weekday)) days.add(local.date);
  }
  return days.size;
}

/** The typical-week span that starts at the as-of instant. */
export function typicalWeek(asOf: Instant): { start: Instant; end: Instant } {
  return { start: asOf, end: asOf + WEEK };
}
