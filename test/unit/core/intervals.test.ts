// Price intervals: versions, aliases and calendars flattened to UTC rows, checked against price resolution instant by instant.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolvedOrNone } from "../../helpers/cards.js";
import { loadRateCards } from "../../../src/cards/load.js";
import { isPeak } from "../../../src/core/calendar.js";
import { modelNames, priceIntervals, type PriceInterval } from "../../../src/core/intervals.js";
import { formatInstant, parseInstant } from "../../../src/core/instant.js";
import { selectModels } from "../../../src/core/rates.js";
import { findModel, resolvePrice } from "../../../src/core/resolve.js";

const acme = readFileSync(join(__dirname, "../../fixtures/intervals/acme.yaml"), "utf8");
const book = loadRateCards([{ file: "acme.yaml", text: acme }]);
const FROM = parseInstant("2025-01-01");
const TO = parseInstant("2027-01-01");
const all = [...priceIntervals(book, FROM, TO)];
const byModel = new Map<string, PriceInterval[]>();
for (const r of all) {
  let list = byModel.get(r.model);
  if (!list) byModel.set(r.model, (list = []));
  list.push(r);
}

/** The row of `model` holding `t`, by binary search. */
function rowAt(model: string, t: number): PriceInterval | undefined {
  const rows = byModel.get(model) ?? [];
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.end <= t) lo = mid + 1;
    else hi = mid;
  }
  const r = rows[lo];
  return r && r.start <= t ? r : undefined;
}

/** What price resolution says at `t`: the billed-as id, window and three prices, or undefined when there is no price. */
function resolved(model: string, t: number): string | undefined {
  const res = resolvedOrNone(book, model, t);
  if (!res) return undefined;
  const v = res.version;
  const window = v.calendar ? (isPeak(book.calendars.get(v.calendar)!, t) ? "peak" : "off-peak") : null;
  const p = window === "peak" ? v.peak! : window === "off-peak" ? v.offPeak! : v.flat!;
  return [res.billedAs, window, res.currency, p.input_cache_hit.toDecimal(), p.input_cache_miss.toDecimal(), p.output.toDecimal()].join(" ");
}

function fromRow(r: PriceInterval | undefined): string | undefined {
  return r && [r.billedAs, r.window, r.currency, r.prices.input_cache_hit.toDecimal(), r.prices.input_cache_miss.toDecimal(), r.prices.output.toDecimal()].join(" ");
}

/** A row with what else tells neighbours apart: cache-write prices and long-context tiers (v2 cards). */
function fullRow(r: PriceInterval): string {
  const w = r.prices.input_cache_write?.toDecimal() ?? "-";
  const writes = Object.entries(r.prices.writes ?? {}).map(([k, v]) => `${k}=${v.toDecimal()}`);
  const tiers = (r.window === null ? (r.version.tiers ?? []) : []).map((t) => `${t.above.toDecimal()}:${t.prices.output.toDecimal()}`);
  const fees = Object.entries(r.fees).map(([k, v]) => `${k}=${v?.toDecimal() ?? "-"}`); // a fee can start inside a price version
  return [fromRow(r), w, ...writes, ...tiers, ...fees].join(" ");
}

const models = selectModels(book).map(([shown]) => shown);

