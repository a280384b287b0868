// LocalClock: a zone's wall clock per instant, checked against Intl, across DST changes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localTime } from "../../../src/core/calendar.js";
import { LocalClock } from "../../../src/usage/zone.js";

const MINUTE = 60000;

describe("LocalClock", () => {
  it("reads the wall clock like Intl does, and maps it back, in zones with DST (property)", () => {
    for (const zone of ["Europe/Berlin", "America/New_York", "Asia/Shanghai", "Asia/Kathmandu", "America/St_Johns", "Australia/Lord_Howe", "UTC"]) {
      const clock = new LocalClock(zone);
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(2026, 0, 1) / MINUTE, max: Date.UTC(2027, 0, 1) / MINUTE }), (m) => {
          const t = m * MINUTE;
          const l = localTime(t, zone);
          expect(clock.toLocal(t)).toBe(Date.parse(`${l.date}T00:00:00Z`) + l.minute * MINUTE);
          // Back to the instant, except in the hour a fall-back change repeats (two instants share it).
          const back = clock.toUtc(clock.toLocal(t));
          if (back !== t) expect(clock.toLocal(back)).toBe(clock.toLocal(t));
          return true;
        }),
        { numRuns: 300 },
      );
    }
  });

  it.each([
    // Newfoundland changes at 02:00 local, i.e. at half past a UTC hour, both ways
    ["America/St_Johns", "2026-03-08T05:30:00Z"],
    ["America/St_Johns", "2026-11-01T04:30:00Z"],
    // Lord Howe springs forward half an hour at 02:00 local (+10:30): 15:30 UTC; it falls back on the hour
    ["Australia/Lord_Howe", "2026-10-03T15:30:00Z"],
    ["Australia/Lord_Howe", "2026-04-04T15:00:00Z"],
  ])("reads every minute around a change at a half hour in %s (%s) like Intl", (zone, change) => {
    const clock = new LocalClock(zone);
    const at = Date.parse(change);
    expect(localTime(at - MINUTE, zone).minute).not.toBe(localTime(at, zone).minute - 1); // a change is there
    for (let t = at - 2 * 60 * MINUTE; t < at + 2 * 60 * MINUTE; t += MINUTE) {
      const l = localTime(t, zone);
      expect([new Date(t).toISOString(), clock.toLocal(t)]).toEqual([new Date(t).toISOString(), Date.parse(`${l.date}T00:00:00Z`) + l.minute * MINUTE]);
    }
  });
});
