// End to end: forecasts that mean what users mean (issue 13): periods across price changes, schedule days, defaults.
import { describe, expect, it } from "vitest";
import { Exact, sum } from "../../src/core/exact.js";
import { join } from "node:path";
import { ROOT, runCli, spawnCli, tempDir } from "../helpers/cli.js";
import { x } from "../helpers/plans.js";

const per1M = (prices: string[], tokens: number[]): Exact => sum(prices.map((p, i) => x(p).mul(Exact.int(tokens[i]!)))).div(Exact.int(1000000));

const dir = tempDir({
  "august.yaml": "as_of: 2026-08-01\nmodels: [deepseek-v4-flash]\nworkloads:\n  - name: support\n    calls: 10000/day\n    period: 2026-08\n    cached_prefix: 2000\n    miss: 200\n    reply: 300\n",
  "may.yaml": "as_of: 2026-05-01\nmodels: [deepseek-v4-flash]\ncalls: 10000/day\nperiod: 2026-05\ncached_prefix: 2000\nmiss: 200\nreply: 300\n",
});

describe("a period priced across its price changes", () => {
  it("cuts August 2026 on V4-Flash at the 2026-08-16 16:00 peak/off-peak start and the 08-22 16:00 UTC rule change", () => {
    const r = spawnCli(["estimate", "august.yaml", "-f", "json"], { cwd: dir });
    expect(r.code).toBe(0);
    const item = JSON.parse(r.stdout).estimates[0].items[0];
    expect(item.stretches.map((s: { from: string; until: string }) => [s.from, s.until])).toEqual([
      ["2026-08-01T00:00:00Z", "2026-08-16T16:00:00Z"],
      ["2026-08-16T16:00:00Z", "2026-08-22T16:00:00Z"],
      ["2026-08-22T16:00:00Z", "2026-09-01T00:00:00Z"],
    ]);
    // 310,000 calls spread over 744 hours: 376 h flat, 144 h every day 7/24 peak, 224 h weekdays 5/24 peak
    // (the weekend rule starts at 00:00 Beijing time on Saturday 08-23, 2026-08-22 16:00 UTC).
    const calls = (hours: number) => Exact.int(310000).mul(Exact.of(BigInt(hours), 744n));
    const flat = per1M(["0.0028", "0.14", "0.28"], [2000, 200, 300]);
    const peak = per1M(["0.014", "0.44", "1.32"], [2000, 200, 300]);
    const off = per1M(["0.007", "0.22", "0.66"], [2000, 200, 300]);
    const mixed = (share: Exact) => peak.mul(share).add(off.mul(Exact.ONE.sub(share)));
    const want = [calls(376).mul(flat), calls(144).mul(mixed(Exact.of(7n, 24n))), calls(224).mul(mixed(Exact.of(5n, 24n)))];
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
    expect(table).toMatch(/│ support\s+│ from 2026-08-16 16:00 UTC until 2026-08-22 16:00 UTC\s+│.*│\s+\$19\.84 │/);
  });

  it("cuts 30 days from 2026-12-17 on Gemini 3.8 Flash at the end of its introductory price (rates/google.yaml)", () => {
    const g = tempDir({ "g.yaml": "as_of: 2026-12-17\nmodels: [gemini-3.8-flash]\ncalls: 30000/day\nperiod: 30d\nmiss: 1000\nreply: 100\n" });
    const item = JSON.parse(spawnCli(["estimate", "g.yaml", "-f", "json"], { cwd: g }).stdout).estimates[0].items[0];
    // 900,000 calls, half before 2027-01-01 at $0.75 / $3.75, half after at $1.50 / $7.50 (per 1M tokens)
    const half = Exact.int(450000);
    const before = half.mul(per1M(["0.75", "3.75"], [1000, 100]));
    const after = half.mul(per1M(["1.50", "7.50"], [1000, 100]));
    expect(item.stretches.map((s: { from: string; until: string; price_from: string; calls: string; total: string }) => [s.from, s.until, s.price_from, s.calls, s.total])).toEqual([
      ["2026-12-17T00:00:00Z", "2027-01-01T00:00:00Z", "2026-09-02T00:00:00Z", "450000", before.toDecimal()],
      ["2027-01-01T00:00:00Z", "2027-01-16T00:00:00Z", "2027-01-01T00:00:00Z", "450000", after.toDecimal()],
    ]);
    expect(item.total).toBe(before.add(after).toDecimal()); // 506.25 + 1012.5
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

const flat = tempDir({
  "plan.yaml": "name: p\nas_of: 2026-04-24\nmodels: [deepseek-v4-flash]\nbudget: 200\ncalls: 1M\ncached_prefix: 2000\nmiss: 200\nreply: 300\n",
  "late.yaml": "name: late\nas_of: 2026-10-01\nmodels: [deepseek-v4-flash]\nbudget: 1000\ncalls: 1M\ncached_prefix: 2000\nmiss: 200\nreply: 300\n",
  "empty.yaml": "name: empty\nmodels: [deepseek-v4-flash]\nworkloads:\n  - name: chat\n    calls: 1M\n    miss: 200\n  - name: idle\n    calls: 5000\n",
});

describe("--as-of today, now and yesterday", () => {
  it("reads them from the injected clock: today is 00:00 UTC", async () => {
    const now = Date.parse("2026-09-20T15:30:00Z");
    const head = async (word: string) => (await runCli(["estimate", "--calls", "1", "--miss", "1", "-m", "deepseek-flash", "--as-of", word], { now })).stdout.split("\n")[0];
    expect(await head("today")).toBe("as of 2026-09-20 · prices in USD per 1M tokens");
    expect(await head("yesterday")).toBe("as of 2026-09-19 · prices in USD per 1M tokens");
    expect(await head("now")).toBe("as of 2026-09-20 15:30 UTC · prices in USD per 1M tokens");
    expect(await head("Today")).toBe("as of 2026-09-20 · prices in USD per 1M tokens");
    const rates = await runCli(["rates", "deepseek-flash", "--as-of", "today", "-f", "json"], { now });
    expect(JSON.parse(rates.stdout).as_of).toBe("2026-09-20T00:00:00Z");
    const bad = spawnCli(["estimate", "--calls", "1", "--miss", "1", "--as-of", "tomorow"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--as-of: "tomorow" is not a date .*today, yesterday or now/);
  });
});

describe("no silent $0, no silent override", () => {
  it("fails on an item with no tokens, naming it, and solve never answers any for a zero-cost workload", () => {
    const r = spawnCli(["estimate", "empty.yaml", "--as-of", "2026-04-24"], { cwd: flat });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ratecard: error: empty\.yaml:7:5: workload "idle" has no tokens: every token count is zero/);
    const s = spawnCli(["solve", "--calls", "1000", "--as-of", "2026-04-24", "-m", "deepseek-v4-flash", "--budget", "5", "--for", "calls"]);
    expect(s.code).toBe(2);
    expect(s.stdout).toBe("");
    expect(s.stderr).toMatch(/workload "workload" has no tokens/);
    // Varying a token count is fine: the workload has tokens at the points priced.
    const reply = spawnCli(["solve", "--calls", "1000", "--as-of", "2026-04-24", "-m", "deepseek-v4-flash", "--budget", "5", "--for", "reply", "-f", "json"]);
    expect(reply.code).toBe(0);
    expect(JSON.parse(reply.stdout).results[0].value).toBe("17857"); // $5 / (1000 x $0.28 per 1M) = 17,857.1
  });

  it("refuses flags that contradict each other", () => {
    for (const [args, msg] of [
      [["--input", "2200", "--cache-hit-rate", "0.9", "--miss", "200"], "--input cannot go with --miss"],
      [["--input", "2200", "--cache-hit-rate", "0.9", "--cached-prefix", "2000"], "--input cannot go with --cached-prefix"],
      [["--cached-prefix", "2000", "--miss", "200", "--cache-hit-rate", "0.9"], "--cache-hit-rate needs --input"],
    ] as const) {
      const r = spawnCli(["estimate", "--calls", "1M", ...args, "--as-of", "2026-04-24"]);
      const head = `ratecard: error: ${msg} (`; // then how to fix it, in brackets
      expect(r.code, msg).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.slice(0, head.length)).toBe(head);
      expect(r.stderr.trimEnd().split("\n"), "one line").toHaveLength(1);
    }
    // On a plan with a fixed split, a hit rate would silently re-split it.
    expect(spawnCli(["estimate", "plan.yaml", "--cache-hit-rate", "50%"], { cwd: flat }).stderr).toMatch(/^ratecard: error: --cache-hit-rate needs --input/);
  });

  it("solves and sweeps the hit rate without a dummy --cache-hit-rate", () => {
    const base = ["--calls", "1M", "--input", "2200", "--reply", "300", "--as-of", "2026-04-24", "-m", "deepseek-v4-flash"];
    const s = spawnCli(["solve", ...base, "--budget", "200", "--for", "cache-hit-rate", "-f", "json"]);
    expect(s.code).toBe(0);
    // cost(r) = 84 + 2200 x (0.14 - 0.112 r): $200 at r = (392 - 200) / 246.4 = 0.779...
    expect(Exact.parseDecimal(JSON.parse(s.stdout).results[0].value)!.mul(x("246.4")).sub(x("192")).abs().cmp(x("0.000001"))).toBeLessThan(0);
    const w = spawnCli(["sweep", ...base, "--vary", "cache-hit-rate=0,0.5,1", "-f", "csv"]);
    expect(w.code).toBe(0);
    expect(w.stdout.trim().split("\r\n").slice(1)).toEqual(["0,392", "0.5,268.8", "1,145.6"]);
  });

  it("hints at near misses: 1m and --peak-share 30", () => {
    expect(spawnCli(["estimate", "--calls", "1m", "--miss", "200"]).stderr).toMatch(/^ratecard: error: --calls: "1m" is not a number: did you mean 1M\?/);
    expect(spawnCli(["estimate", "--calls", "1M", "--miss", "200", "--peak-share", "30"]).stderr).toMatch(/^ratecard: error: --peak-share: "30" is outside 0\.\.1 \(0% to 100%\): did you mean 30%\?/);
    const file = tempDir({ "p.yaml": "calls: 2m\nmiss: 200\n" });
    expect(spawnCli(["estimate", "p.yaml"], { cwd: file }).stderr).toMatch(/^ratecard: error: p\.yaml:1:8: .*"2m" is not a number: did you mean 2M\?/);
  });
});

describe("the same flags everywhere", () => {
  it("reads the plan from stdin with - in estimate, check, sweep and solve", () => {
    const plan = "as_of: 2026-04-24\nmodels: [deepseek-v4-flash]\nbudget: 200\ncalls: 1M\ncached_prefix: 2000\nmiss: 200\nreply: 300\n";
    const e = spawnCli(["estimate", "-", "-f", "json"], { input: plan });
    expect(JSON.parse(e.stdout).estimates[0].total).toBe("168");
    const c = spawnCli(["check", "-", "-f", "json"], { input: plan });
    expect([c.code, JSON.parse(c.stdout).plans[0].checks[0].cost]).toEqual([0, "168"]);
    const w = spawnCli(["sweep", "-", "--vary", "calls=1M,2M", "-f", "csv"], { input: plan });
    expect(w.stdout.trim().split("\r\n").slice(1)).toEqual(["1000000,168", "2000000,336"]);
    const s = spawnCli(["solve", "-", "--budget", "100", "--for", "calls", "-f", "json"], { input: plan });
    expect(JSON.parse(s.stdout).results[0].value).toBe("595238");
    const bad = spawnCli(["estimate", "-"], { input: "calls: 1M\nmsis: 200\n" });
    expect(bad.stderr).toMatch(/^ratecard: error: -:2:1: /);
  });

  it("prices in another currency with --currency / --fx in check, diff and rates", () => {
    const c = JSON.parse(spawnCli(["check", "plan.yaml", "--currency", "CNY", "--budget", "1500", "-f", "json"], { cwd: flat }).stdout);
    expect([c.plans[0].currency, c.plans[0].checks[0].cost]).toEqual(["CNY", "1200"]); // 2000 x 0.2 + 200 x 1 + 300 x 2
    const d = JSON.parse(spawnCli(["diff", "plan.yaml", "plan.yaml", "--currency", "CNY", "--as-of", "2026-05-01", "--fx", "7", "-f", "json"], { cwd: flat }).stdout);
    expect([d.currency, d.models[0].base]).toEqual(["CNY", "823.2"]); // 117.6 x 7
    const r = JSON.parse(spawnCli(["rates", "-m", "deepseek-v4-flash", "--as-of", "2026-04-24", "--currency", "CNY", "-f", "json"]).stdout);
    expect(r.models[0]).toMatchObject({ model: "deepseek-v4-flash", currency: "CNY", prices: [{ input_cache_hit: "0.2", input_cache_miss: "1", output: "2" }] });
    expect(spawnCli(["rates", "--currency", "CNY", "--as-of", "2026-05-01", "deepseek-v4-flash"]).stderr).toMatch(/no published CNY prices .*give --fx/);
  });

  it("declares -m, --as-of, --peak-share, --rates and --currency once: the same help text in every command", () => {
    const flags = ["-m, --model <id>", "--as-of <date>", "--peak-share <share>", "--rates <path>", "--currency <code>"];
    // Each option's whole help text, its wrapped lines joined.
    const helpOf = (cmd: string) => {
      const entries: string[] = [];
      for (const l of spawnCli([cmd, "--help"]).stdout.split("\n")) {
        if (/^  -/.test(l)) entries.push(l.trim());
        else if (/^\s{4,}\S/.test(l) && entries.length) entries[entries.length - 1] += " " + l.trim();
      }
      return Object.fromEntries(flags.map((f) => [f, entries.find((e) => e.startsWith(f))?.replace(/\s+/g, " ")]));
    };
    const estimate = helpOf("estimate");
    for (const f of flags) expect(estimate[f]).toBeDefined();
    for (const cmd of ["check", "diff", "sweep", "solve"]) expect(helpOf(cmd)).toEqual(estimate);
    const rates = helpOf("rates");
    for (const f of ["-m, --model <id>", "--as-of <date>", "--rates <path>", "--currency <code>"]) expect(rates[f]).toBe(estimate[f]);
  });

  it("names the alias a model was billed as in check and diff tables", () => {
    const c = spawnCli(["check", "late.yaml"], { cwd: flat });
    expect(c.stdout).toContain("deepseek-v4-flash (billed as deepseek-flash)");
    const d = spawnCli(["diff", "plan.yaml", "late.yaml"], { cwd: flat });
    expect(d.stdout).toContain("deepseek-v4-flash (billed as deepseek-v4-flash → deepseek-flash)");
    const same = spawnCli(["diff", "late.yaml", "late.yaml", "-f", "markdown"], { cwd: flat });
    expect(same.stdout).toContain("deepseek-v4-flash (billed as deepseek-flash)");
  });
});

describe("plan-level defaults", () => {
  const items = (extra: string[]) =>
    ["  - name: a\n    calls: 1000/day\n    miss: 100\n    cached_prefix: 400", "  - name: b\n    calls: 5000\n    miss: 100\n    cached_prefix: 400\n    peak_share: 50%\n    period: 2026-12", "  - name: c\n    calls: 20000\n    miss: 100\n    cached_prefix: 400\n    schedule: { hours: \"00:00-01:00\", tz: Asia/Shanghai }"]
      .map((item, i) => item + (extra[i] ?? ""))
      .join("\n");
  const dir = tempDir({
    "defaults.yaml": `as_of: 2026-11-02\nmodels: [deepseek-flash]\nperiod: 30d\npeak_share: 30%\ndistinct_prefixes: 10\nworkloads:\n${items([])}\n`,
    "explicit.yaml": `as_of: 2026-11-02\nmodels: [deepseek-flash]\nworkloads:\n${items(["\n    period: 30d\n    peak_share: 30%\n    distinct_prefixes: 10", "\n    distinct_prefixes: 10", "\n    period: 30d\n    distinct_prefixes: 10"])}\n`,
    "v2-defaults.yaml": "as_of: 2026-11-01\nmodels: [test-large]\nbatch: true\nrequests: { search: 2 }\nworkloads:\n  - name: a\n    calls: 100\n    miss: 1000\n    reply: 100\n  - name: b\n    calls: 100\n    miss: 1000\n    reply: 100\n    batch: false\n    requests: { fetch: 1 }\n",
    "v2-explicit.yaml": "as_of: 2026-11-01\nmodels: [test-large]\nworkloads:\n  - name: a\n    calls: 100\n    miss: 1000\n    reply: 100\n    batch: true\n    requests: { search: 2 }\n  - name: b\n    calls: 100\n    miss: 1000\n    reply: 100\n    requests: { fetch: 1 }\n",
  });
  const json = (file: string, extra: string[] = []) => JSON.parse(spawnCli(["estimate", file, "-f", "json", ...extra], { cwd: dir }).stdout);

  it("applies period, peak_share and distinct_prefixes to every item that does not set its own", () => {
    const d = json("defaults.yaml").estimates[0];
    const e = json("explicit.yaml").estimates[0];
    expect(d.items.map((i: { total: string }) => i.total)).toEqual(e.items.map((i: { total: string }) => i.total));
    expect(d.items.map((i: { period?: { text: string } }) => i.period?.text)).toEqual(["30d", "2026-12", "30d"]);
    expect(d.items.map((i: { peak_share?: string }) => i.peak_share)).toEqual(["0.3", "0.5", undefined]);
    expect(d.items[2].schedule.text).toBe("00:00-01:00 Asia/Shanghai"); // its own schedule: the plan's peak_share does not apply
    // a = 30,000 calls: 10 prefixes pay their 400 cached tokens as misses.
    expect(d.items[0].lines.filter((l: { bucket: string }) => l.bucket === "input_cache_miss").reduce((a: Exact, l: { tokens: string }) => a.add(x(l.tokens)), Exact.ZERO).toDecimal()).toBe(String(30000 * 100 + 10 * 400));
  });

  it("applies batch, service_tier and requests the same way; an item's batch: false or requests replace the plan's", () => {
    const rates = ["--rates", join(ROOT, "test/fixtures/cards/v2-card.yaml")];
    const d = json("v2-defaults.yaml", rates).estimates[0];
    const e = json("v2-explicit.yaml", rates).estimates[0];
    expect(d.items.map((i: { total: string }) => i.total)).toEqual(e.items.map((i: { total: string }) => i.total));
    expect(d.items[0].lines.some((l: { modifiers?: string[] }) => l.modifiers?.includes("batch"))).toBe(true);
    expect(d.items[1].lines.some((l: { modifiers?: string[] }) => l.modifiers?.includes("batch"))).toBe(false);
    expect(d.items[1].lines.map((l: { fee?: string }) => l.fee).filter(Boolean)).toEqual(["fetch"]);
  });

  it("refuses a plan-level schedule with a plan-level peak_share", () => {
    const bad = tempDir({ "p.yaml": "peak_share: 30%\nschedule: { hours: \"22:00-06:00\", tz: UTC }\nworkloads:\n  - calls: 1\n    miss: 1\n" });
    const r = spawnCli(["estimate", "p.yaml"], { cwd: bad });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ratecard: error: p\.yaml:1:13: peak_share cannot go with schedule/);
  });
});
