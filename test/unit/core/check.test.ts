// Budgets against estimates: boundaries, plan and item rows, flag overrides, fail-closed cases.
import { describe, expect, it } from "vitest";
import { loadRateCards } from "../../../src/cards/load.js";
import { budgetStatus, checkPlan, checkReport, overrideBudget } from "../../../src/core/check.js";
import { InputError, UsageError } from "../../../src/core/errors.js";
import { Exact } from "../../../src/core/exact.js";
import { estimate } from "../../../src/core/estimate.js";
import { parseInstant } from "../../../src/core/instant.js";
import { parsePlan } from "../../../src/workload/parse-plan.js";

const x = (s: string) => Exact.parseDecimal(s)!;
const book = loadRateCards();
const asOf = parseInstant("2026-04-24");

// By hand at the launch prices (per 1M: flash 0.028 / 0.14 / 0.28, pro 0.145 / 1.74 / 3.48):
// chat = 1M calls x (2000 hit, 200 miss, 300 out): flash 56 + 28 + 84 = 168, pro 290 + 348 + 1044 = 1682.
// nightly = 30k calls x (3000 miss, 3000 out): flash 12.6 + 25.2 = 37.8, pro 156.6 + 313.2 = 469.8.
const PLAN = `
name: bot
models: [deepseek-v4-flash, deepseek-v4-pro]
budget: {fail: 2000, warn: 1000}
workloads:
  - name: chat
    calls: 1M
    cached_prefix: 2000
    miss: 200
    reply: 300
    budget: 170
  - name: nightly
    calls: 30k
    miss: 3000
    reply: 3000
`;

describe("budgetStatus", () => {
  it("passes at the limit, warns above warn, fails above fail", () => {
    const b = { fail: x("200"), warn: x("150") };
    expect(budgetStatus(x("150"), b)).toBe("PASS");
    expect(budgetStatus(x("150.000001"), b)).toBe("WARN");
    expect(budgetStatus(x("200"), b)).toBe("WARN");
    expect(budgetStatus(x("200.01"), b)).toBe("FAIL");
    expect(budgetStatus(x("999"), { warn: x("1") })).toBe("WARN");
  });
});

describe("checkPlan", () => {
  it("applies the plan budget to each model's total and the item budget to the item on each model", () => {
    const plan = parsePlan(PLAN, "p.yaml");
    const check = checkPlan(estimate(book, plan, { asOf }), plan);
    const rows = check.rows.map((r) => [r.model, r.item, r.cost.toDecimal(), r.headroom.toDecimal(), r.status]);
    expect(rows).toEqual([
      ["deepseek-v4-flash", null, "205.8", "1794.2", "PASS"],
      ["deepseek-v4-flash", "chat", "168", "2", "PASS"],
      ["deepseek-v4-pro", null, "2151.8", "-151.8", "FAIL"],
      ["deepseek-v4-pro", "chat", "1682", "-1512", "FAIL"],
    ]);
    expect(check.status).toBe("FAIL");
    expect(checkReport([check]).counts).toEqual({ PASS: 2, WARN: 0, FAIL: 2 });
  });

  it("fails closed when there is nothing to check", () => {
    const plan = parsePlan("calls: 10\nmiss: 5\n", "w.yaml");
    expect(() => checkPlan(estimate(book, plan, { asOf }), plan)).toThrow(InputError);
    expect(() => checkPlan(estimate(book, plan, { asOf }), plan)).toThrow(/no budget/);
  });

  it("fails closed when the only budgets are on items the chosen models do not price", () => {
    const plan = parsePlan("workloads:\n  - {name: a, calls: 1, miss: 1, models: [deepseek-v4-pro], budget: 5}\n  - {name: b, calls: 1, miss: 1}\n", "w.yaml");
    const report = estimate(book, plan, { asOf, models: [{ id: "deepseek-v4-flash" }] });
    expect(() => checkPlan(report, plan)).toThrow(/no budget applies/);
  });
});

describe("overrideBudget", () => {
  it("replaces each field a flag gives and keeps the rest", () => {
    const file = { fail: x("300"), warn: x("250") };
    expect(overrideBudget(file, {})).toBe(file);
    const merged = overrideBudget(file, { fail: x("280") })!;
    expect([merged.fail!.toDecimal(), merged.warn!.toDecimal()]).toEqual(["280", "250"]);
    expect(overrideBudget(undefined, { warn: x("5") })).toEqual({ fail: undefined, warn: x("5"), where: undefined });
  });

  it("rejects a warn limit above the fail limit", () => {
    expect(() => overrideBudget({ fail: x("300"), warn: x("250") }, { fail: x("200") })).toThrow(UsageError);
  });
});
