// `budget:` in plan files: bare amounts, {fail, warn}, and located errors for everything else.
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors.js";
import { parsePlan } from "../../../src/workload/parse-plan.js";

function error(text: string): InputError {
  try {
    parsePlan(text, "p.yaml");
  } catch (err) {
    return err as InputError;
  }
  throw new Error("expected an error");
}

describe("budget in plans", () => {
  it("reads a plan budget, item budgets, bare amounts and currency-marked strings exactly", () => {
    const plan = parsePlan(`budget: {fail: 1_500.50, warn: "$1,200"}\nworkloads:\n  - name: a\n    calls: 1\n    budget: 0.1\n  - {name: b, calls: 1}\n`, "p.yaml");
    expect(plan.budget!.fail!.toDecimal()).toBe("1500.5");
    expect(plan.budget!.warn!.toDecimal()).toBe("1200");
    expect(plan.budget!.where).toEqual({ file: "p.yaml", line: 1, col: 9 });
    expect(plan.workloads[0]!.budget!.fail!.toDecimal()).toBe("0.1");
    expect(plan.workloads[0]!.budget!.warn).toBeUndefined();
    expect(plan.workloads[1]!.budget).toBeUndefined();
  });

  it("makes a single workload's budget the plan's", () => {
    const plan = parsePlan("calls: 1\nbudget: 200\n", "w.yaml");
    expect(plan.budget!.fail!.toDecimal()).toBe("200");
    expect(plan.workloads[0]!.budget).toBeUndefined();
  });

  it("rejects bad budgets at their position, with a fix", () => {
    const cases: [string, RegExp, number][] = [
      ["calls: 1\nbudget: lots\n", /budget: "lots" is not an amount/, 2],
      ["calls: 1\nbudget: -5\n", /budget: "-5" is not an amount/, 2],
      ["calls: 1\nbudget: {warn: 5}\n", /"budget.fail" is missing/, 2],
      ["calls: 1\nbudget: {fail: 5, wran: 4}\n", /unknown key "budget.wran"/, 2],
      ["calls: 1\nbudget: {fail: 5, warn: 6}\n", /budget.warn \(6\) is above budget.fail \(5\)/, 2],
      ["calls: 1\nbudget:\n  fail: 500\n  per: month\n", /budget.per.*periods/, 4],
      ["workloads:\n  - calls: 1\n    budget: [1]\n", /workloads\[0\].budget must be an amount or a mapping of fail: and warn:/, 3],
    ];
    for (const [text, message, line] of cases) {
      const e = error(text);
      expect(e, text).toBeInstanceOf(InputError);
      expect(e.message, text).toMatch(message);
      expect(e.where?.line, text).toBe(line);
      expect(`${e.message} ${e.hint ?? ""}`, text).toMatch(/\(write |\(add |\(remove |\(set |did you mean| write | add | remove | set /); // says how to fix it
    }
  });
});
