// Record instants: the byte fast path agrees with parseInstant; unix seconds and milliseconds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseInstant } from "../../../src/core/instant.js";
import { bytesInstant, recordInstant } from "../../../src/usage/timestamp.js";

const bytes = (s: string) => {
  const b = Buffer.from(s, "latin1");
  return bytesInstant(b, 0, b.length);
};

describe("record instants", () => {
  it("read ISO UTC text exactly as parseInstant does, milliseconds truncated, in every year 0001-9999", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true }), fc.integer({ min: 0, max: 6 }), (d, digits) => {
        const iso = d.toISOString(); // 2026-08-16T16:00:00.123Z
        const text = digits === 0 ? iso.slice(0, 19) + "Z" : iso.slice(0, 20 + Math.min(digits, 3)) + "9".repeat(Math.max(0, digits - 3)) + "Z";
        const expected = parseInstant(text.replace(/(\.\d{3})\d+/, "$1"));
        expect(bytes(text)).toBe(expected);
        expect(recordInstant(text, true)).toBe(expected);
      }),
    );
  });

  it("honour offsets and reject impossible dates", () => {
    expect(bytes("2026-08-16T18:00:00+02:00")).toBe(Date.parse("2026-08-16T16:00:00Z"));
    expect(bytes("2026-08-16")).toBe(Date.parse("2026-08-16T00:00:00Z"));
    expect(bytes("2026-02-29T00:00:00Z")).toBeUndefined();
    expect(bytes("2024-02-29T00:00:00Z")).toBe(Date.parse("2024-02-29T00:00:00Z"));
    expect(bytes("2026-08-16T24:00:00Z")).toBeUndefined();
    expect(bytes("2026-08-16T16:00:00.Z")).toBeUndefined();
    expect(bytes("soon")).toBeUndefined();
  });

  it("read numbers as unix seconds, and a timestamp above 1e11 as milliseconds", () => {
    expect(recordInstant(1786000000, false)).toBe(1786000000000);
    expect(recordInstant(1786000000.5, false)).toBe(1786000000500);
    expect(recordInstant(1786000000123, true)).toBe(1786000000123);
    expect(recordInstant(1786000000, true)).toBe(1786000000000);
    expect(recordInstant(-1, false)).toBeUndefined();
  });
});
