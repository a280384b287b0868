// Periods and call rates: `period: 30d` or `period: 2026-12`, and `calls: 30000/day` over them.

import { InputError } from "../errors.js";
import { Exact } from "../exact.js";
import type { Instant } from "../instant.js";
import { parseCount, QuantityError } from "../quantity.js";
import type { Period, RateUnit, Schedule } from "../types.js";
import { scheduledMinutes, scheduleRunDays } from "./schedule.js";

const DAY_MS = 86400000;
const UNITS: readonly RateUnit[] = ["hour", "day", "week", "month"];

/** Parses "30d" (days from the as-of instant) or "2026-12" (a calendar month, UTC). */
export function parsePeriod(text: string): Period {
  const t = text.trim();
  const days = /^(\d+)d$/.exec(t);
  if (days) {
    const n = Number(days[1]);
    if (n < 1 || n > 3660) throw new QuantityError(`"${t}" must be 1d to 3660d`);
    return { kind: "days", days: n, text: t };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(t);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    return { kind: "month", year: Number(month[1]), month: Number(month[2]), text: t };
  }
  throw new QuantityError(`"${t}" is not a period (write 30d for 30 days from the as-of date, or 2026-12 for a month)`);
}

/** Parses a call count, or a rate "30000/day" (also /hour, /week, /month). */
export function parseCallRate(text: string): { calls: Exact; per?: RateUnit } {
  const [count, unit, extra] = text.split("/").map((s) => s.trim());
  if (extra !== undefined) throw new QuantityError(`"${text.trim()}" has more than one "/"`);
  const calls = parseCount(count ?? "");
  if (unit === undefined) return { calls };
  if (!(UNITS as readonly string[]).includes(unit)) throw new QuantityError(`"/${unit}" is not a rate unit (write /hour, /day, /week or /month)`);
  return { calls, per: unit as RateUnit };
}

/** The instants a period covers, [start, end), and its length in days (and months, for a month). */
export function periodSpan(p: Period, asOf: Instant): { start: Instant; end: Instant; days: Exact; months: Exact | null } {
  if (p.kind === "days") return { start: asOf, end: asOf + p.days * DAY_MS, days: Exact.int(p.days), months: null };
  const start = Date.UTC(p.year, p.month - 1, 1);
  const end = Date.UTC(p.year, p.month, 1);
  return { start, end, days: Exact.int((end - start) / DAY_MS), months: Exact.ONE };
}

/**
 * Calls over the period: a plain count is the period's total, a rate is multiplied out. With a
 * schedule, a rate per day counts the days the schedule runs and a rate per hour its hours; a
 * rate per week or month counts the period's weeks or months. (`asOf` places a `30d` period.)
 */
export function callsOverPeriod(calls: Exact, per: RateUnit | undefined, period: Period | undefined, asOf?: Instant, schedule?: Schedule): Exact {
  if (per === undefined) return calls;
  if (!period) throw new InputError(`calls per ${per} needs a period`, "add period: 30d or period: 2026-12");
  const span = periodSpan(period, asOf ?? 0);
  const { days, months } = span;
  if (schedule && (per === "day" || per === "hour")) {
    if (asOf === undefined && period.kind === "days") throw new Error("callsOverPeriod: a scheduled rate over a 30d period needs the as-of instant");
    if (per === "day") return calls.mul(Exact.int(scheduleRunDays(schedule, span)));
    return calls.mul(Exact.of(BigInt(scheduledMinutes(schedule, span)), 60n));
  }
  switch (per) {
    case "hour":
      return calls.mul(days).mul(Exact.int(24));
    case "day":
      return calls.mul(days);
    case "week":
      return calls.mul(days).div(Exact.int(7));
    case "month":
      if (!months) throw new InputError(`calls per month need a calendar-month period, not ${period.text}`, "write period: 2026-12, or give calls per day");
      return calls.mul(months);
  }
}
