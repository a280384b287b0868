// UTC calendar periods for grouping: days, ISO weeks (Monday first) and months, with their bounds.

import type { Instant } from "../core/instant.js";

/** An hour in ms: the unit of --by hour and of a zone's offset cache. */
export const HOUR = 3600000;
const DAY = 86400000;

/** The UTC day number (days since 1970-01-01) of an instant. */
export function dayIndex(t: Instant): number {
  return Math.floor(t / DAY);
}

/** A labelled period [start, end). */
export interface Period {
  label: string;
  start: Instant;
  end: Instant;
}

function isoDate(t: Instant): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** The UTC day of day number `day`: "2026-08-16". */
export function dayPeriod(day: number): Period {
  return { label: isoDate(day * DAY), start: day * DAY, end: (day + 1) * DAY };
}

/** The ISO week holding day number `day`: "2026-W34", Monday to Monday. */
export function weekPeriod(day: number): Period {
  const weekday = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Monday
  const monday = day - weekday;
  const thursday = monday + 3; // the ISO week belongs to the year of its Thursday
  const year = new Date(thursday * DAY).getUTCFullYear();
  const firstThursday = dayIndex(Date.UTC(year, 0, 1));
  const jan1Weekday = (((firstThursday + 3) % 7) + 7) % 7;
  const week1Monday = firstThursday - jan1Weekday + (jan1Weekday <= 3 ? 0 : 7);
  const week = Math.floor((monday - week1Monday) / 7) + 1;
  return { label: `${year}-W${String(week).padStart(2, "0")}`, start: monday * DAY, end: (monday + 7) * DAY };
}

/** The UTC month holding day number `day`: "2026-08". */
export function monthPeriod(day: number): Period {
  const d = new Date(day * DAY);
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return { label: isoDate(start).slice(0, 7), start, end };
}
