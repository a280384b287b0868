// Tables fit the terminal: on a TTY narrower than a table, rows stack; piped output keeps the full table.
import { describe, expect, it } from "vitest";
import { runCli, spawnCli } from "../helpers/cli.js";

const SMALL = "test/fixtures/usage/small.jsonl";
const CASES: [string, string[], string[]][] = [
  ["rates", ["rates", "--as-of", "2026-09-20"], ["deepseek-v4-pro", "hit $0.022"]],
  ["rates --history", ["rates", "--history", "deepseek-chat"], ["V3 launch promotion (reported)", "retired, use deepseek-v4-flash"]],
  ["usage", ["usage", SMALL, "--by", "day,model"], ["2026-09-14", "cost $0.00043", "prices applied"]],
  ["solve", ["solve", "--calls", "1", "--cached-prefix", "2000", "--miss", "200", "--reply", "300", "--as-of", "2026-04-24", "--budget", "100", "--for", "calls"], ["calls 595,238"]],
  ["diff", ["diff", "examples/support-plan.yaml", "test/fixtures/plans/support-grown.yaml", "--fail-above", "1000"], ["│ deepseek-v4-pro   │ $2,151.80 │", "item nightly summaries · base $469.80 · head — · change -$469.80"]],
];

describe("at 80 columns", () => {
  // a table that fits stays a table (diff's per-model one); a wider one stacks its rows
  it.each(CASES)("%s stacks its rows and every line fits", async (_name, args, facts) => {
    const r = await runCli(args, { tty: true, env: { COLUMNS: "80", NO_COLOR: "1" } });
    expect(r.stderr.replace(/ratecard: (warning|diff)[^\n]*\n/g, "")).toBe("");
    const long = r.stdout.split("\n").filter((l) => [...l].length > 80);
    expect(long).toEqual([]);
    for (const f of facts) expect(r.stdout).toContain(f);
  });

  it("keeps the full table when piped, whatever COLUMNS says", () => {
    const r = spawnCli(["rates", "--history", "deepseek-chat"], { env: { COLUMNS: "80" } });
    expect(r.stdout).toContain("┌");
    expect(Math.max(...r.stdout.split("\n").map((l) => [...l].length))).toBeGreaterThan(80);
  });

  it("keeps the full table on a terminal wide enough for it", async () => {
    const r = await runCli(["rates", "--provider", "deepseek", "--as-of", "2026-09-20"], { tty: true, env: { COLUMNS: "200", NO_COLOR: "1" } });
    expect(r.stdout).toContain("┌");
  });
});
