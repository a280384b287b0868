// Local time for usage grouping (--tz): a zone's UTC offset per hour, cached; local clock <-> UTC instants.

import { localTime } from "../core/calendar.js";
import type { Instant } from "../core/instant.js";

const HOUR = 3600000;

/**
 * Converts instants to a zone's wall clock written as if it were UTC ("local epoch" ms) and back.
 * The offset is looked up once per UTC hour (zones change offset on the hour, or the half hour
 * for a few: those are still exact, as the lookup is at the hour's start and offsets hold for it).
 */
export class LocalClock {
  private readonly offsets = new Map<number, number>();

  constructor(readonly timeZone: string) {}

  /** Local wall clock minus UTC at `t`, in ms. */
  offset(t: Instant): number {
    if (this.timeZone === "UTC") return 0;
    const hour = Math.floor(t / HOUR);
    let o = this.offsets.get(hour);
    if (o === undefined) {
      const l = localTime(hour * HOUR, this.timeZone);
      o = Date.parse(`${l.date}T00:00:00Z`) + l.minute * 60000 - hour * HOUR;
      if (this.offsets.size > 1 << 16) this.offsets.clear();
      this.offsets.set(hour, o);
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
