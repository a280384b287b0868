// End to end: `ratecard solve` answers, re-checked by `ratecard estimate` at the answer and one past it.
import { describe, expect, it } from "vitest";
import { spawnCli } from "../helpers/cli.js";

const PER_CALL = ["--cached-prefix", "2000", "--miss", "200", "--reply", "300", "--as-of", "2026-04-24"];

function estimateTotal(args: string[]): string {
  const r = spawnCli(["estimate", ...args, "-f", "json"]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout).estimates[0].total;
}

describe("ratecard solve", () => {
  it("answers 595238 calls for $100 on V4-Flash at 2026-04-24 (the issue's done-when)", () => {
    const r = spawnCli(["solve", ...PER_CALL, "-m", "deepseek-v4-flash", "--budget", "100", "--for", "calls"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // Money to cents, with the digits it takes to tell each cost from the $100 budget.
    expect(r.stdout).toContain("│ deepseek-v4-flash │ 595,238 │ $99.99998 │ 595,239 costs $100.0002 │");
    // Re-estimate at the answer and one past it.
    expect(estimateTotal([...PER_CALL, "-m", "deepseek-v4-flash", "--calls", "595238"])).toBe("99.999984");
    expect(estimateTotal([...PER_CALL, "-m", "deepseek-v4-flash", "--calls", "595239"])).toBe("100.000152");
  });

  it("solves the worked example file per model in JSON", () => {
    const r = spawnCli(["solve", "examples/worked-example.yaml", "--budget", "1000", "--for", "reply", "-f", "json"]);
    const json = JSON.parse(r.stdout);
    // Flash: 84 + 0.28 r <= 1000 -> r = 3271 (84 + 915.88); Pro: 638 + 3.48 r <= 1000 -> r = 104 (638 + 361.92).
    expect(json.results.map((x: { model: string; value: string; cost: string; next_cost: string }) => [x.model, x.value, x.cost, x.next_cost])).toEqual([
      ["deepseek-v4-flash", "3271", "999.88", "1000.16"],
      ["deepseek-v4-pro", "104", "999.92", "1003.4"],
    ]);
    expect(json).toMatchObject({ schema_version: 1, budget: "1000", for: "reply", goal: "largest", currency: "USD" });
  });

  it("gives the lowest cache hit rate that fits, as an exact fraction", () => {
    const r = spawnCli(["solve", "--calls", "1M", "--input", "2200", "--cache-hit-rate", "0", "--reply", "300", "--as-of", "2026-04-24", "-m", "deepseek-v4-flash", "--budget", "200", "--for", "cache-hit-rate"]);
    expect(r.code).toBe(0);
    // 392 - 246.4 r = 200 at r = 60/77.
    expect(r.stdout).toContain("60/77 = 77.92%");
    expect(r.stdout).toContain("$200");
  });

  it("says when none fits", () => {
    const r = spawnCli(["solve", "examples/worked-example.yaml", "-m", "deepseek-v4-pro", "--budget", "500", "--for", "reply", "-f", "csv"]);
    expect(r.stdout).toBe("model,billed_as,for,budget,status,value,cost,next_value,next_cost\r\ndeepseek-v4-pro,,reply,500,none-fits,,638,,\r\n");
  });

  it("fails with exit 2 on bad usage", () => {
    const cases: [string[], RegExp][] = [
      [["--for", "calls"], /solve needs --budget/],
      [["--budget", "100"], /solve needs --for/],
      [["--budget", "100", "--for", "cals"], /--for: unknown parameter "cals" \(did you mean "calls"\?\)/],
      [["--budget", "lots", "--for", "calls"], /--budget: "lots" is not an amount/],
      [["--budget", "100", "--for", "peak-share"], /solve cannot look for peak-share/],
    ];
    for (const [args, message] of cases) {
      const r = spawnCli(["solve", "examples/worked-example.yaml", ...args]);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.split("\n")).toHaveLength(2);
      expect(r.code).toBe(2);
    }
  });
});
