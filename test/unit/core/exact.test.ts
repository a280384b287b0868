// Exact rationals: parsing, arithmetic, terminating output and half-even rounding.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalFormatter, Exact } from "../../../src/core/exact.js";

const d = (s: string) => Exact.parseDecimal(s)!;

describe("Exact", () => {
  it("reads decimals exactly, without binary floating point", () => {
    expect(d("0.1").add(d("0.2")).toDecimal()).toBe("0.3");
    expect(d("0.028").mul(Exact.int(2_000_000_000)).div(Exact.int(1_000_000)).toDecimal()).toBe("56");
    expect(d("1e6").toDecimal()).toBe("1000000");
    expect(d("2.5e-3").toDecimal()).toBe("0.0025");
  });

  it("rejects text that is not a decimal", () => {
    for (const t of ["", "abc", "1.", ".5", "1e", "0x10", "1,5"]) expect(Exact.parseDecimal(t)).toBeUndefined();
  });

  it("prints terminating values exactly and rounds others half-even to 12 places", () => {
    expect(Exact.of(261n).toDecimal()).toBe("261");
    expect(Exact.of(1n, 3n).toDecimal()).toBe("0.333333333333");
    expect(Exact.of(2n, 3n).toDecimal()).toBe("0.666666666667");
    expect(Exact.of(1n, 1n << 20n).toDecimal()).toBe("0.00000095367431640625");
  });

  it("rounds ties to even", () => {
    expect(d("0.125").roundHalfEven(2).toDecimal()).toBe("0.12");
    expect(d("0.135").roundHalfEven(2).toDecimal()).toBe("0.14");
    expect(d("-0.125").roundHalfEven(2).toDecimal()).toBe("-0.12");
    expect(d("2.5").toFixedPlaces(0)).toBe("2");
    expect(d("1682").toFixedPlaces(2)).toBe("1682.00");
  });

  it("compares and keeps lowest terms", () => {
    expect(Exact.of(2n, 4n).eq(Exact.of(1n, 2n))).toBe(true);
    expect(Exact.of(1n, -2n).cmp(Exact.ZERO)).toBe(-1);
    expect(() => Exact.of(1n, 0n)).toThrow(RangeError);
  });
});

describe("decimalFormatter", () => {
  it("prints n/d exactly as Exact.toDecimal does, for any denominator shape (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 24n }), fc.nat(24), fc.nat(24), fc.bigInt({ min: 1n, max: 999n }), (n, twos, fives, rest) => {
        const d = 2n ** BigInt(twos) * 5n ** BigInt(fives) * rest;
        expect(decimalFormatter(d)(n)).toBe(Exact.of(n, d).toDecimal());
      }),
      { numRuns: 5000 },
    );
  });

  it("handles zero, whole values and negative numerators", () => {
    expect(decimalFormatter(1000n)(0n)).toBe("0");
    expect(decimalFormatter(1000n)(168000n)).toBe("168");
    expect(decimalFormatter(3n)(-1n)).toBe("-0.333333333333");
  });
});

describe("Exact.overDenominator", () => {
  const MAX = Number.MAX_SAFE_INTEGER;
  // Denominators of small primes (divided out) and with a large prime (Euclid), numerators up to 2^53 - 1.
  const arbDen = fc.oneof(
    fc.tuple(fc.nat(30), fc.nat(20), fc.constantFrom(1, 3, 7, 9, 97, 21, 1)).map(([t, f, r]) => 2 ** t * 5 ** f * r).filter((x) => x <= MAX),
    fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.constantFrom(101, 1_000_003, 2_147_483_647)).map(([a, p]) => a * p),
    fc.integer({ min: 1, max: MAX }),
  );
  const arbNum = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -MAX, max: MAX }), fc.constantFrom(0, MAX, -MAX, 2 ** 52, 5 ** 22));

  it("builds n/d in lowest terms, exactly as Exact.of does (property)", () => {
    fc.assert(
      fc.property(arbDen, fc.array(fc.tuple(arbNum, fc.nat(40)), { minLength: 1, maxLength: 30 }), (d, ns) => {
        const over = Exact.overDenominator(d); // one builder for many numerators: its cached denominators too
        for (const [n, k] of ns) {
          const m = Number.isSafeInteger(n * 2 ** k) ? n * 2 ** k : Number.isSafeInteger(n * 5 ** (k % 20)) ? n * 5 ** (k % 20) : n; // numerators sharing factors with d
          expect(over(m)).toStrictEqual(Exact.of(BigInt(m), BigInt(d)));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("refuses what is not a safe integer", () => {
    expect(() => Exact.overDenominator(0)).toThrow(RangeError);
    expect(() => Exact.overDenominator(2.5)).toThrow(RangeError);
    expect(() => Exact.overDenominator(2 ** 53)).toThrow(RangeError);
    expect(() => Exact.overDenominator(10)(2 ** 53)).toThrow(RangeError);
    expect(() => Exact.overDenominator(7 * 1_000_003)(0.5)).toThrow(RangeError);
    expect(Exact.overDenominator(250_000_000)(7_000_000)).toStrictEqual(Exact.of(7n, 250n));
  });
});

/** The decimal printers as they were written before their fast paths: a reference, by other arithmetic. */
function referenceFixed(x: Exact, places: number): string {
  const v = x.roundHalfEven(places);
  const scale = 10n ** BigInt(places);
  const abs = v.n < 0n ? -v.n : v.n;
  const frac = places > 0 ? "." + (((abs * scale) / v.d) % scale).toString().padStart(places, "0") : "";
  return (v.n < 0n ? "-" : "") + ((abs * scale) / v.d / scale).toString() + frac;
}
function referenceDecimal(x: Exact, maxPlaces = 12): string {
  const v = x.terminates() ? x : x.roundHalfEven(maxPlaces);
  let places = 0;
  for (let scale = 1n; (v.n * scale) % v.d !== 0n; scale *= 10n) places++;
  return referenceFixed(v, places);
}

describe("decimal printing", () => {
  const anyExact = fc
    .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.nat(30), fc.nat(30), fc.bigInt({ min: 1n, max: 10_000n }))
    .map(([n, twos, fives, rest]) => Exact.of(n, 2n ** BigInt(twos) * 5n ** BigInt(fives) * rest));

  it("toDecimal and toFixedPlaces print what the long-hand algorithm prints, for any sign and denominator (property)", () => {
    fc.assert(
      fc.property(anyExact, fc.nat(20), (x, places) => {
        expect(x.toDecimal()).toBe(referenceDecimal(x));
        expect(x.toDecimal(places)).toBe(referenceDecimal(x, places));
        expect(x.toFixedPlaces(places)).toBe(referenceFixed(x, places));
      }),
      { numRuns: 5000 },
    );
  });

  it("prints zero, whole values, signs and small values plainly", () => {
    expect(Exact.ZERO.toDecimal()).toBe("0");
    expect(Exact.of(-5n, 2n).toDecimal()).toBe("-2.5");
    expect(Exact.of(-1n, 1000n).toFixedPlaces(2)).toBe("0.00");
    expect(Exact.of(-1n, 100n).toFixedPlaces(1)).toBe("0.0");
    expect(Exact.of(-6n, 100n).toFixedPlaces(1)).toBe("-0.1");
    expect(Exact.of(7n, 1000n).toFixedPlaces(4)).toBe("0.0070");
    expect(Exact.of(-7n, 3n).toFixedPlaces(0)).toBe("-2");
  });
});
