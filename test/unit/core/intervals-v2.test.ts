// Price intervals of v2 cards: cache writes by retention, fees and long-context tiers, checked against the core's pricing at random instants.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolvedOrNone } from "../../helpers/cards.js";
import { loadRateCards } from "../../../src/cards/load.js";
import { InputError } from "../../../src/core/errors.js";
import { intervalShape, priceIntervals, type PriceInterval } from "../../../src/core/intervals.js";
import { parseInstant } from "../../../src/core/instant.js";
import { feePrice, RateSheet, versionRetention } from "../../../src/core/pricing.js";
import { intervalColumns } from "../../../src/render/intervals/columns.js";
import { workload } from "../../helpers/plans.js";

const v2 = readFileSync(join(__dirname, "../../fixtures/cards/v2-card.yaml"), "utf8");
const book = loadRateCards([{ file: "v2-card.yaml", text: v2 }]);
const FROM = parseInstant("2025-12-01");
const TO = parseInstant("2027-03-01");
const MODELS = ["test-large", "test-small"];
const shape = intervalShape(book, FROM, TO, MODELS);
const columns = intervalColumns(shape);
const rows = [...priceIntervals(book, FROM, TO, MODELS)];
const W = workload();

function rowAt(model: string, t: number): PriceInterval | undefined {
  return rows.find((r) => r.model === model && r.start <= t && t < r.end);
}

/** The further columns of the row at `t`, as text. */
function exported(model: string, t: number): string | undefined {
  const r = rowAt(model, t);
  return r && columns.slice(6).map((c) => `${c.name}=${c.value(r) ?? ""}`).join(" ");
}

/** The same columns from price resolution and the core's rate sheet (what estimate bills), independently. */
function expected(model: string, t: number): string | undefined {
  const res = resolvedOrNone(book, model, t);
  if (!res) return undefined;
  const rate = (set: import("../../../src/core/types.js").PriceSet, bucket: string): string => {
    const sheet = new RateSheet(set, undefined, [], res);
    if (bucket.startsWith("input_cache_write")) {
      const ret = bucket === "input_cache_write" ? "" : bucket.slice("input_cache_write_".length);
      try {
        return sheet.rate("input_cache_write", versionRetention(W, res, ret)).rate.toDecimal();
      } catch (err) {
        if (err instanceof InputError) return "";
        throw err;
      }
    }
    return sheet.rate(bucket as "output").rate.toDecimal();
  };
  const out: string[] = [];
  for (const c of columns.slice(6)) {
    let v = "";
    if (c.name.startsWith("fee_")) {
      try {
        const f = feePrice(res, c.name.slice(4), t, W);
        v = f.price.div(f.per).toDecimal();
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
      }
    } else if (c.tier) {
      const tier = res.version.tiers?.[c.tier.k - 1];
      v = tier ? rate(tier.prices, c.tier.base) : "";
    } else if (c.name.endsWith("_above")) {
      v = res.version.tiers?.[Number(c.name.slice(4, -6)) - 1]?.above.toDecimal() ?? "";
    } else v = rate(res.version.flat!, c.name);
    out.push(`${c.name}=${v}`);
  }
  return out.join(" ");
}

describe("priceIntervals with v2 cards", () => {
  it("adds a column per cache write, named retention, fee and tier bucket", () => {
    expect(shape).toEqual({ writes: true, retentions: ["1h"], fees: ["fetch", "search"], tiers: 1 });
    expect(columns.map((c) => c.name).slice(9)).toEqual([
      "input_cache_write", "input_cache_write_1h", "fee_fetch", "fee_search",
      "tier1_above", "tier1_input_cache_hit", "tier1_input_cache_miss", "tier1_output", "tier1_input_cache_write", "tier1_input_cache_write_1h",
    ]);
  });

  it("cuts the rows where a fee starts or is removed", () => {
    const small = rows.filter((r) => r.model === "test-small").map((r) => [new Date(r.start).toISOString().slice(0, 10), r.fees.search?.toDecimal() ?? null]);
    expect(small).toEqual([["2026-01-01", null], ["2026-10-17", "0.00075"], ["2027-01-01", null]]);
  });

  it("property: at any instant, every further column equals what the core bills (writes at the miss price when unpriced, unknown retentions empty)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...MODELS), fc.integer({ min: FROM, max: TO - 1 }), (model, t) => exported(model, t) === expected(model, t)),
      { numRuns: 1000 },
    );
  });
});
