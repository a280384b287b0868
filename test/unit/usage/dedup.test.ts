// The fingerprint set: remembers what it saw through growth, and tells different ids apart.
import { describe, expect, it } from "vitest";
import { hashBytes, pairFingerprint, SeenKeys } from "../../../src/usage/dedup.js";

function fp(message: string, request: string): [number, number] {
  const ids = new Uint32Array(4);
  const m = Buffer.from(message);
  const r = Buffer.from(request);
  hashBytes(m, 0, m.length, ids, 0);
  hashBytes(r, 0, r.length, ids, 2);
  return pairFingerprint(ids);
}

describe("SeenKeys", () => {
  it("answers false the first time and true after, across table growth", () => {
    const seen = new SeenKeys();
    const n = 200_000;
    let first = 0;
    for (let i = 0; i < n; i++) if (!seen.seen(...fp(`msg_${i}`, `req_${i}`))) first++;
    expect(first).toBe(n);
    let again = 0;
    for (let i = 0; i < n; i += 7) if (seen.seen(...fp(`msg_${i}`, `req_${i}`))) again++;
    expect(again).toBe(Math.ceil(n / 7));
  });

  it("tells apart ids that differ in either part or in where they split", () => {
    const all = [fp("a", "b"), fp("b", "a"), fp("ab", ""), fp("a", "bb"), fp("msg_1", "req_1"), fp("msg_1", "req_2"), fp("msg_2", "req_1")];
    expect(new Set(all.map((x) => x.join(":"))).size).toBe(all.length);
  });
});
