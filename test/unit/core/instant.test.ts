// Instants: dates are 00:00 UTC, date-times are UTC unless an offset is given.
import { describe, expect, it } from "vitest";
import { formatInstant, formatInstantShort, parseInstant } from "../../../src/core/instant.js";

describe("parseInstant", () => {
  it("reads dates, UTC date-times and offsets", () => {
    expect(parseInstant("2026-04-24")).toBe(Date.UTC(2026, 3, 24));
    expect(parseInstant("2026-04-26T12:15Z")).toBe(Date.UTC(2026, 3, 26, 12, 15));
    expect(parseInstant("2026-04-26 12:15")).toBe(Date.UTC(2026, 3, 26, 12, 15));
    expect(parseInstant("2026-08-16T18:00+02:00")).toBe(Date.UTC(2026, 7, 16, 16));
    expect(parseInstant("2026-08-16T08:30:15-0730")).toBe(Date.UTC(2026, 7, 16, 16, 0, 15));
  });
  it("reads the years 0000-0099 as themselves, not as 1900-1999", () => {
    expect(parseInstant("0050-03-01T12:00Z")).toBe(Date.parse("0050-03-01T12:00:00Z"));
    expect(new Date(parseInstant("0001-01-01")).getUTCFullYear()).toBe(1);
    expect(() => parseInstant("0099-02-29")).toThrow();
  });
  it("rejects impossible and malformed dates", () => {
    for (const t of ["2026-13-01", "2026-02-30", "2026-1-1", "yesterday", "2026-04-24T25:00Z", "2026-04-24T10:61Z"]) {
      expect(() => parseInstant(t)).toThrow();
    }
  });
  it("prints instants in ISO and short forms", () => {
    expect(formatInstant(Date.UTC(2026, 3, 24))).toBe("2026-04-24T00:00:00Z");
    expect(formatInstantShort(Date.UTC(2026, 3, 24))).toBe("2026-04-24");
    expect(formatInstantShort(Date.UTC(2026, 3, 26, 12, 15))).toBe("2026-04-26 12:15 UTC");
  });
});
