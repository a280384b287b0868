// Two estimates compared: exact changes and percentages, new and removed rows, gates.
import { describe, expect, it } from "vitest";
import { diffReports, exceeds, parseThreshold, type Threshold } from "../../../src/core/diff.js";
import { InputError } from "../../../src/core/errors.js";
import { Exact } from "../../../src/core/exact.js";
import type { EstimateReport } from "../../../src/core/types.js";

const x = (s: string) => Exact.parseDecimal(s)!;

/** A report with given item totals per model (lines left out: diff reads totals only). */
function report(models: Record<string, Record<string, string>>, currency = "USD"): EstimateReport {
  return {
    asOf: 0,
    currency,
    warnings: [],
    estimates: Object.entries(models).map(([model, items]) => ({
      model,
      billedAs: null,
      priceFrom: 0,
      card: "c",
      peakShare: null,
      total: Object.values(items).reduce((a, v) => a.add(x(v)), Exact.ZERO),
      items: Object.entries(items).map(([workload, t]) => ({ workload, total: x(t), lines: [] })),
    })),
  };
}

const sides = { base: "a", head: "b" };

describe("parseThreshold", () => {
  it("reads percentages and amounts exactly", () => {
    expect(parseThreshold("12.5%")).toEqual({ kind: "percent", value: x("12.5") });
    expect(parseThreshold("$1,500.25")).toEqual({ kind: "amount", value: x("1500.25") });
    expect(() => parseThreshold("-5%")).toThrow(/percentage/);
    expect(() => parseThreshold("ten")).toThrow(/amount/);
  });
});

describe("diffReports", () => {
  it("computes exact per-item and per-model changes, and new and removed items", () => {
    const d = diffReports(report({ m: { a: "30", b: "10" } }), report({ m: { a: "40", c: "5" } }), {}, sides);
    const m = d.models[0]!;
    expect([m.base!.toDecimal(), m.head!.toDecimal(), m.change.toDecimal()]).toEqual(["40", "45", "5"]);
    expect(m.pct!.eq(x("12.5"))).toBe(true); // 5 / 40
    expect(m.items.map((i) => [i.workload, i.kind, i.change.toDecimal(), i.pct?.toDecimal() ?? null])).toEqual([
      ["a", "changed", "10", "33.333333333333"], // 10/30 = 1/3, printed to 12 places
      ["b", "removed", "-10", "-100"],
      ["c", "new", "5", null],
    ]);
    expect(m.items[0]!.pct!.eq(Exact.of(100n, 3n))).toBe(true); // kept exact
    expect(d.status).toBe("PASS");
  });

  it("applies gates to each model's total change: percent of base, or amount", () => {
    const base = report({ a: { w: "100" }, b: { w: "1000" } });
    const head = report({ a: { w: "160" }, b: { w: "1100" } });
    const pct = diffReports(base, head, { fail: parseThreshold("50%"), warn: parseThreshold("5%") }, sides);
    expect(pct.models.map((m) => m.status)).toEqual(["FAIL", "WARN"]); // +60%, +10%
    const amount = diffReports(base, head, { fail: parseThreshold("99") }, sides);
    expect(amount.models.map((m) => m.status)).toEqual(["PASS", "FAIL"]); // +60, +100
    const exact = diffReports(base, head, { fail: parseThreshold("60%") }, sides);
    expect(exact.models[0]!.status).toBe("PASS"); // exactly at the gate is not above it
  });

  it("treats growth from zero as above every percentage gate, and a removed model as a fall", () => {
    const t: Threshold = { kind: "percent", value: x("1000000") };
    const d = diffReports(report({ old: { w: "5" } }), report({ fresh: { w: "0.01" } }), { fail: t }, sides);
    expect(d.models.map((m) => [m.model, m.kind, m.status])).toEqual([
      ["old", "removed", "PASS"],
      ["fresh", "new", "FAIL"],
    ]);
    expect(exceeds(d.models[1]!, { kind: "amount", value: x("0.01") })).toBe(false);
  });

  it("refuses to compare two currencies", () => {
    expect(() => diffReports(report({ m: { w: "1" } }), report({ m: { w: "1" } }, "CNY"), {}, sides)).toThrow(InputError);
  });
});
