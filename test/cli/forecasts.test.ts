// End to end: forecasts that mean what users mean (issue 13): periods across price changes, schedule days, defaults.
import { describe, expect, it } from "vitest";
import { Exact, sum } from "../../src/core/exact.js";
import { spawnCli, tempDir } from "../helpers/cli.js";

const x = (s: string): Exact => Exact.parseDecimal(s)!;
const per1M = (prices: string[], tokens: number[]): Exact => sum(prices.map((p, i) => x(p).mul(Exact.int(tokens[i]!)))).div(Exact.int(1000000));

const dir = tempDir({
  "august.yaml": "as_of: 2026-08-01\nmodels: [deepseek-v4-flash]\nworkloads:\n  - name: support\n    calls: 10000/day\n    period: 2026-08\n    cached_prefix: 2000\n    miss: 200\n    reply: 300\n",
  "may.yaml": "as_of: 2026-05-01\nmodels: [deepseek-v4-flash]\ncalls: 10000/day\nperiod: 2026-05\ncached_prefix: 2000\nmiss: 200\nreply: 300\n",
});

describe("a period priced across its price changes", () => {
  it("cuts August 2026 on V4-Flash at the 2026-08-16 16:00 peak/off-peak start and the 08-23 rule change", () => {
    const r = spawnCli(["estimate", "august.yaml", "-f", "json"], { cwd: dir });
    expect(r.code).toBe(0);
    const item = JSON.parse(r.stdout).estimates[0].items[0];
    expect(item.stretches.map((s: { from: string; until: string }) => [s.from, s.until])).toEqual([
      ["2026-08-01T00:00:00Z", "2026-08-16T16:00:00Z"],
      ["2026-08-16T16:00:00Z", "2026-08-23T00:00:00Z"],
      ["2026-08-23T00:00:00Z", "2026-09-01T00:00:00Z"],
    ]);
    // 310,000 calls spread over 744 hours: 376 h flat, 152 h every day 7/24 peak, 216 h weekdays 5/24 peak.
    const calls = (hours: number) => Exact.int(310000).mul(Exact.of(BigInt(hours), 744n));
    const flat = per1M(["0.0028", "0.14", "0.28"], [2000, 200, 300]);
    const peak = per1M(["0.014", "0.44", "1.32"], [2000, 200, 300]);
    const off = per1M(["0.007", "0.22", "0.66"], [2000, 200, 300]);
    const mixed = (share: Exact) => peak.mul(share).add(off.mul(Exact.ONE.sub(share)));
    const want = [calls(376).mul(flat), calls(152).mul(mixed(Exact.of(7n, 24n))), calls(216).mul(mixed(Exact.of(5n, 24n)))];
    expect(item.stretches.map((s: { total: string }) => s.total)).toEqual(want.map((w) => w.toDecimal()));
    expect(item.stretches.map((s: { peak_share: string | null; price_from: string }) => [s.price_from, s.peak_share])).toEqual([
      ["2026-04-26T12:15:00Z", null],
      ["2026-08-16T16:00:00Z", x("7").div(x("24")).toDecimal()],
      ["2026-08-16T16:00:00Z", x("5").div(x("24")).toDecimal()],
    ]);
    expect(item.total).toBe(sum(want).toDecimal());
    // Each line names its stretch.
    expect([...new Set(item.lines.map((l: { stretch: number }) => l.stretch))]).toEqual([0, 1, 2]);
    const table = spawnCli(["estimate", "august.yaml"], { cwd: dir }).stdout;
    expect(table).toContain("  from 2026-08-01 until 2026-08-16 16:00 UTC: prices from 2026-04-26 12:15 UTC, 156,666.67 calls, $18.42");
    expect(table).toMatch(/│ support\s+│ from 2026-08-16 16:00 UTC until 2026-08-23\s+│.*│\s+\$20\.94 │/);
  });

  it("prices a period with no change inside as one stretch, as before", () => {
    const r = spawnCli(["estimate", "may.yaml", "-f", "json"], { cwd: dir });
    const item = JSON.parse(r.stdout).estimates[0].items[0];
    expect(item.stretches).toBeUndefined();
    expect(item.total).toBe(Exact.int(310000).mul(per1M(["0.0028", "0.14", "0.28"], [2000, 200, 300])).toDecimal());
  });
});

describe("a schedule's days bound its calls", () => {
  it("counts 30,000 calls on each of December 2026's 23 weekdays for examples/nightly-batch.yaml", () => {
    const r = spawnCli(["estimate", "examples/nightly-batch.yaml", "-f", "json"]);
    expect(r.code).toBe(0);
    const item = JSON.parse(r.stdout).estimates[0].items[0];
    expect(item.period.calls).toBe("690000");
    expect(spawnCli(["estimate", "examples/nightly-batch.yaml"]).stdout).toContain("period 2026-12 (31 days from 2026-12-01): 690,000 calls");
  });
});
