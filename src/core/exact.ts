// Exact rational numbers on BigInt: the only number type used for money and token counts.

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** The primes overDenominator divides out (a denominator with any other factor reduces by gcd). */
const SMALL_PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97];

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** Most digits one number may have (before its exponent), and the largest exponent: beyond them arithmetic slows down. */
export const MAX_DIGITS = 1000;
export const MAX_EXPONENT = 1000;

/** Thrown by `Exact.parseDecimal` for a number longer than MAX_DIGITS digits (an input error, not a bug). */
export class DigitLimitError extends Error {
  constructor(digits: number) {
    super(`a number with ${digits} digits is longer than the limit of ${MAX_DIGITS} digits`);
    this.name = "DigitLimitError";
  }
}

/** An exact rational number n/d with d > 0, always in lowest terms. */
export class Exact {
  readonly n: bigint;
  readonly d: bigint;

  private constructor(n: bigint, d: bigint) {
    this.n = n;
    this.d = d;
  }

  /** Builds n/d in lowest terms; d must not be zero. */
  static of(n: bigint, d: bigint = 1n): Exact {
    if (d === 0n) throw new RangeError("division by zero");
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    if (d === 1n) return new Exact(n, 1n);
    const g = gcd(n, d);
    return g === 1n ? new Exact(n, d) : new Exact(n / g, d / g);
  }

  static readonly ZERO = new Exact(0n, 1n);
  static readonly ONE = new Exact(1n, 1n);

  /**
   * Parses a decimal literal ("0.028", "1e6", "-3.5"); returns undefined when it is not one (or
   * its exponent is beyond MAX_EXPONENT); throws DigitLimitError beyond MAX_DIGITS digits.
   */
  static parseDecimal(text: string): Exact | undefined {
    const m = DECIMAL.exec(text.trim());
    if (!m) return undefined;
    const frac = m[3] ?? "";
    const digits = m[2]!.length + frac.length;
    if (digits > MAX_DIGITS) throw new DigitLimitError(digits);
    let n = BigInt(m[2] + frac);
    let d = 10n ** BigInt(frac.length);
    if (m[4] && m[4].replace(/^[+-]?0*/, "").length > 5) return undefined;
    const exp = m[4] ? Number(m[4]) : 0;
    if (Math.abs(exp) > MAX_EXPONENT) return undefined;
    if (exp > 0) n *= 10n ** BigInt(exp);
    else if (exp < 0) d *= 10n ** BigInt(-exp);
    return Exact.of(m[1] === "-" ? -n : n, d);
  }

  /**
   * A builder of n/d in lowest terms for one fixed denominator d and safe-integer numerators n, in
   * number arithmetic (BigInt only for the result): the same values as `Exact.of(BigInt(n), BigInt(d))`,
   * for the estimate's fast path. A denominator of small prime factors reduces by dividing them out,
   * any other by Euclid's gcd. Throws when d or n is not a safe integer, or d <= 0.
   */
  static overDenominator(d: number): (n: number) => Exact {
    if (!Number.isSafeInteger(d) || d <= 0) throw new RangeError(`not a positive safe integer: ${d}`);
    // d's small prime factors p, each as a gate step p and then steps p^(2^j) largest first (the
    // binary digits of the rest of its power in n, up to its power e in d), in parallel arrays: the
    // divisor q, its exponent, its place in the mixed-radix index of d's divisors (the BigInt of d / g
    // is cached by that index), and for a gate, e and where the next prime's steps start.
    const q: number[] = [];
    const exp: number[] = [];
    const place: number[] = [];
    const power: number[] = [];
    const next: number[] = [];
    let rest = d;
    let divisors = 1;
    for (const p of SMALL_PRIMES) {
      let e = 0;
      for (; rest % p === 0; e++) rest /= p;
      if (e === 0) continue;
      const js = [1];
      for (let j = 1; j <= e - 1; j *= 2) js.splice(1, 0, j);
      const end = q.length + js.length;
      for (const [k, j] of js.entries()) (q.push(p ** j), exp.push(j), place.push(divisors * j), power.push(k === 0 ? e : 0), next.push(end));
      divisors *= e + 1;
    }
    const below: bigint[] = []; // d / g by g's index
    const whole = BigInt(d);
    if (rest !== 1) {
      return (n) => {
        if (!Number.isSafeInteger(n)) throw new RangeError(`not a safe integer: ${n}`);
        let a = n < 0 ? -n : n;
        let b = d;
        while (b !== 0) [a, b] = [b, a % b];
        return new Exact(BigInt(n / a), a === 1 ? whole : BigInt(d / a));
      };
    }
    return (n) => {
      if (!Number.isSafeInteger(n)) throw new RangeError(`not a safe integer: ${n}`);
      if (n === 0) return Exact.ZERO;
      // Divides out min(power of p in n, power in d) for each prime p of d. For |n| < 2^53 and q > 1,
      // n / q is an integer exactly when q divides n: its rounding error is below 1/q.
      let g = 1;
      let index = 0;
      let m = n;
      for (let i = 0; i < q.length; ) {
        const end = next[i]!;
        const x = m / q[i]!; // the gate: most numerators have no factor p
        if (!Number.isInteger(x)) {
          i = end;
          continue;
        }
        m = x;
        g *= q[i]!;
        index += place[i]!;
        let left = power[i]! - 1; // the power of p still to divide out at most
        for (i++; i < end; i++) {
          if (exp[i]! > left) continue;
          const y = m / q[i]!;
          if (!Number.isInteger(y)) continue;
          m = y;
          g *= q[i]!;
          index += place[i]!;
          left -= exp[i]!;
        }
      }
      if (g === 1) return new Exact(BigInt(m), whole);
      return new Exact(BigInt(m), (below[index] ??= BigInt(d / g)));
    };
  }

