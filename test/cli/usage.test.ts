// `ratecard usage` end to end: the built binary on log files, folders, gzip and stdin; every format.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { PROGRESS_MIN_BYTES } from "../../src/cli/progress.js";
import { ROOT, spawnCli, tempDir } from "../helpers/cli.js";

const BOUNDARIES = "test/fixtures/usage/boundaries.jsonl";
const SMALL = "test/fixtures/usage/small.jsonl";
const boundaries = readFileSync(join(ROOT, BOUNDARIES), "utf8");

function json(stdout: string) {
  return JSON.parse(stdout) as {
    total: { records: number; cost: string; tokens: Record<string, string> };
    groups: { key: Record<string, string>; cost: string; records: number }[];
    skipped: { reason: string; count: number; first: { at: string }[] }[];
    duplicates: number;
    ignored: number;
    compare: { plan: string; as_of: string; actual: string; estimates: { model: string; total: string }[] } | null;
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

  it("sets a plan's estimate for the period's start beside the actual spend", () => {
    const r = spawnCli(["usage", SMALL, "--compare", "examples/worked-example.yaml", "-f", "json"]);
    const c = json(r.stdout).compare!;
    expect(c.as_of).toBe("2026-09-14T00:00:00Z");
    // the reference workload (1M calls x 2,000 hit + 200 miss + 300 out) on V4-Flash, billed as
    // Flash on 2026-09-14, at the calendar's typical share of peak hours (7 h x 5 days / 168 h = 35/168):
    //   peak:     2,000 x 0.006 + 200 x 0.30 + 300 x 1.20 = 432 per call-million -> $432.00
    //   off-peak: 2,000 x 0.003 + 200 x 0.15 + 300 x 0.60 = 216                 -> $216.00
    //   432 x 35/168 + 216 x 133/168 = 90 + 171 = $261
    expect(c.estimates.find((e) => e.model === "deepseek-v4-flash")!.total).toBe("261");
    expect(c.actual).toBe(json(r.stdout).total.cost);
    const table = spawnCli(["usage", SMALL, "--compare", "examples/worked-example.yaml"]).stdout;
    expect(table).toContain('plan "support bot" priced at 2026-09-14, actual spend $0.0031:');
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
});
