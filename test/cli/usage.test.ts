// `ratecard usage` end to end: the built binary on log files, folders, gzip and stdin; every format.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { PROGRESS_MIN_BYTES } from "../../src/cli/progress.js";
import { Exact } from "../../src/core/exact.js";
import { ROOT, spawnCli, tempDir } from "../helpers/cli.js";

const BOUNDARIES = "test/fixtures/usage/boundaries.jsonl";
const SMALL = "test/fixtures/usage/small.jsonl";
const boundaries = readFileSync(join(ROOT, BOUNDARIES), "utf8");

function json(stdout: string) {
  return JSON.parse(stdout) as {
    currency: string;
    period: { start: string | null; end: string | null };
    total: { records: number; cost: string; tokens: Record<string, string> };
    groups: { key: Record<string, string>; cost: string; records: number }[];
    skipped: { reason: string; count: number; first: { at: string }[] }[];
    duplicates: number;
    ignored: number;
    compare: { plan: string; as_of: string; actual: string; period?: { start: string; end: string }; estimates: { model: string; total: string; actual: string }[] } | null;
  };
}

describe("ratecard usage", () => {
  it("prices the boundary log to the hand total and reports each skip with its position", () => {
    const r = spawnCli(["usage", BOUNDARIES, "--by", "month", "-f", "json"]);
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    // hand total, record by record in test/unit/usage/boundaries.test.ts
    expect(out.total.cost).toBe("2.006735");
    expect(out.groups.map((g) => g.key.month)).toEqual(["2026-07", "2026-08", "2026-09", "2026-10"]);
    expect(out.skipped.map((s) => `${s.reason} ${s.first[0]!.at}`)).toEqual([
      `malformed-json ${BOUNDARIES}:19`,
      `unknown-model ${BOUNDARIES}:18`,
      `retired-model ${BOUNDARIES}:17`,
      `before-first-price ${BOUNDARIES}:14`,
    ]);
    expect(r.stderr).toContain(`ratecard: warning: skipped 4 records that cannot be priced: malformed-json 1 (${BOUNDARIES}:19)`);
  });

  it("turns skipped records into exit 2 with --strict, naming the first one's position", () => {
    const r = spawnCli(["usage", BOUNDARIES, "--strict"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(new RegExp(`^ratecard: error: ${BOUNDARIES}:14:1: 4 records cannot be priced, the first: before-first-price`));
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(spawnCli(["usage", SMALL, "--strict"]).code).toBe(2);
  });

  it("reads folders (every .jsonl and .jsonl.gz below), split files and stdin to the same total", () => {
    const lines = boundaries.split("\n");
    const dir = tempDir();
    mkdirSync(join(dir, "logs/a/b"), { recursive: true });
    writeFileSync(join(dir, "logs/one.jsonl"), lines.slice(0, 7).join("\n") + "\n");
    writeFileSync(join(dir, "logs/a/two.jsonl.gz"), gzipSync(lines.slice(7, 12).join("\r\n") + "\r\n"));
    writeFileSync(join(dir, "logs/a/b/three.jsonl"), lines.slice(12, 20).join("\n")); // no newline at the end
    writeFileSync(join(dir, "logs/a/notes.txt"), "not a log");
    const folder = json(spawnCli(["usage", "logs", "-f", "json"], { cwd: dir }).stdout);
    expect(folder.total.cost).toBe("2.006735");
    expect(folder.duplicates).toBe(1); // lines 7 and 8 sit in different files
    expect(folder.skipped.find((s) => s.reason === "unknown-model")!.first[0]!.at).toBe(join("logs", "a", "b", "three.jsonl") + ":6");
    const stdin = spawnCli(["usage", "-", "-f", "json"], { input: boundaries });
    expect(json(stdin.stdout).total.cost).toBe("2.006735");
    expect(json(stdin.stdout).skipped[0]!.first[0]!.at).toBe("-:19");
  });

  it("fails clearly on a missing path, an empty folder, a corrupt gzip and a bad --by", () => {
    const dir = tempDir({ "bad.jsonl.gz": "not gzip at all" });
    mkdirSync(join(dir, "empty"));
    const missing = spawnCli(["usage", "nope.jsonl"], { cwd: dir });
    expect([missing.code, missing.stderr]).toEqual([2, "ratecard: error: nope.jsonl: no such file or folder (check the path)\n"]);
    expect(spawnCli(["usage", "empty"], { cwd: dir }).stderr).toContain("empty: the folder has no *.jsonl or *.jsonl.gz files");
    const gz = spawnCli(["usage", "bad.jsonl.gz"], { cwd: dir });
    expect(gz.code).toBe(2);
    expect(gz.stderr).toMatch(/^ratecard: error: bad\.jsonl\.gz: cannot read the gzip stream: /);
    const by = spawnCli(["usage", BOUNDARIES, "--by", "dya"]);
    expect([by.code, by.stderr]).toEqual([2, 'ratecard: error: --by: "dya" is not a grouping (did you mean "day"?)\n']);
    expect(spawnCli(["usage"]).code).toBe(2);
  });

  it("keeps --since (inclusive) to --until (a bare date includes its day), and counts the rest apart", () => {
    const r = json(spawnCli(["usage", BOUNDARIES, "--since", "2026-08-17", "--until", "2026-08-24", "-f", "json"]).stdout);
    // lines 3 (08-17, peak 0.2284) and 4 (08-22, peak 0.2284); 08-24 itself is in, so lines 6 (0.2284) and 7 (0.1142) too
    expect(r.total.cost).toBe("0.7994");
    expect(r.total.records).toBe(4);
    const until = json(spawnCli(["usage", BOUNDARIES, "--since", "2026-08-17", "--until", "2026-08-24T00:00Z", "-f", "json"]).stdout);
    expect(until.total.cost).toBe("0.4568");
  });

  it("sets each model's own estimate beside that model's actual spend, the plan priced at its own as_of", () => {
    const r = spawnCli(["usage", SMALL, "--compare", "examples/worked-example.yaml", "-f", "json"]);
    const c = json(r.stdout).compare!;
    expect(c.as_of).toBe("2026-04-24T00:00:00Z"); // the plan's as_of, not the logs' start
    // the reference workload at the launch prices: $168 on V4-Flash, $1,682 on V4-Pro (DESIGN.md)
    const flash = c.estimates.find((e) => e.model === "deepseek-v4-flash")!;
    const pro = c.estimates.find((e) => e.model === "deepseek-v4-pro")!;
    expect([flash.total, pro.total]).toEqual(["168", "1682"]);
    // each actual is the spend of that model's own records, read from the by-model report
    const byModel = json(spawnCli(["usage", SMALL, "--by", "model", "-f", "json"]).stdout);
    const spend = (m: string) => byModel.groups.find((g) => g.key.model === m)!.cost;
    expect([flash.actual, pro.actual]).toEqual([spend("deepseek-v4-flash"), spend("deepseek-v4-pro")]);
    expect(c.actual).toBe(json(r.stdout).total.cost);
    const table = spawnCli(["usage", SMALL, "--compare", "examples/worked-example.yaml"]).stdout;
    expect(table).toContain('plan "support bot" priced at 2026-04-24, actual spend $0.0031:');
    expect(table).toMatch(/deepseek-v4-pro: estimate \$1,682\.00, actual \$0\.0023 = /);
  });

  it("prices the plan over its period and warns when the logs cover another range, showing both", () => {
    const dir = tempDir({ "sept.yaml": "name: september\nas_of: 2026-09-01\nmodels: [deepseek-v4-pro]\ncalls: 100/day\nperiod: 2026-09\nmiss: 1000\n" });
    const r = spawnCli(["usage", join(ROOT, SMALL), "--compare", "sept.yaml", "-f", "json"], { cwd: dir });
    expect(r.code).toBe(0);
    const c = json(r.stdout).compare!;
    expect(c.period).toEqual({ start: "2026-09-01T00:00:00Z", end: "2026-10-01T00:00:00Z" });
    const range = `${json(r.stdout).period.start?.slice(0, 10)} to ${json(r.stdout).period.end?.slice(0, 10)}`;
    expect(r.stderr).toContain(`ratecard: warning: --compare: the logs cover ${range} but the plan's period is 2026-09-01 to 2026-10-01`);
    const same = spawnCli(["usage", join(ROOT, SMALL), "--compare", "sept.yaml", "--since", "2026-09-01", "--until", "2026-09-30"], { cwd: dir });
    expect(same.stderr).not.toContain("--compare: the logs cover");
  });

  it("groups days in the --tz zone (default UTC) and by hour", () => {
    type G = { key: Record<string, string>; records: number; start: string; end: string };
    const groups = (args: string[]) => (JSON.parse(spawnCli(["usage", BOUNDARIES, ...args, "-f", "json"]).stdout) as unknown as { groups: G[] }).groups;
    const utc = groups(["--by", "day"]);
    const sh = groups(["--by", "day", "--tz", "Asia/Shanghai"]);
    // the record at 2026-08-16 16:00 UTC is 2026-08-17 00:00 in Beijing: it moves to the next day there
    const count = (gs: G[], day: string) => gs.find((g) => g.key.day === day)!.records;
    expect([count(utc, "2026-08-16"), count(utc, "2026-08-17")]).toEqual([3, 1]);
    expect([count(sh, "2026-08-16"), count(sh, "2026-08-17")]).toEqual([2, 2]);
    expect(sh.find((g) => g.key.day === "2026-08-17")).toMatchObject({ start: "2026-08-16T16:00:00Z", end: "2026-08-17T16:00:00Z" });
    expect(sh.reduce((a, g) => a + g.records, 0)).toBe(utc.reduce((a, g) => a + g.records, 0));
    const hours = groups(["--by", "hour"]);
    expect(hours.find((g) => g.key.hour === "2026-08-16 16:00")).toMatchObject({ records: 1, start: "2026-08-16T16:00:00Z", end: "2026-08-16T17:00:00Z" });
    expect(groups(["--by", "hour", "--tz", "Asia/Shanghai"]).find((g) => g.key.hour === "2026-08-17 00:00")!.records).toBe(1);
    const bad = spawnCli(["usage", BOUNDARIES, "--tz", "Mars/Olympus"]);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/--tz: "Mars\/Olympus" is not a known time zone/)]);
  });

  it("never shows text from a malformed line: not in the table, markdown or json skip notes, nor with --strict", () => {
    const dir = tempDir({
      "s.jsonl": [
        '{"type":"message","model":"deepseek-v4-flash","timestamp":"2026-09-14T02:00:00Z","usage":{"input_tokens":5,"api_key": sk-SECRET0123456789abcdef}}',
        "sk-SECRET0123",
        '{"type":"message","model":"deepseek-v4-flash","timestamp":"2026-09-14T02:00:00Z","usage":{"input_tokens":5,"output_tokens":1}}',
      ].join("\n"),
    });
    const outs = ["table", "markdown", "json", "html"].map((f) => spawnCli(["usage", "s.jsonl", "-f", f], { cwd: dir }));
    const strict = spawnCli(["usage", "s.jsonl", "--strict"], { cwd: dir });
    for (const r of [...outs, strict]) expect(r.stdout + r.stderr).not.toMatch(/SECRET|sk-/);
    expect(outs[0]!.stdout).toContain("malformed-json: 2 (s.jsonl:1 not valid JSON; s.jsonl:2 not valid JSON)");
    expect(json(outs[2]!.stdout).skipped).toEqual([{ reason: "malformed-json", count: 2, first: [{ at: "s.jsonl:1", detail: "not valid JSON" }, { at: "s.jsonl:2", detail: "not valid JSON" }] }]);
    expect([strict.code, strict.stderr]).toEqual([2, expect.stringContaining("ratecard: error: s.jsonl:1:1: 2 records cannot be priced, the first: malformed-json, not valid JSON; in all:")]);
  });

  it("prices the logs in another currency with --currency / --fx", () => {
    const usd = json(spawnCli(["usage", BOUNDARIES, "-f", "json"]).stdout);
    const fx = json(spawnCli(["usage", BOUNDARIES, "--currency", "EUR", "--fx", "0.5", "-f", "json"]).stdout);
    expect(fx.currency).toBe("EUR");
    expect(Exact.parseDecimal(fx.total.cost)!.eq(Exact.parseDecimal(usd.total.cost)!.mul(Exact.parseDecimal("0.5")!))).toBe(true);
    const bad = spawnCli(["usage", BOUNDARIES, "--currency", "EUR"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no published EUR prices .*give --fx/);
  });

  it("reads the --compare plan with the reader every command uses: { file: } token counts included", () => {
    // system.txt is "Hello, world!" = 4 tokens (see tokens.test.ts); the same plan with miss: 4 prices the same
    const dir = tempDir({
      "system.txt": "Hello, world!",
      "by-file.yaml": "name: by file\nmodels: [deepseek-v4-flash]\ncalls: 1M\nmiss: { file: system.txt }\nreply: 300\n",
      "by-count.yaml": "name: by count\nmodels: [deepseek-v4-flash]\ncalls: 1M\nmiss: 4\nreply: 300\n",
    });
    const log = join(ROOT, SMALL);
    const byFile = spawnCli(["usage", log, "--compare", "by-file.yaml", "-f", "json"], { cwd: dir });
    expect(byFile.stderr).not.toMatch(/error/);
    expect(byFile.code).toBe(0);
    const byCount = spawnCli(["usage", log, "--compare", "by-count.yaml", "-f", "json"], { cwd: dir });
    expect(json(byFile.stdout).compare!.estimates).toEqual(json(byCount.stdout).compare!.estimates);
  });

  it("reads only the dialect it is told to", () => {
    const r = json(spawnCli(["usage", SMALL, "--dialect", "claude-code", "-f", "json"]).stdout);
    expect(r.total.records).toBe(1);
    expect(r.skipped.find((s) => s.reason === "no-usage")!.count).toBe(4);
  });

  it("draws no progress bar when stderr is not a terminal, even for a large input", () => {
    const line = boundaries.split("\n")[0]!;
    const big = Array.from({ length: Math.ceil(PROGRESS_MIN_BYTES / line.length) + 10 }, () => line).join("\n");
    const dir = tempDir({ "big.jsonl": big });
    const r = spawnCli(["usage", "big.jsonl", "-f", "json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("draws a progress bar on a terminal for a large input, and erases it", async () => {
    const line = boundaries.split("\n")[0]!;
    const big = Array.from({ length: Math.ceil(PROGRESS_MIN_BYTES / line.length) + 10 }, () => line).join("\n");
    const dir = tempDir({ "big.jsonl": big, "small.jsonl": line });
    let stderr = "";
    const io = (stdout: { write: (s: string) => unknown }) => ({
      stdout,
      stderr: { write: (s: string) => (stderr += s), isTTY: true },
      env: {},
      now: () => Date.parse("2026-11-29T12:00:00Z"),
      cwd: dir,
    });
    const sink = { write: () => true };
    expect(await run(["usage", "big.jsonl", "-f", "json"], io(sink))).toBe(0);
    expect(stderr).toMatch(/\r\[#+\.*\] +\d+% [\d.]+ MB of [\d.]+ MB/);
    expect(stderr.endsWith("\r\x1b[K")).toBe(true);
    stderr = "";
    expect(await run(["usage", "small.jsonl", "-f", "json"], io(sink))).toBe(0);
    expect(stderr).toBe("");
  });
});

describe("usage formats (golden)", () => {
  // the small log by hand, per 1M tokens:
  //   09-14 02:00Z V4-Flash billed as Flash, 10:00 Beijing peak: 2,000 x 0.006 + 200 x 0.30 + 300 x 1.20 = 432    -> 0.000432
  //   09-14 05:00Z V4-Pro, 13:00 off-peak:                       1,000 x 0.022 + 500 x 0.66 + 800 x 1.98 = 1,936  -> 0.001936
  //   09-15 07:00Z Flash, 15:00 peak:                            4,000 x 0.006 + 300 x 0.30 + 250 x 1.20 = 414    -> 0.000414
  //   09-15 12:00Z V4-Pro (twice in the session log), 20:00 off: 9,000 x 0.022 + 100 x 0.66 + 50 x 1.98 = 363     -> 0.000363
  //   total 0.003145
  it("json carries the hand total and exact strings", () => {
    const r = spawnCli(["usage", SMALL, "--by", "day,model", "-f", "json"]);
    expect(json(r.stdout).total.cost).toBe("0.003145");
    expect(json(r.stdout).groups.map((g) => g.cost)).toEqual(["0.000432", "0.001936", "0.000414", "0.000363"]);
  });

  it.each(["table", "json", "csv", "markdown", "focus"])("%s", async (format) => {
    const r = spawnCli(["usage", SMALL, "--by", "day,model", "-f", format]);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`../golden/usage-${format}.txt`);
  });

  it("csv --by hour leads each row with its hour, the same hours as the json groups", async () => {
    const r = spawnCli(["usage", SMALL, "--by", "hour", "-f", "csv", "--tz", "Asia/Shanghai"]);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split("\n").map((l) => l.split(","));
    expect(rows[0]!.slice(0, 2)).toEqual(["hour", "model"]);
    const hours = json(spawnCli(["usage", SMALL, "--by", "hour", "-f", "json", "--tz", "Asia/Shanghai"]).stdout).groups.map((g) => g.key.hour);
    expect([...new Set(rows.slice(1).map((row) => row[0]))]).toEqual(hours);
    expect(hours).toContain("2026-09-14 10:00"); // 02:00Z in Beijing
    await expect(r.stdout).toMatchFileSnapshot("../golden/usage-csv-hour.txt");
  });
});
