// ratecard.yaml, RATECARD_CONFIG and RATECARD_RATES: defaults and extra cards, flags > env > config > built-in.
import { mkdirSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawnCli, tempDir } from "../helpers/cli.js";

/** A card pricing "my-model" from 2026-01-01 at 0.1 / 1 / `output` per 1M tokens. */
const card = (output: string) =>
  `currency: USD\nmodels:\n  my-model:\n    versions:\n      - from: 2026-01-01\n        input_cache_hit: 0.1\n        input_cache_miss: 1\n        output: ${output}\n`;

// 1,000 calls x 1,000 miss tokens = 1M tokens at 1 per 1M = 1; 1M output tokens at `output` per 1M.
const WORK = ["estimate", "--calls", "1000", "--miss", "1000", "--reply", "1000", "--as-of", "2026-04-24"];
const totals = (stdout: string) => (JSON.parse(stdout) as { estimates: { model: string; total: string }[] }).estimates.map((e) => `${e.model}=${e.total}`);

describe("config file", () => {
  it("sets the default format and models; flags win over it", () => {
    const dir = tempDir({ "ratecard.yaml": "format: json\nmodels: [deepseek-v4-pro]\n" });
    const r = spawnCli(WORK, { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // Pro at launch: 1M miss x 1.74 + 1M output x 3.48 = 5.22
    expect(totals(r.stdout)).toEqual(["deepseek-v4-pro=5.22"]);
    const flags = spawnCli([...WORK, "-f", "csv", "-m", "deepseek-v4-flash"], { cwd: dir });
    expect(flags.code).toBe(0);
    expect(flags.stdout).toMatch(/^model,billed_as,/); // the CSV header, not JSON
    expect(flags.stdout).toContain("deepseek-v4-flash");
    expect(flags.stdout).not.toContain("deepseek-v4-pro");
  });

  it("leaves a plan's own models alone", () => {
    const dir = tempDir({
      "ratecard.yaml": "format: json\nmodels: [deepseek-v4-pro]\n",
      "plan.yaml": "as_of: 2026-04-24\nmodels: [deepseek-v4-flash]\ncalls: 1000\nmiss: 1000\nreply: 1000\n",
    });
    const r = spawnCli(["estimate", "plan.yaml"], { cwd: dir });
    // Flash at launch: 1M x 0.14 + 1M x 0.28 = 0.42
    expect(totals(r.stdout)).toEqual(["deepseek-v4-flash=0.42"]);
  });

  it("gives check its models too, when the plan names none", () => {
    const dir = tempDir({ "ratecard.yaml": "models: [deepseek-v4-pro]\n", "plan.yaml": "as_of: 2026-04-24\ncalls: 1000\nmiss: 1000\nreply: 1000\nbudget: 10\n" });
    const r = spawnCli(["check", "plan.yaml", "-f", "json"], { cwd: dir });
    expect(r.code).toBe(0);
    const checks = (JSON.parse(r.stdout) as { plans: { checks: { model: string; cost: string }[] }[] }).plans[0]!.checks;
    expect(checks.map((c) => `${c.model}=${c.cost}`)).toEqual(["deepseek-v4-pro=5.22"]); // 1.74 + 3.48
  });

  it("gives usage the config's cards and format", () => {
    const record = { id: "c1", object: "chat.completion", created: 1777032000, model: "my-model", usage: { prompt_tokens: 1_000_000, completion_tokens: 1_000_000, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 1_000_000 } };
    const dir = tempDir({ "ratecard.yaml": "rates: [mine.yaml]\nformat: json\n", "mine.yaml": card("2"), "log.jsonl": `${JSON.stringify(record)}\n` });
    const r = spawnCli(["usage", "log.jsonl"], { cwd: dir });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { total: { cost: string } }).total.cost).toBe("3"); // 1M miss x 1 + 1M output x 2, per 1M
  });

  it("loads extra cards, relative to the config file's folder", () => {
    const dir = tempDir({ "ratecard.yaml": "rates: [cards]\nformat: json\nmodels: [my-model]\n" });
    mkdirSync(join(dir, "cards"));
    writeFileSync(join(dir, "cards/mine.yaml"), card("2"));
    const sub = join(dir, "elsewhere");
    mkdirSync(sub);
    const r = spawnCli(WORK, { cwd: sub, env: { RATECARD_CONFIG: join(dir, "ratecard.yaml") } });
    expect(r.stderr).toBe("");
    expect(totals(r.stdout)).toEqual(["my-model=3"]);
  });

  it("prefers RATECARD_CONFIG over ./ratecard.yaml", () => {
    const dir = tempDir({ "ratecard.yaml": "format: markdown\n", "other.yaml": "format: json\n" });
    const r = spawnCli([...WORK, "-m", "deepseek-v4-flash"], { cwd: dir, env: { RATECARD_CONFIG: "other.yaml" } });
    expect(totals(r.stdout)).toEqual(["deepseek-v4-flash=0.42"]);
  });

  it("layers cards: --rates over RATECARD_RATES over the config file over built-in", () => {
    const dir = tempDir({
      "ratecard.yaml": "rates: [config-card.yaml]\nformat: json\n",
      "config-card.yaml": card("2"),
      "env-card.yaml": card("4"),
      "env-other.yaml": card("6").replace("my-model", "env-model"),
      "flag-card.yaml": card("8"),
    });
    const run = (extra: string[], env: Record<string, string> = {}) => totals(spawnCli([...WORK, "-m", "my-model", ...extra], { cwd: dir, env }).stdout);
    expect(run([])).toEqual(["my-model=3"]); // 1 + 2
    const env = { RATECARD_RATES: ["env-card.yaml", "env-other.yaml"].join(delimiter) };
    expect(run([], env)).toEqual(["my-model=5"]); // 1 + 4
    expect(run(["-m", "env-model"], env)).toEqual(["my-model=5", "env-model=7"]); // both RATECARD_RATES paths load
    expect(run(["--rates", "flag-card.yaml"], env)).toEqual(["my-model=9"]); // 1 + 8
  });

  it("does not count config or RATECARD_RATES cards as --rates (diff of two saved reports)", () => {
    const dir = tempDir({ "ratecard.yaml": "rates: [config-card.yaml]\n", "config-card.yaml": card("2"), "env-card.yaml": card("4") });
    const a = spawnCli([...WORK, "-m", "deepseek-v4-flash", "-f", "json"], { cwd: dir });
    writeFileSync(join(dir, "a.json"), a.stdout);
    writeFileSync(join(dir, "b.json"), a.stdout);
    const r = spawnCli(["diff", "a.json", "b.json", "-f", "json"], { cwd: dir, env: { RATECARD_RATES: "env-card.yaml" } });
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const flag = spawnCli(["diff", "a.json", "b.json", "--rates", "env-card.yaml"], { cwd: dir });
    expect(flag.code).toBe(2); // an explicit --rates still has nothing to price
  });

  it("rejects unknown keys, bad values and missing paths with file:line:col", () => {
    const bad = (text: string) => spawnCli(WORK, { cwd: tempDir({ "ratecard.yaml": text }) });
    const typo = bad("models: [deepseek-v4-pro]\nformt: json\n");
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('ratecard: error: ratecard.yaml:2:1: unknown key "formt" (did you mean "format"?)\n');
    const format = bad("format: yaml\n");
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/^ratecard: error: ratecard\.yaml:1:9: format: "yaml" is not a format \(one of table, json, csv, markdown, html\)/);
    const path = bad("rates:\n  - nowhere.yaml\n");
    expect(path.code).toBe(2);
    expect(path.stderr).toMatch(/^ratecard: error: ratecard\.yaml:2:5: rates\[0\]: no such file or folder "nowhere\.yaml"/);
  });

  it("fails when RATECARD_CONFIG names a missing file, and reports unknown config models where written", () => {
    const missing = spawnCli(WORK, { cwd: tempDir(), env: { RATECARD_CONFIG: "nope.yaml" } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^ratecard: error: nope\.yaml: no such config file \(RATECARD_CONFIG names it/);
    const unknown = spawnCli(WORK, { cwd: tempDir({ "ratecard.yaml": "models:\n  - deepseek-v4-flsh\n" }) });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^ratecard: error: ratecard\.yaml:2:5: .*deepseek-v4-flsh.*deepseek-v4-flash/);
  });
});
