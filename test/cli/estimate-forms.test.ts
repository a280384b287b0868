// End to end: estimate with the new workload forms and currencies, JSON additions checked by hand.
import { describe, expect, it } from "vitest";
import { spawnCli, tempDir } from "../helpers/cli.js";

const dir = tempDir({
  "chat.yaml": "as_of: 2026-04-24\nmodels: [deepseek-v4-flash]\ncalls: 1000\nconversation: { turns: 3, system: 1000, user: 100, reply: 200 }\n",
  "nightly.yaml": "as_of: 2026-11-02\nmodels: [deepseek-flash]\ncalls: 30000/day\nperiod: 30d\ncached_prefix: 2000\nmiss: 200\nreply: 300\nschedule: { hours: \"19:00-08:00\", tz: Asia/Shanghai }\n",
});

describe("ratecard estimate with workload forms", () => {
  it("prices the issue's conversation check at $0.3192 exactly", () => {
    const r = spawnCli(["estimate", "chat.yaml", "-f", "json"], { cwd: dir });
    const e = JSON.parse(r.stdout).estimates[0];
    expect(e.items[0].lines.map((l: { tokens: string; cost: string }) => [l.tokens, l.cost])).toEqual([
      ["3900000", "0.1092"],
      ["300000", "0.042"],
      ["600000", "0.168"],
    ]);
    expect(e.total).toBe("0.3192");
  });

  it("prices a schedule outside peak hours at off-peak rates, with the period total and per-day average", () => {
    const r = spawnCli(["estimate", "nightly.yaml", "-f", "json"], { cwd: dir });
    const e = JSON.parse(r.stdout).estimates[0];
    // 900,000 calls: 1.8B hits x 0.003 + 180M misses x 0.15 + 270M output x 0.60 = 5.4 + 27 + 162 = 194.4; per day 6.48.
    expect(e.items[0].lines.map((l: { window: string }) => l.window)).toEqual(["off-peak", "off-peak", "off-peak"]);
    expect(e.total).toBe("194.4");
    expect(e.per_day).toBe("6.48");
    expect(e.items[0].schedule).toEqual({ text: "19:00-08:00 Asia/Shanghai", peak_share: "0" });
    expect(e.items[0].period).toEqual({ text: "30d", start: "2026-11-02T00:00:00Z", end: "2026-12-02T00:00:00Z", days: "30", calls: "900000", per_day: "6.48" });
    const table = spawnCli(["estimate", "nightly.yaml"], { cwd: dir }).stdout;
    expect(table).toContain("schedule 19:00-08:00 Asia/Shanghai: 0% of calls at peak prices");
    expect(table).toContain("period 30d (30 days from 2026-11-02): 900,000 calls, $6.48 per day on average");
  });

  it("uses published CNY prices with --currency, converts only with --fx, and says which", () => {
    const cny = spawnCli(["estimate", "examples/worked-example.yaml", "--currency", "CNY"]);
    expect(cny.stdout).toContain("prices in CNY per 1M tokens");
    expect(cny.stdout).toContain("CNY prices as published in the rate card");
    expect(cny.stdout).toContain("¥1,200.00"); // 2000 x 0.2 + 200 x 1 + 300 x 2
    const missing = spawnCli(["estimate", "examples/worked-example.yaml", "--currency", "CNY", "--as-of", "2026-05-01"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no published CNY prices .* \(give --fx RATE \(CNY per 1 USD\) to convert, or drop --currency\)/);
    const fx = JSON.parse(spawnCli(["estimate", "examples/worked-example.yaml", "--currency", "CNY", "--fx", "7.1", "--as-of", "2026-05-01", "-m", "deepseek-v4-flash", "-f", "json"]).stdout);
    expect(fx.currency).toBe("CNY");
    expect(fx.estimates[0].conversion).toEqual({ from: "USD", rate: "7.1" });
    expect(fx.estimates[0].total).toBe("834.96"); // 117.6 USD x 7.1
    expect(spawnCli(["estimate", "examples/worked-example.yaml", "--fx", "7"]).stderr).toMatch(/--fx needs --currency/);
  });

  it("splits --input by --cache-hit-rate, and refuses a hit rate with nothing to split", () => {
    const r = JSON.parse(spawnCli(["estimate", "--calls", "1M", "--input", "2200", "--cache-hit-rate", "90%", "--reply", "300", "--as-of", "2026-04-24", "-m", "deepseek-v4-flash", "-f", "json"]).stdout);
    // 1.98B hits x 0.028 + 0.22B misses x 0.14 + 0.3B output x 0.28 = 55.44 + 30.8 + 84.
    expect(r.estimates[0].total).toBe("170.24");
    const bad = spawnCli(["estimate", "--calls", "5", "--cache-hit-rate", "0.5"]);
    expect(bad.stderr).toBe("ratecard: error: --cache-hit-rate needs --input (the input tokens per call it splits) (add --input 2200, or give --cached-prefix and --miss without a hit rate)\n");
    expect(bad.code).toBe(2);
  });

  it("leaves the JSON of plain workloads as it was (no new keys)", () => {
    const e = JSON.parse(spawnCli(["estimate", "examples/worked-example.yaml", "-f", "json"]).stdout).estimates[0];
    expect(Object.keys(e)).toEqual(["model", "billed_as", "price_from", "source", "confidence", "peak_share", "total", "items"]);
    expect(Object.keys(e.items[0])).toEqual(["workload", "total", "lines"]);
  });
});
