// End to end: `ratecard sweep` in every format, the chart (golden), streaming CSV and usage errors.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { ROOT, runCli, spawnCli } from "../helpers/cli.js";

const WORKED = ["examples/worked-example.yaml"];

describe("ratecard sweep", () => {
  it("prints one CSV row per point with a column per model, exact", () => {
    const r = spawnCli(["sweep", ...WORKED, "--vary", "reply=0..4000+1000", "-f", "csv"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // 1M calls at launch: Flash 84 + 0.28 x reply, Pro 638 + 3.48 x reply (per 1M tokens).
    expect(r.stdout).toBe(
      ["reply,deepseek-v4-flash,deepseek-v4-pro", "0,84,638", "1000,364,4118", "2000,644,7598", "3000,924,11078", "4000,1204,14558", ""].join("\r\n"),
    );
  });

  it("sweeps a 2-D grid and the as-of date, leaving cells empty where a model has no price", () => {
    const grid = spawnCli(["sweep", ...WORKED, "--vary", "reply=100,200", "--vary", "calls=1e5..1e7x10", "-f", "csv", "-m", "deepseek-v4-flash"]);
    expect(grid.stdout.split("\r\n").slice(0, 3)).toEqual(["reply,calls,deepseek-v4-flash", "100,100000,11.2", "100,1000000,112"]);
    expect(grid.stdout.trim().split("\r\n")).toHaveLength(7);
    const dates = spawnCli(["sweep", ...WORKED, "--vary", "as-of=2026-04-23..2026-04-27+2d", "-f", "csv", "-m", "deepseek-v4-flash"]);
    expect(dates.code).toBe(0);
    // 04-25 launch prices: 168; 04-27 after the cache-hit cut to 0.0028: 5.6 + 28 + 84 = 117.6.
    expect(dates.stdout.split("\r\n")).toEqual(["as-of,deepseek-v4-flash", "2026-04-23T00:00:00Z,", "2026-04-25T00:00:00Z,168", "2026-04-27T00:00:00Z,117.6", ""]);
    expect(dates.stderr).toMatch(/warning: deepseek-v4-flash: no price at 1 point \(n\/a\), e.g. no price for "deepseek-v4-flash" at 2026-04-23/);
  });

  it("writes JSON with exact decimal strings and markdown tables", () => {
    const json = JSON.parse(spawnCli(["sweep", ...WORKED, "--vary", "calls=1e5,2e5", "-f", "json", "-m", "deepseek-v4-pro"]).stdout);
    expect(json).toEqual({
      schema_version: 1,
      currency: "USD",
      vary: [{ param: "calls", spec: "1e5,2e5" }],
      models: ["deepseek-v4-pro"],
      rows: [
        { point: { calls: "100000" }, costs: { "deepseek-v4-pro": "168.2" } },
        { point: { calls: "200000" }, costs: { "deepseek-v4-pro": "336.4" } },
      ],
      gaps: [],
      warnings: [],
    });
    const md = spawnCli(["sweep", ...WORKED, "--vary", "calls=1e5,2e5", "-f", "markdown", "-m", "deepseek-v4-pro"]).stdout;
    expect(md).toContain("| calls | deepseek-v4-pro |\n|---:|---:|\n| 100,000 | $168.20 |\n| 200,000 | $336.40 |");
  });

  it("writes JSON byte for byte as before streaming: a 2-D grid with gaps, and a share axis (golden)", async () => {
    const grid = spawnCli(["sweep", ...WORKED, "--vary", "as-of=2026-04-23..2026-04-27+2d", "--vary", "reply=0..4000+1000", "-f", "json"]);
    expect(grid.code).toBe(0);
    expect(JSON.parse(grid.stdout).gaps).toHaveLength(2);
    await expect(grid.stdout).toMatchFileSnapshot("../golden/sweep-grid.json");
    const shares = spawnCli(["sweep", ...WORKED, "--vary", "cache-hit-rate=0..1+0.25", "--vary", "calls=1,3", "-f", "json", "-m", "deepseek-v4-pro"]);
    expect(shares.code).toBe(0);
    await expect(shares.stdout).toMatchFileSnapshot("../golden/sweep-shares.json");
  });

  it("draws a line chart under the table with --chart (golden)", async () => {
    const r = spawnCli(["sweep", ...WORKED, "--vary", "reply=0..4000+250", "--chart"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("│ 4,000 │         $1,204.00 │      $14,558.00 │");
    expect(r.stdout).toMatch(/\$14,558\.00 ┤.*o\n/); // Pro's top right point is the maximum
    expect(r.stdout).toMatch(/\n +\$84\.00 ┤[o*]/); // Flash's first point is the minimum (by hand: 56 + 28)
    await expect(r.stdout).toMatchFileSnapshot("../golden/sweep-chart.txt");
  });

  it("draws the chart by default only on a terminal, and never with --no-chart", async () => {
    const args = ["sweep", ...WORKED, "--vary", "reply=0..1000+500"];
    const legend = "* deepseek-v4-flash   o deepseek-v4-pro";
    const env = { NO_COLOR: "1" };
    expect((await runCli(args, { tty: true, env })).stdout).toContain(legend);
    expect((await runCli(args, { tty: false, env })).stdout).not.toContain(legend);
    expect((await runCli([...args, "--no-chart"], { tty: true, env })).stdout).not.toContain(legend);
  });

  it("streams CSV in chunks as rows are computed, the first at once", async () => {
    const writes: number[] = [];
    const code = await run(["sweep", ...WORKED, "--vary", "calls=1..200000+1", "-f", "csv", "-m", "deepseek-v4-flash"], {
      stdout: { write: (s: string) => writes.push(s.length) },
      stderr: { write: () => true },
      env: {},
      now: () => Date.parse("2026-11-29T12:00:00Z"),
      cwd: ROOT,
    });
    expect(code).toBe(0);
    expect(writes[0]).toBeLessThan(100); // the header and the first row
    expect(writes.length).toBeGreaterThan(50);
    expect(Math.max(...writes)).toBeLessThan(65536 + 200);
  });

  it("stops quietly when the reader closes the pipe", async () => {
    const child = spawn(process.execPath, ["bin/ratecard.js", "sweep", ...WORKED, "--vary", "calls=1..1e6+1", "--vary", "reply=1..100+1", "-f", "csv"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", TZ: "UTC" },
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const first: string = await new Promise((resolve) => child.stdout.once("data", (d) => resolve(String(d))));
    child.stdout.destroy(); // like `| head -n 2` exiting after the first lines
    const code = await new Promise((resolve) => child.on("close", resolve));
    // One call, one reply token: Flash 56 + 28 + 0.28, Pro 290 + 348 + 3.48 per 1M.
    expect(first.startsWith("calls,reply,deepseek-v4-flash,deepseek-v4-pro\r\n1,1,0.00008428,0.00064148\r\n")).toBe(true);
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("fails with one line and exit 2 on bad usage", () => {
    const cases: [string[], RegExp][] = [
      [["--vary", "replies=1,2"], /^ratecard: error: --vary: unknown parameter "replies" \(did you mean "reply"\?\)\n$/],
      [["--vary", "reply=0..100"], /^ratecard: error: --vary: reply=0..100: a range needs a step/],
      [["--vary", "reply=1,2", "--chart", "-f", "csv"], /^ratecard: error: --chart draws one varied parameter in the table format/],
      [[], /^ratecard: error: sweep needs --vary once or twice/],
      [["--vary", "turns=1..5+1"], /^ratecard: error: turns does not apply to workload "support bot", which is a fixed cached_prefix \/ miss split/],
    ];
    for (const [args, message] of cases) {
      const r = spawnCli(["sweep", ...WORKED, ...args]);
      expect(r.stderr).toMatch(message);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
    }
  });
});
