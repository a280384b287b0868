// `ratecard check` end to end: pass, warn, fail and could-not-evaluate in every format, goldens, step summary.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawnCli, tempDir } from "../helpers/cli.js";

const FORMATS = ["table", "json", "markdown", "github"] as const;
// The worked example on Flash at the launch prices costs $168.00 (56 + 28 + 84, by hand).
const FLASH = ["check", "examples/worked-example.yaml", "--as-of", "2026-04-24", "--model", "deepseek-v4-flash"];

describe("ratecard check: the done-when cases", () => {
  it("exits 0 with a budget of 200, 1 with 150, 2 on a malformed plan", () => {
    expect(spawnCli([...FLASH, "--budget", "200"]).code).toBe(0);
    expect(spawnCli([...FLASH, "--budget", "150"]).code).toBe(1);
    const bad = tempDir({ "bad.yaml": "calls: 1M\nmis: 200\n" });
    const r = spawnCli(["check", join(bad, "bad.yaml"), "--budget", "200"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ratecard: error: ${join(bad, "bad.yaml")}:2:1: unknown key "mis" (did you mean "miss"?)\n`);
    expect(r.stdout).toBe("");
  });
});

describe.each(FORMATS)("ratecard check -f %s", (format) => {
  const run = (...extra: string[]) => spawnCli([...FLASH, "-f", format, ...extra]);

  it("passes: exit 0, headroom $32.00, PASS verdict on stderr", () => {
    const r = run("--budget", "200");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("ratecard: check PASS: the budget passes; least headroom $32.00 (deepseek-v4-flash total)\n");
    if (format === "json") {
      const j = JSON.parse(r.stdout);
      expect([j.schema_version, j.command, j.status]).toEqual([1, "check", "PASS"]);
      expect(j.plans[0].checks).toEqual([{ item: null, model: "deepseek-v4-flash", cost: "168", fail: "200", warn: null, headroom: "32", status: "PASS" }]);
    } else if (format === "github") {
      expect(r.stdout).toBe("::notice title=ratecard check PASS::the budget passes; least headroom $32.00 (deepseek-v4-flash total)\n");
    } else if (format === "markdown") {
      expect(r.stdout).toContain("| (total) | deepseek-v4-flash | $168.00 | $200.00 | $32.00 | ✅ PASS |");
    } else {
      expect(r.stdout).toMatch(/\(total\) +│ deepseek-v4-flash │ \$168\.00 │ \$200\.00 │ +\$32\.00 │ PASS/);
    }
  });

  it("warns: exit 0, WARN over the warn limit", () => {
    const r = run("--budget", "200", "--warn", "160");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("ratecard: check WARN: 1 of 1 budget warned; first: deepseek-v4-flash total $168.00 > warn $160.00\n");
    if (format === "json") expect(JSON.parse(r.stdout).plans[0].checks[0]).toMatchObject({ warn: "160", status: "WARN" });
    if (format === "github") expect(r.stdout).toContain("::warning file=examples/worked-example.yaml,title=ratecard check WARN::support bot on deepseek-v4-flash costs $168.00, over its warn limit $160.00 by $8.00\n");
    if (format === "markdown") expect(r.stdout).toContain("| $168.00 | $200.00 (warn $160.00) | $32.00 | ⚠️ WARN |");
    if (format === "table") expect(r.stdout).toContain("WARN");
  });

  it("fails: exit 1, headroom -$18.00", () => {
    const r = run("--budget", "150");
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("ratecard: check FAIL: 1 of 1 budget failed; first: deepseek-v4-flash total $168.00 > $150.00\n");
    if (format === "json") expect(JSON.parse(r.stdout)).toMatchObject({ status: "FAIL", counts: { pass: 0, warn: 0, fail: 1 }, plans: [{ checks: [{ headroom: "-18" }] }] });
    if (format === "github") expect(r.stdout).toContain("::error file=examples/worked-example.yaml,title=ratecard check FAIL::support bot on deepseek-v4-flash costs $168.00, over its budget $150.00 by $18.00\n");
    if (format === "markdown") expect(r.stdout).toContain("| -$18.00 | ❌ FAIL |");
    if (format === "table") expect(r.stdout).toMatch(/-\$18\.00 │ FAIL/);
  });

  it.each([
    ["no budget anywhere", [], /examples\/worked-example\.yaml: the plan has no budget to check \(add budget:/],
    ["an unknown model", ["--budget", "1", "-m", "deepseek-v5"], /unknown model "deepseek-v5" \(did you mean/],
    ["a date with no price", ["--budget", "1", "--as-of", "2020-01-01"], /no price for "deepseek-v4-flash" at 2020-01-01/],
    ["a bad amount", ["--budget", "lots"], /--budget: "lots" is not an amount/],
  ])("could not evaluate (%s): exit 2, nothing on stdout", (_name, extra, message) => {
    const r = run(...(extra as string[]));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^ratecard: error: /);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("ratecard check with budgets in the file", () => {
  const FILE = "test/fixtures/plans/over-budget.yaml";

  it("checks every plan and item budget on every model (hand-calculated costs)", () => {
    const r = spawnCli(["check", FILE, "-f", "json"]);
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout).plans[0].checks.map((c: Record<string, string>) => [c.model, c.item, c.cost, c.status]);
    expect(rows).toEqual([
      ["deepseek-v4-flash", null, "205.8", "WARN"], // 168 + 37.8 > warn 200
      ["deepseek-v4-flash", "chat", "168", "WARN"], // > warn 150
      ["deepseek-v4-flash", "nightly", "37.8", "PASS"],
      ["deepseek-v4-pro", null, "2151.8", "FAIL"], // 1682 + 469.8 > 2000
      ["deepseek-v4-pro", "chat", "1682", "FAIL"], // > 1500
      ["deepseek-v4-pro", "nightly", "469.8", "PASS"], // <= 500
    ]);
  });

  it.each(["table", "json", "markdown", "github"])("renders the %s golden", async (format) => {
    const r = spawnCli(["check", FILE, "-f", format]);
    expect(r.code).toBe(1);
    const ext = format === "json" ? "json" : format === "markdown" ? "md" : "txt";
    await expect(r.stdout).toMatchFileSnapshot(`../golden/check-${format}.${ext}`);
  });

  it("attaches github annotations to the budget's line in the file", () => {
    const r = spawnCli(["check", FILE, "-f", "github"]);
    const lines = readFileSync(FILE, "utf8").split("\n");
    const ann = r.stdout.split("\n").find((l) => l.includes("chat on deepseek-v4-pro"))!;
    const [, line, col] = /line=(\d+),col=(\d+)/.exec(ann)!;
    expect(lines[Number(line) - 1]!.slice(Number(col) - 1)).toBe("{fail: 1500, warn: 150}");
  });

  it("--budget overrides the file's fail limit and keeps its warn limit", () => {
    const r = spawnCli(["check", FILE, "-f", "json", "--budget", "3000", "-m", "deepseek-v4-pro"]);
    const total = JSON.parse(r.stdout).plans[0].checks[0];
    expect(total).toMatchObject({ item: null, fail: "3000", warn: "200", status: "WARN" });
    expect(r.code).toBe(1); // the chat item still fails its own budget
  });

  it("checks several plans in one run, with a plan column", () => {
    const r = spawnCli(["check", FILE, "examples/budgeted-plan.yaml", "-f", "markdown"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("| plan | item | model |");
    expect(r.stderr).toMatch(/^ratecard: check FAIL: 2 of 8 budgets failed, 2 warned; first: support bot: deepseek-v4-pro total/);
  });

  it("appends the markdown report to $GITHUB_STEP_SUMMARY with -f github", () => {
    const dir = tempDir({ "summary.md": "earlier step\n" });
    const summary = join(dir, "summary.md");
    const gh = spawnCli(["check", FILE, "-f", "github"], { env: { GITHUB_STEP_SUMMARY: summary } });
    const md = spawnCli(["check", FILE, "-f", "markdown"]);
    expect(gh.code).toBe(1);
    expect(gh.stdout).not.toContain("<!--");
    expect(readFileSync(summary, "utf8")).toBe(`earlier step\n${md.stdout}\n`);
  });

  it("fails closed when $GITHUB_STEP_SUMMARY cannot be written", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "f"), "");
    const r = spawnCli(["check", FILE, "-f", "github"], { env: { GITHUB_STEP_SUMMARY: join(dir, "f", "nested") } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot append to \$GITHUB_STEP_SUMMARY/);
  });
});
