// LocalClock: a zone's wall clock per instant, checked against Intl, across DST changes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localTime } from "../../../src/core/calendar.js";
import { LocalClock } from "../../../src/usage/zone.js";

const MINUTE = 60000;

describe("LocalClock", () => {
  it("reads the wall clock like Intl does, and maps it back, in zones with DST (property)", () => {
    for (const zone of ["Europe/Berlin", "America/New_York", "Asia/Shanghai", "Asia/Kathmandu", "UTC"]) {
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
});
