// End-to-end: `ratecard rates --intervals`, every format and dialect (goldens), flag errors, streaming a long range.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, spawnCli } from "../helpers/cli.js";

// 2026-09-09..10: peak and off-peak in Beijing time, and V4-Flash billed as deepseek-flash from 09-10 04:00 UTC.
const RANGE = ["--intervals", "--from", "2026-09-09", "--to", "2026-09-10", "deepseek-v4-flash", "deepseek-chat"];

describe("ratecard rates --intervals", () => {
  it.each([
    ["csv", []],
    ["json", []],
    ["sql", []],
    ["sql", ["--dialect", "bigquery"]],
    ["sql", ["--dialect", "spark"]],
  ])("writes UTC price intervals as %s %s (golden)", async (format, extra) => {
    const r = spawnCli(["rates", ...RANGE, "-f", format, ...extra]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`../golden/rates-intervals${extra[1] ? `-${extra[1]}` : ""}.${format}`);
  });

  it.each(["csv", "json", "sql"])("adds cache-write, retention, fee and tier columns for a v2 card (%s golden)", async (format) => {
    const r = spawnCli(["rates", "--intervals", "--from", "2026-10-01", "--to", "2027-01-31", "--rates", "test/fixtures/cards/v2-card.yaml", "--provider", "testco", "-f", format]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`../golden/rates-intervals-v2.${format}`);
  });

  it("the README shows the reference query exactly as -f sql writes it", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Pricing logs in your warehouse"));
    const query = /```sql\n([\s\S]*?)```/.exec(section)![1]!;
    expect(query).toContain("LEFT JOIN ratecard_intervals r");
    expect(spawnCli(["rates", ...RANGE, "-f", "sql"]).stdout).toContain(query);
  });

  it("writes CSV when -f is not given, and the JSON rows are the CSV rows", () => {
    const csv = spawnCli(["rates", ...RANGE]);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trimEnd().split("\r\n");
    expect(lines[0]).toBe("model,billed_as,start,end,window,currency,input_cache_hit,input_cache_miss,output,fee_fetch,fee_search"); // the card's fees, as columns
    const json = JSON.parse(spawnCli(["rates", ...RANGE, "-f", "json"]).stdout) as { intervals: Record<string, string | null>[] };
    expect(json.intervals.map((r) => Object.values(r).map((v) => v ?? "").join(","))).toEqual(lines.slice(1));
    // a bare --to date includes that day; the alias switch cuts at its own instant
    expect(lines.at(-1)).toMatch(/^deepseek-v4-flash,deepseek-flash,2026-09-10T10:00:00Z,2026-09-11T00:00:00Z,off-peak,USD,/);
    expect(lines).toContain("deepseek-v4-flash,,2026-09-10T01:00:00Z,2026-09-10T04:00:00Z,peak,USD,0.014,0.44,1.32,,"); // no fee before 2026-10-17
    expect(lines.some((l) => l.startsWith("deepseek-chat,"))).toBe(false); // retired before the range
  });

  it("runs far past the last rule (node bench/intervals.mjs measures time and memory)", () => {
    const r = spawnCli(["rates", "--intervals", "--from", "2025-01-01", "--to", "2032-12-31", "deepseek-v4-pro", "-f", "csv"]);
    expect(r.code).toBe(0);
    const rows = r.stdout.trimEnd().split("\r\n");
    expect(rows.length).toBeGreaterThan(6 * 250 * 4); // two peak windows (4 rows) a working day for six years and more
    expect(rows.at(-1)).toMatch(/,2033-01-01T00:00:00Z,off-peak,USD,/);
  });

  it.each([
    [["--intervals", "--from", "2026-01-01"], "--intervals needs --from and --to"],
    [["--intervals", "--from", "2026-02-01", "--to", "2026-01-01"], "--from is not before --to"],
    [["--intervals", "--from", "2026-01-01", "--to", "2026-01-02", "-f", "table"], "--intervals writes csv, json or sql, not table"],
    [["--intervals", "--from", "2026-01-01", "--to", "2026-01-02", "--history"], "--intervals and --history cannot be combined"],
    [["--intervals", "--from", "2026-01-01", "--to", "2026-01-02", "--dialect", "spark"], "--dialect applies to -f sql only"],
    [["--intervals", "--from", "2026-13-01", "--to", "2026-12-02"], '--from: "2026-13-01" is not a real date or time'],
    [["-f", "sql"], "-f sql needs --intervals"],
    [["--from", "2026-01-01"], "--from needs --intervals"],
    [["--intervals", "--from", "2026-01-01", "--to", "2026-01-02", "deepseek-v4-flsh"], 'unknown model "deepseek-v4-flsh"'],
  ])("fails clearly: %j", (args, message) => {
    const r = spawnCli(["rates", ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toContain(`ratecard: error: ${message}`);
  });
});
