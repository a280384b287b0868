// Fast local wall-clock of consecutive UTC minutes in one time zone, for minute-by-minute walks.

import { localTime, type LocalTime } from "../calendar.js";
import type { Instant } from "../instant.js";

const MINUTE = 60000;
const DAY = 86400000;

/**
 * Local time of minute-aligned instants in `timeZone`. The UTC offset is looked up through Intl
 * only where it may change (once a day, plus a binary search at a DST transition), so walking a
 * month minute by minute costs a few dozen Intl calls. Assumes at most one offset change per day.
 */
export class ZoneClock {
  private offset = 0;
  private validFrom = Infinity;
  private validUntil = -Infinity;
  private dayIndex = NaN;
  private dayText = "";
  /** The last result; reused between calls (copy it to keep it). */
  private readonly local: LocalTime = { date: "", weekday: 0, minute: 0 };

  constructor(readonly timeZone: string) {}

  /** Offset of local time from UTC in minutes at a minute-aligned instant. */
  private offsetAt(t: Instant): number {
    if (this.timeZone === "UTC") return 0;
    const l = localTime(t, this.timeZone);
    return (Date.parse(`${l.date}T00:00:00Z`) + l.minute * MINUTE - t) / MINUTE;
  }

  private refresh(t: Instant): void {
    this.offset = this.offsetAt(t);
    this.validFrom = t;
    let hi = t + DAY;
    if (this.offsetAt(hi) !== this.offset) {
      let lo = t;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / MINUTE / 2) * MINUTE;
        if (this.offsetAt(mid) === this.offset) lo = mid;
        else hi = mid;
      }
    }
    this.validUntil = hi;
  }

  /** Local date, weekday and minute of the day at the minute-aligned instant `t`. */
  at(t: Instant): LocalTime {
    if (t < this.validFrom || t >= this.validUntil) this.refresh(t);
    const localMinutes = t / MINUTE + this.offset;
    const day = Math.floor(localMinutes / 1440);
    if (day !== this.dayIndex) {
      this.dayIndex = day;
      this.dayText = new Date(day * DAY).toISOString().slice(0, 10);
      this.local.date = this.dayText;
      this.local.weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    }
    this.local.minute = localMinutes - day * 1440;
    return this.local;
  }
}
