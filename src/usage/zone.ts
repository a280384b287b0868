// Local time for usage grouping (--tz): a zone's UTC offset per hour, cached; local clock <-> UTC instants.

import { zoneOffset } from "../core/calendar.js";
import type { Instant } from "../core/instant.js";
import { HOUR } from "./periods.js";

/**
 * Converts instants to a zone's wall clock written as if it were UTC ("local epoch" ms) and back.
 * The offset is looked up once per UTC hour, at its start, and holds for the hour when the next
 * hour starts with the same offset. An hour with a change inside it (Newfoundland and Lord Howe
 * Island change at half past a UTC hour) asks the zone for each instant instead, so every instant
 * gets its exact offset (given at most one change per hour, true of every real zone).
 */
export class LocalClock {
  /** The offset at the start of each UTC hour seen (and of the hour after it). */
  private readonly starts = new Map<number, number>();
  private lastHour = Number.NaN;
  /** The offset over lastHour, or NaN when it changes inside that hour. */
  private lastOffset = Number.NaN;

  constructor(readonly timeZone: string) {}

  /** Local wall clock minus UTC at `t`, in ms. */
  offset(t: Instant): number {
    if (this.timeZone === "UTC") return 0;
    const hour = Math.floor(t / HOUR);
    if (hour !== this.lastHour) {
      const o = this.start(hour);
      this.lastHour = hour;
      this.lastOffset = o === this.start(hour + 1) ? o : Number.NaN;
    }
    return Number.isNaN(this.lastOffset) ? zoneOffset(t, this.timeZone) : this.lastOffset;
  }

  private start(hour: number): number {
    let o = this.starts.get(hour);
    if (o === undefined) {
      o = zoneOffset(hour * HOUR, this.timeZone);
      if (this.starts.size > 1 << 16) this.starts.clear();
      this.starts.set(hour, o);
    }
    return o;
  }

  /** The local wall clock of `t`, as ms since a local 1970-01-01 00:00. */
  toLocal(t: Instant): number {
    return t + this.offset(t);
  }

  /** The instant a local wall-clock time (as from toLocal) happens at. */
  toUtc(local: number): Instant {
    return local - this.offset(local - this.offset(local));
  }
}
