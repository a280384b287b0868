// The streamed sweep JSON is byte for byte JSON.stringify of the whole object (the shape before streaming, plus warnings).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Exact } from "../../../src/core/exact.js";
import { formatInstant } from "../../../src/core/instant.js";
import type { Axis } from "../../../src/core/sweep-axis.js";
import type { Frac, Sweep, SweepGap, SweepRow } from "../../../src/core/sweep.js";
import { streamSweepJson } from "../../../src/render/sweep/json.js";

/** The JSON text as it was built before streaming: the whole object, then JSON.stringify. */
function reference(axes: Axis[], models: string[], rows: SweepRow[], gaps: SweepGap[], warnings: string[]): string {
  const names = axes.map((a) => (a.param === "as-of" ? "as-of" : a.param.name));
  const value = (v: Frac | number) => (typeof v === "number" ? formatInstant(v) : Exact.of(v.n, v.d).toDecimal());
  const object = {
    schema_version: 1,
    currency: "USD",
    vary: axes.map((a, i) => ({ param: names[i], spec: a.spec })),
    models,
    rows: rows.map((r) => ({
      point: Object.fromEntries(r.point.map((v, i) => [names[i]!, value(v)])),
      costs: Object.fromEntries(r.costs.map((c, i) => [models[i]!, c ? value(c) : null])),
    })),
    gaps,
    warnings,
  };
  return JSON.stringify(object, null, 2) + "\n";
}

const name = fc.oneof(fc.constantFrom("calls", "reply", "as-of", "7", "12", "a\"b", "ü\n"), fc.string({ maxLength: 6 }));
const frac = fc.record({ n: fc.bigInt({ min: 0n, max: 10n ** 20n }), d: fc.constantFrom(1n, 3n, 8n, 10n ** 6n, 7n * 10n ** 9n, 1000003n) });
const instant = fc.integer({ min: 0, max: 4e12 }).map((ms) => ms - (ms % 1000));

describe("streamSweepJson", () => {
  it("writes exactly JSON.stringify(whole object, null, 2), for any names, values and gaps", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(name, fc.boolean()), { minLength: 1, maxLength: 2 }),
        fc.array(name, { minLength: 1, maxLength: 4 }),
        fc.nat(6),
        fc.array(fc.record({ model: name, points: fc.nat(9), reason: fc.string({ maxLength: 10 }) }), { maxLength: 2 }),
        fc.integer({ min: 1, max: 64 }),
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 2 }),
        async (axisSpecs, models, rowCount, gaps, seed, warnings) => {
          const axes = axisSpecs.map(([n, asOf], i) => ({ param: asOf && i === 0 ? "as-of" : { name: n }, spec: `${n}..${i}` }) as unknown as Axis);
          const rng = fc.sample(fc.tuple(fc.array(fc.oneof(frac, instant), { minLength: 2, maxLength: 2 }), fc.array(fc.option(frac), { minLength: 4, maxLength: 4 })), { numRuns: rowCount, seed });
          const rows: SweepRow[] = rng.map(([pt, cs]) => ({
            point: axes.map((a, i) => (a.param === "as-of" ? (typeof pt[i] === "number" ? pt[i] : 0) : typeof pt[i] === "number" ? { n: 1n, d: 1n } : pt[i]!)) as (Frac | number)[],
            costs: models.map((_, j) => cs[j] ?? null),
          }));
          const sweep: Sweep = { axes, models, currency: "USD", size: rows.length, rows: function* () { yield* rows; }, gaps };
          let out = "";
          await streamSweepJson(sweep, (chunk) => void (out += chunk), warnings);
          expect(out).toBe(reference(axes, models, rows, gaps, warnings));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("writes a large sweep in chunks, the first at once", async () => {
    const rows = Array.from({ length: 20000 }, (_, i) => ({ point: [{ n: BigInt(i), d: 1n }], costs: [{ n: BigInt(i) * 7n, d: 100n }] }));
    const sweep = { axes: [{ param: { name: "calls" }, spec: "s" }] as unknown as Axis[], models: ["m"], currency: "USD", size: rows.length, rows: function* () { yield* rows; }, gaps: [] };
    const writes: string[] = [];
    await streamSweepJson(sweep, (chunk) => void writes.push(chunk));
    expect(writes.length).toBeGreaterThan(20);
    expect(Math.max(...writes.map((w) => w.length))).toBeLessThan(65536 + 200);
    expect(JSON.parse(writes.join("")).rows[19999]).toEqual({ point: { calls: "19999" }, costs: { m: "1399.93" } });
  });
});
