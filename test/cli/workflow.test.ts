// The example workflow's ratecard commands run as written, in a git repository shaped like a pull request.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT, spawnCli, tempDir } from "../helpers/cli.js";

interface Step {
  name?: string;
  run?: string;
}

const workflow = parse(readFileSync(join(ROOT, "examples/github-workflow.yml"), "utf8")) as {
  on: { pull_request: unknown };
  env: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
};

/** Every `npx ratecard ...` command in the run scripts, as argv, with $PLAN and $BASE_REF put in. */
function commands(vars: Record<string, string>): string[][] {
  const lines = Object.values(workflow.jobs).flatMap((j) => j.steps.flatMap((s) => (s.run ?? "").split("\n")));
  return lines
    .filter((l) => l.includes("npx ratecard "))
    .map((l) =>
      l.replace(/.*npx ratecard /, "").replace(/\s*\|\|\s*true\s*$/, "").split(/\s+/).map((w) => w.replace(/^"\$(\w+)"$/, (_m, v: string) => vars[v]!)),
    );
}

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
}

describe("examples/github-workflow.yml", () => {
  it("runs on pull requests, with full history for --base-ref and a token that may comment", () => {
    expect(workflow.on.pull_request).toBeDefined();
    const steps = Object.values(workflow.jobs)[0]!.steps as (Step & { uses?: string; with?: Record<string, unknown> })[];
    expect(steps.find((s) => s.uses?.startsWith("actions/checkout"))?.with?.["fetch-depth"]).toBe(0);
    expect(steps.some((s) => s.run?.includes("gh pr comment"))).toBe(true);
  });

  it("has ratecard commands that work as written: check and diff --base-ref, github and markdown", () => {
    const repo = tempDir({ "llm-plan.yaml": readFileSync(join(ROOT, "examples/budgeted-plan.yaml"), "utf8") });
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "plan");
    git(repo, "checkout", "-q", "-b", "pr");
    const plan = readFileSync(join(repo, "llm-plan.yaml"), "utf8");
    writeFileSync(join(repo, "llm-plan.yaml"), plan.replace("calls: 30_000", "calls: 60_000")); // nightly x2: +$37.80 on $205.80

    const cmds = commands({ PLAN: workflow.env.PLAN!, BASE_REF: "main" });
    expect(cmds.map((c) => `${c[0]} ${c.includes("github") ? "github" : "markdown"}`)).toEqual(["check github", "diff github", "check markdown", "diff markdown"]);
    const results = cmds.map((argv) => spawnCli(argv, { cwd: repo }));
    for (const r of results) expect(r.stderr).not.toMatch(/error/);
    // $243.60 is within the $300 budget; +18.37% is above the 10% warning, below the 25% failure.
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    expect(results[1]!.stderr).toBe("ratecard: diff WARN: deepseek-v4-flash +$37.80 (+18.37%) is above --warn-above 10%\n");
    expect(results[3]!.stdout).toContain("base `main:llm-plan.yaml`");
  });
});
