// A period cut into stretches at each instant a model's price can change: versions, aliases, calendar rules.

import { ruleAt } from "./calendar.js";
import { Exact } from "./exact.js";
import type { Instant } from "./instant.js";
import { billedModels } from "./resolve.js";
import type { RateBook, Schedule } from "./types.js";
import { scheduledMinutes } from "./forms/schedule.js";

/** A stretch [from, until) of a period and the share of the period's calls made in it. */
export interface Cut {
  from: Instant;
  until: Instant;
  weight: Exact;
}

/**
 * Every instant inside (start, end) at which the price of `id` may change: the `from` of each
 * version of the model and of every model it is billed as, and of each rule of their calendars.
 */
export function changeInstants(book: RateBook, id: string, start: Instant, end: Instant): Instant[] {
  const at = new Set<Instant>();
  const calendars = new Set<string>();
  for (const model of billedModels(book, id)) {
    for (const v of model.versions) {
      at.add(v.from);
      if (v.kind === "price" && v.calendar) calendars.add(v.calendar);
    }
  }
  for (const name of calendars) for (const r of book.calendars.get(name)?.rules ?? []) at.add(r.from);
  return [...at].filter((t) => t > start && t < end).sort((a, b) => a - b);
}

/**
 * Cuts [start, end) at `instants`, each piece weighted by its share of the calls: calls are spread
 * evenly over the period's time, or over the schedule's minutes when there is one. Pieces with no
 * calls (no scheduled minute) are left out; the weights sum to 1.
 */
export function cutPeriod(start: Instant, end: Instant, instants: Instant[], schedule?: Schedule): Cut[] {
  const bounds = [start, ...instants, end];
  const pieces: { from: Instant; until: Instant; size: bigint }[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i]!;
    const until = bounds[i + 1]!;
    const size = BigInt(schedule ? scheduledMinutes(schedule, { start: from, end: until }) : until - from);
    if (size > 0n) pieces.push({ from, until, size });
  }
  const whole = pieces.reduce((a, p) => a + p.size, 0n);
  if (whole === 0n) return [];
  return pieces.map((p) => ({ from: p.from, until: p.until, weight: Exact.of(p.size, whole) }));
}

/** The calendar rule a windowed version's calendar has in force at `t` (undefined: none, or flat). */
export function ruleKey(book: RateBook, calendar: string | undefined, t: Instant): object | undefined {
  const cal = calendar ? book.calendars.get(calendar) : undefined;
  return cal ? ruleAt(cal, t) : undefined;
}
