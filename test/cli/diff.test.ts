// `ratecard diff` end to end: gates in every format, saved reports, two instants, --base-ref in a real git repo.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Exact } from "../../src/core/exact.js";
import { ROOT, spawnCli, tempDir } from "../helpers/cli.js";

const FORMATS = ["table", "json", "markdown", "github"] as const;
const BASE = "examples/worked-example.yaml";
// Twice the calls: by hand $336.00 on Flash (168 x 2) and $3,364.00 on Pro (1682 x 2).
const HEAD = "test/fixtures/plans/worked-example-double.yaml";
const worked = readFileSync(join(ROOT, BASE), "utf8");

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
}

describe("ratecard diff: the done-when cases", () => {
  it("reports +100% per model; exits 1 with --fail-above 50%, 0 with --fail-above 150%", () => {
    const fail = spawnCli(["diff", BASE, HEAD, "--fail-above", "50%", "-f", "json"]);
    expect(fail.code).toBe(1);
    const j = JSON.parse(fail.stdout);
    expect(j.models.map((m: Record<string, string>) => [m.model, m.base, m.head, m.change, m.change_pct, m.status])).toEqual([
      ["deepseek-v4-flash", "168", "336", "168", "100", "FAIL"],
      ["deepseek-v4-pro", "1682", "3364", "1682", "100", "FAIL"],
    ]);
    const pass = spawnCli(["diff", BASE, HEAD, "--fail-above", "150%"]);
    expect(pass.code).toBe(0);
    expect(pass.stdout).toMatch(/deepseek-v4-flash │ +\$168\.00 │ +\$336\.00 │ +\+\$168\.00 │ +\+100% │ PASS/);
    expect(pass.stdout).toMatch(/deepseek-v4-pro +│ +\$1,682\.00 │ +\$3,364\.00 │ +\+\$1,682\.00 │ +\+100% │ PASS/);
  });
});