describe("priceIntervals", () => {
  it("gives each model contiguous, non-overlapping, non-empty rows in time order, neighbours differing", () => {
    // models with no price ever (only a retirement: shut-down previews in the Google card) have no rows
    const neverPriced = (m: string) => findModel(book, m).versions.every((v) => v.kind === "retired");
    expect(models.every((m) => m === "deepseek-chat" || m === "deepseek-reasoner" || neverPriced(m) || byModel.has(m))).toBe(true);
    for (const rows of byModel.values()) {
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        expect(r.start).toBeLessThan(r.end);
        expect(r.start).toBeGreaterThanOrEqual(FROM);
        expect(r.end).toBeLessThanOrEqual(TO);
        const prev = rows[i - 1];
        if (prev) {
          expect(prev.end).toBeLessThanOrEqual(r.start);
          if (prev.end === r.start) expect(fullRow(prev)).not.toBe(fullRow(r));
        }
      }
    }
  });

  it("property: at any instant, the row holding it has the prices price resolution gives (or there is none)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...models), fc.integer({ min: FROM, max: TO - 1 }), (model, t) => fromRow(rowAt(model, t)) === resolved(model, t)),
      { numRuns: 3000 },
    );
  });

  it("agrees with price resolution at every row edge, a millisecond either side", () => {
    for (const r of all) {
      for (const t of [r.start - 1, r.start, r.end - 1, r.end]) {
        if (t < FROM || t >= TO) continue;
        expect(`${r.model} ${formatInstant(t)} ${fromRow(rowAt(r.model, t))}`).toBe(`${r.model} ${formatInstant(t)} ${resolved(r.model, t)}`);
      }
    }
  });

  it("agrees with price resolution minute by minute around every DST change (New York, Berlin, Lord Howe's 30 minutes)", () => {
    const days = ["2026-03-08", "2026-11-01", "2026-03-29", "2026-10-25", "2026-04-04", "2026-10-03"];
    for (const day of days) {
      const start = parseInstant(day) - 86400000;
      for (let t = start; t < start + 3 * 86400000; t += 60000) {
        for (const model of ["acme-large", "acme-eu", "acme-au"]) {
          if (fromRow(rowAt(model, t)) !== resolved(model, t)) expect(`${model} ${formatInstant(t)} ${fromRow(rowAt(model, t))}`).toBe(`${model} ${formatInstant(t)} ${resolved(model, t)}`);
        }
      }
    }
  });

  it("follows the New York clock across both DST changes", () => {
    const peaks = (day: string) =>
      (byModel.get("acme-large") ?? []).filter((r) => r.window === "peak" && formatInstant(r.start).startsWith(day)).map((r) => `${formatInstant(r.start)}..${formatInstant(r.end)}`);
    expect(peaks("2026-03-09")).toEqual(["2026-03-09T12:30:00Z..2026-03-09T21:45:00Z"]); // Monday, EDT: 08:30-17:45 = 12:30-21:45 UTC
    expect(peaks("2026-03-14")).toEqual([]); // Saturday
    // the second rule (from June): off-peak 22:15-01:30 local, so peak runs 05:30-02:15 UTC in EDT, 06:30-03:15 in EST
    expect(peaks("2026-10-30")).toEqual(["2026-10-30T05:30:00Z..2026-10-31T02:15:00Z"]);
    expect(peaks("2026-11-02")).toEqual(["2026-11-02T06:30:00Z..2026-11-03T03:15:00Z"]);
    // the night of the change (Sunday 2026-11-01, 02:00 EDT -> 01:00 EST): 01:30-02:00 EDT is peak, then the clock
    // goes back to 01:00 and 01:00-01:30 EST is off-peak again
    expect(peaks("2026-11-01")).toEqual(["2026-11-01T05:30:00Z..2026-11-01T06:00:00Z", "2026-11-01T06:30:00Z..2026-11-02T03:15:00Z"]);
  });

  it("keeps holidays off-peak all day and switches rules at their own instant", () => {
    const at = (t: string) => fromRow(rowAt("acme-large", parseInstant(t)));
    expect(at("2026-07-03T15:00Z")).toContain("off-peak"); // the holiday, a Friday
    expect(at("2026-07-02T15:00Z")).toContain(" peak");
    // The second rule starts 2026-06-15 13:07 UTC (a Monday, 09:07 EDT, inside the old peak window):
    // from then on everything but 22:15-01:30 New York time is peak.
    const cut = (byModel.get("acme-large") ?? []).find((r) => r.start === parseInstant("2026-06-15T13:07Z"));
    expect(cut).toBeUndefined(); // peak before and after: the rows merge across the rule change
    expect(at("2026-06-15T13:06Z")).toContain(" peak");
    expect(at("2026-06-16T02:14Z")).toContain(" peak"); // 22:14 EDT
    expect(at("2026-06-16T02:15Z")).toContain("off-peak"); // 22:15 EDT
    expect(at("2026-06-16T05:29Z")).toContain("off-peak"); // 01:29 EDT
    expect(at("2026-06-16T05:30Z")).toContain(" peak");
  });

  it("cuts a wrap-around window 16:30-00:30 at both ends, in the zone's own time", () => {
    const night = (byModel.get("acme-eu") ?? []).filter((r) => r.window === "off-peak" && r.start >= parseInstant("2026-10-20") && r.start < parseInstant("2026-10-28"));
    expect(night.map((r) => `${formatInstant(r.start)}..${formatInstant(r.end)}`)).toContain("2026-10-24T14:30:00Z..2026-10-24T22:30:00Z"); // CEST
    expect(night.map((r) => `${formatInstant(r.start)}..${formatInstant(r.end)}`)).toContain("2026-10-26T15:30:00Z..2026-10-26T23:30:00Z"); // CET
    // the 2025 DeepSeek window, UTC: 16:30 to 00:30 the next day is one row
    expect(fromRow(rowAt("deepseek-chat", parseInstant("2025-03-01T16:29Z")))).toContain(" peak");
    const r = rowAt("deepseek-chat", parseInstant("2025-03-01T20:00Z"))!;
    expect([formatInstant(r.start), formatInstant(r.end), r.window]).toEqual(["2025-03-01T16:30:00Z", "2025-03-02T00:30:00Z", "off-peak"]);
  });

  it("merges versions with equal prices, follows alias chains, and stops at retirement", () => {
    const small = byModel.get("acme-small")!;
    expect(small.map((r) => [formatInstant(r.start), formatInstant(r.end)])).toEqual([["2026-02-01T00:00:00Z", "2026-09-15T12:00:00Z"]]);
    const latest = byModel.get("acme-latest")!;
    expect(latest[0]).toMatchObject({ billedAs: "acme-small", start: parseInstant("2026-02-01") }); // nothing while acme-small had no price
    expect(latest.filter((r) => r.start >= parseInstant("2026-09-01")).every((r) => r.billedAs === "acme-large")).toBe(true);
    expect(rowAt("acme-small", parseInstant("2026-09-15T12:00Z"))).toBeUndefined();
    expect(Math.max(...(byModel.get("deepseek-chat") ?? []).map((r) => r.end))).toBe(parseInstant("2026-07-24T15:59Z"));
  });

  it("keeps a version that starts off the minute (06:59:59.5) exact", () => {
    const r = rowAt("acme-large", parseInstant("2026-03-08T06:59:59.500Z"))!;
    expect(formatInstant(r.start)).toBe("2026-03-08T06:59:59.500Z");
    expect(rowAt("acme-large", parseInstant("2026-03-08T06:59:59.499Z"))!.window).toBeNull();
  });

  it("lists only the models asked for, fails on unknown ones, and on an empty range", () => {
    expect(new Set([...priceIntervals(book, FROM, TO, ["acme-small"])].map((r) => r.model))).toEqual(new Set(["acme-small"]));
    expect(() => [...priceIntervals(book, FROM, TO, ["acme-smal"])]).toThrow(/unknown model "acme-smal".*/);
    expect(() => [...priceIntervals(book, TO, FROM)]).toThrow(/empty/);
  });

  it("maps every unambiguous name of a model (provider/id, snapshot ids) to its rows' model; a shared bare id to none", () => {
    const names = new Map(modelNames(book).map((n) => [n.name, n.model]));
    expect(names.get("acme-large")).toBe("acme-large");
    expect(names.get("acme/acme-large")).toBe("acme-large");
    expect(names.get("acme-large-20260101")).toBe("acme-large");
    expect(names.get("acme/acme-large-20260101")).toBe("acme-large");
    expect(names.get("deepseek/deepseek-v4-pro")).toBe("deepseek-v4-pro");
    const twice = loadRateCards([
      { file: "acme.yaml", text: acme },
      { file: "other.yaml", text: "provider: other\ncurrency: USD\nmodels:\n  acme-small:\n    versions:\n      - from: 2026-01-01\n        input_cache_hit: 1\n        input_cache_miss: 2\n        output: 3\n" },
    ]);
    const shared = new Map(modelNames(twice).map((n) => [n.name, n.model]));
    expect(shared.has("acme-small")).toBe(false); // ambiguous: usage skips it too
    expect(shared.get("acme/acme-small")).toBe("acme/acme-small");
    expect(shared.get("other/acme-small")).toBe("other/acme-small");
    expect(() => resolvePrice(twice, "acme-small", parseInstant("2026-03-01"))).toThrow(/ambiguous/);
    expect(new Set([...priceIntervals(twice, FROM, TO)].map((r) => r.model))).toContain("other/acme-small");
  });

  it("grows with the rows, not faster: twice the range gives about twice the rows", () => {
    const count = (to: string) => [...priceIntervals(book, parseInstant("2026-09-01"), parseInstant(to))].length;
    const one = count("2026-09-29");
    const two = count("2026-10-27");
    expect(two / one).toBeGreaterThan(1.8);
    expect(two / one).toBeLessThan(2.2);
  });
});
