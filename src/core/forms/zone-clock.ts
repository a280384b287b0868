// Fast local wall-clock of consecutive UTC minutes in one time zone, for minute-by-minute walks.

import { zoneOffset, type LocalTime } from "../calendar.js";
import type { Instant } from "../instant.js";

const MINUTE = 60000;
const DAY = 86400000;

/** The last local day written by localAt and its date text (toISOString once per day, not per call). */
let lastDay = Number.NaN;
let lastDate = "";

/**
 * Writes into `into` the local date, weekday and minute of the day of `t`, given the zone's offset
 * there in ms (from zoneOffset or a ZoneClock): date arithmetic only, no Intl call.
 */
export function localAt(t: Instant, offset: number, into: LocalTime): LocalTime {
  const local = t + offset;
  const day = Math.floor(local / DAY);
  if (day !== lastDay) {
    lastDay = day;
    lastDate = new Date(day * DAY).toISOString().slice(0, 10);
  }
  into.date = lastDate;
  into.weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  into.minute = Math.floor((local - day * DAY) / MINUTE);
  return into;
}

/**
 * Local time of instants in `timeZone`, walked forward. The UTC offset is looked up through Intl
 * only where it may change (once a day, plus a binary search to the minute at a DST transition),
 * so walking a month minute by minute costs a few dozen Intl calls. Assumes at most one offset
 * change per day (true of every real zone).
 */
export class ZoneClock {
  private offset = 0;
  private validFrom = Infinity;
  private validUntil = -Infinity;
  /** The last result; reused between calls (copy it to keep it). */
  private readonly local: LocalTime = { date: "", weekday: 0, minute: 0 };

  constructor(readonly timeZone: string) {}

  /** The offset at validUntil, known from the search (so a walk asks Intl once a day, not twice). */
  private untilOffset = 0;

  /** Finds the offset at the minute holding `t` and the instant it holds until (at most a day on). */
  private refresh(t: Instant): void {
    const from = Math.floor(t / MINUTE) * MINUTE;
    this.offset = from === this.validUntil ? this.untilOffset : zoneOffset(from, this.timeZone);
    this.validFrom = from;
    let hi = from + DAY;
    let hiOffset = zoneOffset(hi, this.timeZone);
    if (hiOffset !== this.offset) {
      let lo = from;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / MINUTE / 2) * MINUTE;
        const o = zoneOffset(mid, this.timeZone);
        if (o === this.offset) lo = mid;
        else (hi = mid), (hiOffset = o);
      }
    }
    this.validUntil = hi;
    this.untilOffset = hiOffset;
  }

  /**
   * The zone's offset at `t` in ms (as zoneOffset) and the instant `until` (> t) up to which it
   * holds: the minute of the next change, or a day or less on when there is none.
   */
  stretch(t: Instant): { offset: number; until: Instant } {
    if (t < this.validFrom || t >= this.validUntil) this.refresh(t);
    return { offset: this.offset, until: this.validUntil };
  }

  /** Local date, weekday and minute of the day at `t`. */
  at(t: Instant): LocalTime {
    if (t < this.validFrom || t >= this.validUntil) this.refresh(t);
    return localAt(t, this.offset, this.local);
  }
}