  /** An integer value. */
  static int(v: bigint | number): Exact {
    return new Exact(BigInt(v), 1n);
  }

  add(o: Exact): Exact {
    if (this.d === o.d) return Exact.of(this.n + o.n, this.d);
    return Exact.of(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Exact): Exact {
    return this.add(o.neg());
  }
  mul(o: Exact): Exact {
    return Exact.of(this.n * o.n, this.d * o.d);
  }
  div(o: Exact): Exact {
    return Exact.of(this.n * o.d, this.d * o.n);
  }
  neg(): Exact {
    return new Exact(-this.n, this.d);
  }
  cmp(o: Exact): number {
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  eq(o: Exact): boolean {
    return this.n === o.n && this.d === o.d;
  }
  isZero(): boolean {
    return this.n === 0n;
  }
  isNegative(): boolean {
    return this.n < 0n;
  }
  isInteger(): boolean {
    return this.d === 1n;
  }
  abs(): Exact {
    return this.n < 0n ? this.neg() : this;
  }

  /** True when the decimal expansion ends (the denominator has no prime factor but 2 and 5). */
  terminates(): boolean {
    let d = this.d;
    while (d % 2n === 0n) d /= 2n;
    while (d % 5n === 0n) d /= 5n;
    return d === 1n;
  }

  /** Rounds half-even to `places` decimal places (places >= 0). */
  roundHalfEven(places: number): Exact {
    return Exact.of(this.scaledHalfEven(places), 10n ** BigInt(places));
  }

  /** The value times 10^places, rounded half-even to a whole number (roundHalfEven's numerator, unreduced). */
  scaledHalfEven(places: number): bigint {
    const scale = 10n ** BigInt(places);
    const scaled = this.n * scale;
    let q = scaled / this.d;
    let r = scaled % this.d;
    if (r < 0n) {
      q -= 1n;
      r += this.d;
    }
    const twice = 2n * r;
    if (twice > this.d || (twice === this.d && q % 2n !== 0n)) q += 1n;
    return q;
  }

  /**
   * The exact decimal string when the expansion terminates, else rounded half-even to
   * `maxPlaces` decimals. No exponent, no trailing zeros ("261", "0.000028").
   */
  toDecimal(maxPlaces = 12): string {
    // In lowest terms, n/d terminates when d = 2^a 5^b, and then n/d = n 2^(p-a) 5^(p-b) / 10^p with p = max(a, b).
    let rest = this.d;
    let twos = 0;
    let fives = 0;
    while ((rest & 1n) === 0n) {
      rest >>= 1n;
      twos++;
    }
    while (rest % 5n === 0n) {
      rest /= 5n;
      fives++;
    }
    if (rest !== 1n) return this.roundHalfEven(maxPlaces).toDecimal();
    const places = Math.max(twos, fives);
    const m = this.n * 2n ** BigInt(places - twos) * 5n ** BigInt(places - fives);
    return m < 0n ? "-" + placeDecimal(-m, places) : placeDecimal(m, places);
  }

  /** Rounds half-even to exactly `places` decimals and prints them all ("1682.00"). */
  toFixedPlaces(places: number): string {
    const q = this.scaledHalfEven(places);
    const digits = (q < 0n ? -q : q).toString();
    const sign = q < 0n ? "-" : "";
    if (places === 0) return sign + digits;
    const padded = digits.length <= places ? "0".repeat(places - digits.length + 1) + digits : digits;
    return `${sign}${padded.slice(0, padded.length - places)}.${padded.slice(padded.length - places)}`;
  }

  toString(): string {
    return this.toDecimal();
  }
}

/** Sums a list of exact values. */
export function sum(values: Iterable<Exact>): Exact {
  let total = Exact.ZERO;
  for (const v of values) total = total.add(v);
  return total;
}

/** `m` / 10^p as a decimal string without trailing zeros (m >= 0). */
function placeDecimal(m: bigint, p: number): string {
  const s = m.toString();
  if (p === 0) return s;
  const padded = s.length <= p ? "0".repeat(p - s.length + 1) + s : s;
  const point = padded.length - p;
  let end = padded.length;
  while (end > point && padded.charCodeAt(end - 1) === 48) end--;
  return end === point ? padded.slice(0, point) : `${padded.slice(0, point)}.${padded.slice(point, end)}`;
}

/**
 * A fast printer of n/d for one fixed denominator d > 0, giving exactly `Exact.of(n, d).toDecimal()`
 * (exact when it terminates, else half-even to 12 places) without building an Exact: for long
 * runs of values on a common denominator (sweeps).
 */
export function decimalFormatter(d: bigint): (n: bigint) => string {
  if (d <= 0n) throw new RangeError("the denominator must be positive");
  let rest = d;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) {
    rest /= 2n;
    twos++;
  }
  while (rest % 5n === 0n) {
    rest /= 5n;
    fives++;
  }
  const places = Math.max(twos, fives);
  const terminatingMul = 10n ** BigInt(places) / (d / rest);
  const scale12 = 10n ** 12n;
  return (n: bigint): string => {
    if (n < 0n) return Exact.of(n, d).toDecimal();
    if (rest === 1n) return placeDecimal(n * terminatingMul, places);
    if (n % rest === 0n) return placeDecimal((n / rest) * terminatingMul, places);
    const scaled = n * scale12;
    let q = scaled / d;
    if (2n * (scaled % d) > d) q += 1n; // no ties: a tie would make n/d terminate
    return placeDecimal(q, 12);
  };
}
