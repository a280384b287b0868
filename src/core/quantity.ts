// Parsing of human-written counts ("1_000_000", "1e6", "1.5M", "2k") and shares ("25%", "0.25").

import { Exact } from "./exact.js";
import { quote } from "./printable.js";

const SUFFIX: Record<string, bigint> = { k: 1000n, K: 1000n, M: 1000000n, B: 1000000000n, G: 1000000000n };
const COUNT = /^(\d[\d_,]*(?:\.\d+)?(?:[eE][+-]?\d+)?)([kKMBG]?)$/;

/** Thrown by the parsers below; callers turn it into an error that names where the text came from. */
export class QuantityError extends Error {
  constructor(message: string) {
    super(message);
  }
}

/** The fix to suggest when a count does not parse. */
export const COUNT_HINT = "write a non-negative whole number like 2000, 1_000_000, 1e6, 1.5M or 2k";

/** Commas only as thousands separators ("1,500" and "1,000,000", not "1,5" or "15,00"). */
function commasOk(text: string): boolean {
  if (!text.includes(",")) return true;
  const whole = text.replace(/^[+-]/, "").split(/[.eE]/)[0]!.replace(/_/g, "");
  return /^\d{1,3}(,\d{3})+$/.test(whole);
}

/** Parses a non-negative whole count of tokens or calls; throws QuantityError otherwise. */
export function parseCount(text: string): Exact {
  const t = text.trim();
  if (t.startsWith("-")) throw new QuantityError(`${quote(t)} is negative`);
  const m = COUNT.exec(t);
  if (m && !commasOk(m[1]!)) throw new QuantityError(`${quote(t)} has a comma that is not a thousands separator`);
  const base = m ? Exact.parseDecimal(m[1]!.replace(/[_,]/g, "")) : undefined;
  if (!m || !base) {
    const near = /^(\d[\d_,]*(?:\.\d+)?)([mbg])$/.exec(t);
    if (near) throw new QuantityError(`${quote(t)} is not a number: did you mean ${near[1]}${near[2]!.toUpperCase()}?`);
    throw new QuantityError(`${quote(t)} is not a number`);
  }
  const v = base.mul(Exact.int(SUFFIX[m[2]!] ?? 1n));
  if (!v.isInteger()) throw new QuantityError(`${quote(t)} is not a whole number`);
  return v;
}

/** The fix to suggest when a share does not parse. */
export const SHARE_HINT = "write a share like 0.25, 25% or 1/4";

/** Parses a share in 0..1: "0.25", "25%" or "1/4". */
export function parseShare(text: string): Exact {
  const t = text.trim();
  let v: Exact | undefined;
  if (t.endsWith("%")) v = Exact.parseDecimal(t.slice(0, -1))?.div(Exact.int(100));
  else if (t.includes("/")) {
    const [a, b] = t.split("/").map((x) => Exact.parseDecimal(x));
    if (a && b && !b.isZero()) v = a.div(b);
  } else v = Exact.parseDecimal(t);
  if (!v) throw new QuantityError(`${quote(t)} is not a share (write 0.25, 25% or 1/4)`);
  if (!v.isNegative() && v.cmp(Exact.ONE) > 0 && v.cmp(Exact.int(100)) <= 0 && !t.endsWith("%") && !t.includes("/")) {
    throw new QuantityError(`${quote(t)} is outside 0..1 (0% to 100%): did you mean ${t}%?`);
  }
  if (v.isNegative() || v.cmp(Exact.ONE) > 0) throw new QuantityError(`${quote(t)} is outside 0..1 (0% to 100%)`);
  return v;
}

/** Parses a non-negative money amount ("200", "1,500.50", "$150"). */
export function parseAmount(text: string): Exact {
  const bare = text.trim().replace(/^[$¥€£]/, "");
  if (!commasOk(bare)) throw new QuantityError(`${quote(text.trim())} has a comma that is not a thousands separator (write 1,500 or 1.5)`);
  const v = Exact.parseDecimal(bare.replace(/[_,]/g, ""));
  if (!v) throw new QuantityError(`${quote(text.trim())} is not an amount (write 150 or 1500.50)`);
  if (v.isNegative()) throw new QuantityError(`${quote(text.trim())} is negative; amounts must be 0 or more`);
  return v;
}
