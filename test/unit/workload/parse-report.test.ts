// Saved `estimate -f json` reports read back: exact amounts, a version check, and edits caught.
import { describe, expect, it } from "vitest";
import { loadRateCards } from "../../../src/cards/load.js";
import { InputError } from "../../../src/core/errors.js";
import { Exact } from "../../../src/core/exact.js";
import { estimate } from "../../../src/core/estimate.js";
import { parseInstant } from "../../../src/core/instant.js";
import { renderEstimateJson } from "../../../src/render/estimate/json.js";
import { parsePlan } from "../../../src/workload/parse-plan.js";
import { readSavedReport } from "../../../src/workload/parse-report.js";

const book = loadRateCards();
const plan = parsePlan("workloads:\n  - {name: chat, calls: 1M, cached_prefix: 2000, miss: 200, reply: 300}\n  - {name: batch, calls: 7, miss: 3, reply: 1}\n", "p.yaml");

function saved(at: string): { text: string; report: ReturnType<typeof estimate> } {
  const report = estimate(book, plan, { asOf: parseInstant(at), models: [{ id: "deepseek-v4-flash" }, { id: "deepseek-v4-pro" }] });
  return { text: renderEstimateJson(report), report };
}

function error(text: string): InputError {
  try {
    readSavedReport(text, "r.json");
  } catch (err) {
    return err as InputError;
  }
  throw new Error("expected an error");
}

describe("readSavedReport", () => {
  it("reads back every total exactly when the decimals terminate", () => {
    const { text, report } = saved("2026-04-24");
    const back = readSavedReport(text, "r.json")!;
    expect(back.asOf).toBe(report.asOf);
    expect(back.currency).toBe("USD");
    expect(back.estimates.map((e) => e.model)).toEqual(["deepseek-v4-flash", "deepseek-v4-pro"]);
    back.estimates.forEach((e, i) => {
      expect(e.total.eq(report.estimates[i]!.total)).toBe(true);
      e.items.forEach((it, j) => expect(it.total.eq(report.estimates[i]!.items[j]!.total)).toBe(true));
    });
  });

  it("accepts totals of lines rounded to 12 places (a 5/24 peak share does not terminate)", () => {
    const { text, report } = saved("2026-09-01");
    expect(report.estimates[0]!.peakShare!.toDecimal()).toBe("0.208333333333"); // 5/24, rounded in the JSON
    const back = readSavedReport(text, "r.json")!;
    const diff = back.estimates[0]!.total.sub(report.estimates[0]!.total).abs();
    expect(diff.isZero()).toBe(false); // the JSON really was rounded
    expect(diff.cmp(Exact.parseDecimal("0.000000000001")!)).toBeLessThan(0);
  });

  it("is not a report unless it is a JSON object with schema_version", () => {
    expect(readSavedReport("calls: 1\n", "p.yaml")).toBeUndefined();
    expect(readSavedReport('{"calls": 1}', "p.json")).toBeUndefined();
    expect(readSavedReport("{ not json", "p.json")).toBeUndefined();
  });

  it("rejects another schema_version, bad decimals and edited totals, naming the JSON path", () => {
    const { text } = saved("2026-04-24");
    const data = JSON.parse(text);
    expect(error(JSON.stringify({ ...data, schema_version: 2 })).message).toMatch(/^schema_version: 2 is not supported/);
    const badDecimal = JSON.parse(text);
    badDecimal.estimates[1].items[0].lines[2].cost = "1e3";
    expect(error(JSON.stringify(badDecimal)).message).toMatch(/^estimates\[1\]\.items\[0\]\.lines\[2\]\.cost: "1e3" is not a decimal string/);
    const edited = JSON.parse(text);
    edited.estimates[0].total = "100";
    const e = error(JSON.stringify(edited));
    expect(e.message).toMatch(/^estimates\[0\]\.total: 100 is not the sum of its parts/);
    expect(e.where).toEqual({ file: "r.json" });
    const negative = JSON.parse(text);
    negative.estimates[0].items[0].lines[0].tokens = "-1";
    expect(error(JSON.stringify(negative)).message).toMatch(/tokens: -1 is negative/);
  });
});
