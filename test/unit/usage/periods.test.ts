// UTC grouping periods: days, ISO weeks across year ends, months.
import { describe, expect, it } from "vitest";
import { dayIndex, dayPeriod, monthPeriod, weekPeriod } from "../../../src/usage/periods.js";

const day = (iso: string) => dayIndex(Date.parse(`${iso}T12:00:00Z`));

describe("periods", () => {
  it("labels ISO weeks by the year of their Thursday, Monday to Monday", () => {
    expect(weekPeriod(day("2026-08-16")).label).toBe("2026-W33"); // a Sunday
    expect(weekPeriod(day("2026-08-17")).label).toBe("2026-W34"); // the next Monday
    expect(weekPeriod(day("2026-01-01")).label).toBe("2026-W01"); // a Thursday
    expect(weekPeriod(day("2027-01-01")).label).toBe("2026-W53"); // a Friday: still 2026's last week
    expect(weekPeriod(day("2024-12-30")).label).toBe("2025-W01"); // a Monday in 2025's first week
    const w = weekPeriod(day("2026-08-19"));
    expect([new Date(w.start).toISOString(), new Date(w.end).toISOString()]).toEqual(["2026-08-17T00:00:00.000Z", "2026-08-24T00:00:00.000Z"]);
  });

  it("gives days and months their UTC bounds", () => {
    expect(dayPeriod(day("2026-08-16"))).toEqual({ label: "2026-08-16", start: Date.parse("2026-08-16T00:00:00Z"), end: Date.parse("2026-08-17T00:00:00Z") });
    expect(monthPeriod(day("2026-12-31"))).toEqual({ label: "2026-12", start: Date.parse("2026-12-01T00:00:00Z"), end: Date.parse("2027-01-01T00:00:00Z") });
    expect(dayIndex(Date.parse("2026-08-16T23:59:59.999Z"))).toBe(dayIndex(Date.parse("2026-08-16T00:00:00Z")));
  });
});