describe.each(FORMATS)("ratecard diff -f %s", (format) => {
  const run = (...extra: string[]) => spawnCli(["diff", BASE, HEAD, "-f", format, ...extra]);

  it("passes: exit 0 within the gates", () => {
    const r = run("--fail-above", "150%");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("ratecard: diff PASS: every model is within the gates; largest change: deepseek-v4-pro +$1,682.00 (+100%)\n");
    if (format === "json") expect(JSON.parse(r.stdout)).toMatchObject({ schema_version: 1, command: "diff", status: "PASS", gates: { fail_above: { percent: "150" }, warn_above: null } });
    // "%" is escaped as %25 in workflow commands
    if (format === "github") expect(r.stdout).toBe("::notice title=ratecard diff PASS::every model is within the gates; largest change: deepseek-v4-pro +$1,682.00 (+100%25)\n");
    if (format === "markdown") expect(r.stdout).toContain("| deepseek-v4-flash | $168.00 | $336.00 | +$168.00 | +100% | ✅ PASS |");
    if (format === "table") expect(r.stdout).toContain("+100%");
  });

  it("warns: exit 0 above --warn-above only", () => {
    const r = run("--warn-above", "50%", "--fail-above", "150%");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("ratecard: diff WARN: deepseek-v4-flash +$168.00 (+100%) is above --warn-above 50%; 1 more model too\n");
    if (format === "json") expect(JSON.parse(r.stdout).models.map((m: { breach: string }) => m.breach)).toEqual(["warn", "warn"]);
    if (format === "github") expect(r.stdout).toContain(`::warning file=${HEAD},title=ratecard diff WARN::deepseek-v4-flash: $168.00 -> $336.00, +$168.00 (+100%25) vs ${BASE}, above --warn-above 50%25\n`);
    if (format === "markdown") expect(r.stdout).toContain("| +100% | ⚠️ WARN |");
    if (format === "table") expect(r.stdout).toMatch(/\+100% │ WARN/);
  });

  it("fails: exit 1 above an amount gate", () => {
    const r = run("--fail-above", "1000"); // Pro grows by $1,682.00, Flash by $168.00
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("ratecard: diff FAIL: deepseek-v4-pro +$1,682.00 (+100%) is above --fail-above $1,000.00\n");
    if (format === "json") expect(JSON.parse(r.stdout).models.map((m: { status: string }) => m.status)).toEqual(["PASS", "FAIL"]);
    if (format === "github") expect(r.stdout.split("\n").filter((l) => l.startsWith("::error"))).toHaveLength(2); // the model, then the summary
    if (format === "markdown") expect(r.stdout).toContain("| deepseek-v4-pro | $1,682.00 | $3,364.00 | +$1,682.00 | +100% | ❌ FAIL |");
    if (format === "table") expect(r.stdout).toMatch(/\+100% │ FAIL/);
  });

  it.each([
    ["a malformed head", ["diff", BASE, "test/fixtures/invalid/plan-typo-key.yaml"], /plan-typo-key\.yaml:3:1: unknown key "mis"/],
    ["a saved report of another schema_version", ["diff", "SAVED", HEAD], /schema_version: 99 is not supported/],
    ["one file and nothing to compare it with", ["diff", BASE], /diff needs a base and a head/],
    ["a bad gate", ["diff", BASE, HEAD, "--fail-above", "lots"], /--fail-above: "lots" is not an amount/],
    ["a file outside any git repository", ["diff", "--base-ref", "main", "OUTSIDE"], /not inside a git repository/],
  ])("could not evaluate (%s): exit 2, nothing on stdout", (_name, args, message) => {
    const dir = tempDir({ "saved.json": JSON.stringify({ schema_version: 99 }), "plan.yaml": worked });
    const argv = (args as string[]).map((a) => (a === "SAVED" ? join(dir, "saved.json") : a === "OUTSIDE" ? join(dir, "plan.yaml") : a));
    const gate = argv.includes("--fail-above") ? [] : ["--fail-above", "1%"];
    const r = spawnCli([...argv, "-f", format, ...gate]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^ratecard: error: /);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("ratecard diff goldens", () => {
  // support-plan -> support-grown, by hand: Flash $168.00 -> $336.70 (+$168.70), Pro $2,151.80 -> $3,372.70 (+$1,220.90).
  const args = ["diff", "examples/support-plan.yaml", "test/fixtures/plans/support-grown.yaml", "--warn-above", "10%", "--fail-above", "1000"];

  it("values new and removed items and exact percentages", () => {
    const j = JSON.parse(spawnCli([...args, "-f", "json"]).stdout);
    const pro = j.models[1];
    expect([pro.base, pro.head, pro.change, pro.status]).toEqual(["2151.8", "3372.7", "1220.9", "FAIL"]);
    expect(Exact.parseDecimal(pro.change_pct)!.eq(Exact.parseDecimal("1220.9")!.div(Exact.parseDecimal("2151.8")!).mul(Exact.int(100)).roundHalfEven(12))).toBe(true);
    expect(pro.items.map((i: Record<string, string>) => [i.workload, i.kind, i.change])).toEqual([
      ["chat", "changed", "1682"],
      ["nightly summaries", "removed", "-469.8"],
      ["embeddings", "new", "8.7"], // 10k calls x 500 miss x $1.74 / 1M
    ]);
    expect(j.models[0]).toMatchObject({ change: "168.7", status: "WARN" });
  });

  it.each(["table", "json", "markdown", "github"])("renders the %s golden", async (format) => {
    const r = spawnCli([...args, "-f", format]);
    expect(r.code).toBe(1);
    const ext = format === "json" ? "json" : format === "markdown" ? "md" : "txt";
    await expect(r.stdout).toMatchFileSnapshot(`../golden/diff-${format}.${ext}`);
  });

  it("appends the markdown report to $GITHUB_STEP_SUMMARY with -f github", () => {
    const summary = join(tempDir(), "summary.md");
    spawnCli([...args, "-f", "github"], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, "utf8")).toBe(spawnCli([...args, "-f", "markdown"]).stdout + "\n");
  });
});

describe("ratecard diff inputs", () => {
  it("reads a report saved by estimate -f json as the base", () => {
    const dir = tempDir();
    const saved = spawnCli(["estimate", BASE, "-f", "json"]);
    writeFileSync(join(dir, "base.json"), saved.stdout);
    const r = spawnCli(["diff", join(dir, "base.json"), HEAD, "-f", "json", "--fail-above", "50%"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).models.map((m: { change_pct: string }) => m.change_pct)).toEqual(["100", "100"]);
  });

  it("picks models from saved reports with -m, and refuses pricing flags when both sides are saved", () => {
    const dir = tempDir({ "a.json": spawnCli(["estimate", BASE, "-f", "json"]).stdout, "b.json": spawnCli(["estimate", HEAD, "-f", "json"]).stdout });
    const [a, b] = [join(dir, "a.json"), join(dir, "b.json")];
    const picked = spawnCli(["diff", a, b, "-m", "deepseek-v4-pro", "-f", "json"]);
    expect(JSON.parse(picked.stdout).models.map((m: { model: string; change: string }) => [m.model, m.change])).toEqual([["deepseek-v4-pro", "1682"]]);
    const missing = spawnCli(["diff", a, b, "-m", "deepseek-chat"]);
    expect([missing.code, missing.stderr]).toEqual([2, `ratecard: error: ${a}: the saved report has no estimate for "deepseek-chat" (it prices deepseek-v4-flash, deepseek-v4-pro)\n`]);
    const asOf = spawnCli(["diff", a, b, "--as-of", "2026-05-01"]);
    expect([asOf.code, asOf.stderr]).toEqual([2, "ratecard: error: --as-of: both sides are saved reports, so nothing is priced (drop --as-of, or give a plan file)\n"]);
  });

  it("refuses --base-as-of for a saved report", () => {
    const dir = tempDir({ "base.json": spawnCli(["estimate", BASE, "-f", "json"]).stdout });
    const r = spawnCli(["diff", join(dir, "base.json"), HEAD, "--base-as-of", "2026-05-01"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--base-as-of: .*base\.json is a saved report, priced as of 2026-04-24/);
  });

  it("prices one plan at two instants: the 2026-08-16 peak/off-peak change", () => {
    const r = spawnCli(["diff", BASE, "--base-as-of", "2026-08-01", "--head-as-of", "2026-08-20", "-m", "deepseek-v4-flash", "-f", "json"]);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout).models[0];
    // Base (0.0028 / 0.14 / 0.28): 5.6 + 28 + 84 = 117.6. Head: peak prices 0.014 / 0.44 / 1.32 give 28 + 88 + 396 = 512;
    // peak hours 7 of 24 every day until 08-23, off-peak half price: 512 x (7/24 + 17/48) = 512 x 31/48 = 992/3.
    const base = Exact.parseDecimal("117.6")!;
    const head = Exact.of(992n, 3n);
    expect(m.base).toBe("117.6");
    expect(m.head).toBe(head.toDecimal());
    expect(m.change_pct).toBe(head.sub(base).div(base).mul(Exact.int(100)).toDecimal());
    expect(JSON.parse(r.stdout).base.as_of).toBe("2026-08-01T00:00:00Z");
  });

  it("compares a file at a git ref with its working copy (--base-ref)", () => {
    const repo = tempDir();
    mkdirSync(join(repo, "plans"));
    writeFileSync(join(repo, "plans", "llm.yaml"), worked);
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "plan");
    git(repo, "checkout", "-q", "-b", "feature");
    writeFileSync(join(repo, "plans", "llm.yaml"), worked.replace("calls: 1_000_000", "calls: 2_000_000"));

    const inRepo = spawnCli(["diff", "--base-ref", "main", "plans/llm.yaml", "--fail-above", "50%", "-f", "json"], { cwd: repo });
    expect(inRepo.code).toBe(1);
    const j = JSON.parse(inRepo.stdout);
    expect(j.base.label).toBe("main:plans/llm.yaml");
    expect(j.models.map((m: { change_pct: string }) => m.change_pct)).toEqual(["100", "100"]);

    // From elsewhere, with a path through the subfolder: the path is taken relative to the repository's top level.
    const fromSub = spawnCli(["diff", "--base-ref", "main", "llm.yaml", "--fail-above", "150%"], { cwd: join(repo, "plans") });
    expect(fromSub.code).toBe(0);
    const fromOutside = spawnCli(["diff", "--base-ref", "main", join(repo, "plans", "llm.yaml"), "--fail-above", "150%", "-f", "json"]);
    expect(JSON.parse(fromOutside.stdout).base.label).toBe("main:plans/llm.yaml");

    git(repo, "commit", "-q", "-am", "double");
    const committed = spawnCli(["diff", "--base-ref", "HEAD~1", "plans/llm.yaml", "--fail-above", "50%"], { cwd: repo });
    expect(committed.code).toBe(1);
  });

  it("cannot evaluate a file new at the ref, or an unknown ref: exit 2", () => {
    const repo = tempDir({ "a.yaml": worked });
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "a");
    writeFileSync(join(repo, "b.yaml"), worked);
    const fresh = spawnCli(["diff", "--base-ref", "main", "b.yaml"], { cwd: repo });
    expect([fresh.code, fresh.stdout]).toEqual([2, ""]);
    expect(fresh.stderr).toBe("ratecard: error: main:b.yaml: the file does not exist at main (a new plan has no base to compare with: gate it with ratecard check)\n");
    const unknown = spawnCli(["diff", "--base-ref", "origin/main", "a.yaml"], { cwd: repo });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/a\.yaml: unknown git ref "origin\/main" \(fetch it first/);
    const option = spawnCli(["diff", "--base-ref", "--output=x", "a.yaml"], { cwd: repo });
    expect(option.code).toBe(2);
  });
});
