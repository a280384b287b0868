// Seen-before checks for repeated session-log records, by a 64-bit fingerprint of message.id + requestId.
//
// A Set of the raw keys would hold every id string (about 100 bytes a key); this open-addressing
// table keeps 8 bytes a slot, at most half full, and the ids are hashed from the line's bytes
// without becoming strings. Two different keys share a fingerprint with probability about
// n^2 / 2^65 (3e-8 for a million keys).

/** Writes two 32-bit hashes of b[a, z) (cyrb53's mixing, both halves kept) into out[slot], out[slot + 1]. */
export function hashBytes(b: Uint8Array, a: number, z: number, out: Uint32Array, slot: number): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = a; i < z; i++) {
    const c = b[i]!;
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  out[slot] = h1 >>> 0;
  out[slot + 1] = h2 >>> 0;
}

/** Combines the hashes of two ids into one 64-bit fingerprint [a, b] (never [0, 0]). */
export function pairFingerprint(ids: Uint32Array): [number, number] {
  const r1 = ids[2]!;
  const r2 = ids[3]!;
  const a = (ids[0]! ^ Math.imul(r1 ^ (r1 >>> 15), 0x2c1b3c6d)) >>> 0;
  const b = (ids[1]! ^ Math.imul(r2 ^ (r2 >>> 15), 0x297a2d39)) >>> 0;
  return a === 0 && b === 0 ? [0, 1] : [a, b];
}

/** A set of 64-bit fingerprints that answers "seen before?" and remembers each one it is asked about. */
export class SeenKeys {
  private hi = new Uint32Array(1 << 16);
  private lo = new Uint32Array(1 << 16);
  private size = 0;

  /** True when the fingerprint [a, b] (not [0, 0]) was added before; otherwise adds it and returns false. */
  seen(a: number, b: number): boolean {
    const hi = this.hi;
    const lo = this.lo;
    const mask = hi.length - 1;
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    for (;;) {
      const h = hi[i]!;
      const l = lo[i]!;
      if (h === 0 && l === 0) break;
      if (h === a && l === b) return true;
      i = (i + 1) & mask;
    }
    hi[i] = a;
    lo[i] = b;
    if (++this.size * 2 > this.hi.length) this.grow();
    return false;
  }

  private grow(): void {
    const oldHi = this.hi;
    const oldLo = this.lo;
    this.hi = new Uint32Array(oldHi.length * 2);
    this.lo = new Uint32Array(oldLo.length * 2);
    const mask = this.hi.length - 1;
    for (let j = 0; j < oldHi.length; j++) {
      const a = oldHi[j]!;
      const b = oldLo[j]!;
      if (a === 0 && b === 0) continue;
      let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
      while (this.hi[i] !== 0 || this.lo[i] !== 0) i = (i + 1) & mask;
      this.hi[i] = a;
      this.lo[i] = b;
    }
  }
}
