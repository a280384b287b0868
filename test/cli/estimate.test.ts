// End-to-end: `ratecard estimate` through the built binary, every format, later prices, warnings.
import { describe, expect, it } from "vitest";
import { runCli, spawnCli, tempDir } from "../helpers/cli.js";

const REF = ["--calls", "1M", "--cached-prefix", "2000", "--miss", "200", "--reply", "300"];
const json = (args: string[]) => {
  const r = spawnCli(["estimate", ...args, "-f", "json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};
const totalsOf = (doc: { estimates: { model: string; total: string }[] }) => Object.fromEntries(doc.estimates.map((e) => [e.model, e.total]));

describe("ratecard estimate", () => {
  it("prints the itemised worked example", () => {
    const r = spawnCli(["estimate", "examples/worked-example.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("$56.00 + $28.00 + $84.00 = $168.00");
    expect(r.stdout).toContain("$290.00 + $348.00 + $1,044.00 = $1,682.00");
    expect(r.stdout).toContain("deepseek-v4-pro $1,682.00 = 10.01x");
  });

  it.each(["table", "json", "csv", "markdown"])("matches the golden %s output of the worked example", async (format) => {
    const r = spawnCli(["estimate", "examples/worked-example.yaml", "-f", format]);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`../golden/estimate-worked-example.${format}`);
  });

  it("matches the golden table of a plan with subtotals, windows and an item-level model", async () => {
    const r = spawnCli(["estimate", "examples/support-plan.yaml", "--as-of", "2026-09-01"]);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot("../golden/estimate-support-plan-2026-09-01.table");
  });

  it("gives the reference totals from flags alone, as decimal strings", () => {
    const doc = json([...REF, "--as-of", "2026-04-24"]);
    expect(doc.schema_version).toBe(1);
    expect(doc.as_of).toBe("2026-04-24T00:00:00Z");
    expect(doc.currency).toBe("USD");
    expect(totalsOf(doc)).toEqual({ "deepseek-v4-flash": "168", "deepseek-v4-pro": "1682" });
    expect(doc.estimates[0].items[0].lines.map((l: { bucket: string; cost: string }) => [l.bucket, l.cost])).toEqual([
      ["input_cache_hit", "56"],
      ["input_cache_miss", "28"],
      ["output", "84"],
    ]);
  });

  it("gives the later prices on later dates, each from the card", () => {
    // Hand calculations are in test/unit/core/estimate.test.ts; these check the CLI carries them.
    expect(totalsOf(json([...REF, "--as-of", "2026-05-01"]))).toEqual({ "deepseek-v4-flash": "117.6", "deepseek-v4-pro": "355.25" });
    expect(totalsOf(json([...REF, "--as-of", "2026-09-01", "-m", "deepseek-v4-flash"]))).toEqual({ "deepseek-v4-flash": "309.333333333333" });
    const later = json([...REF, "--as-of", "2026-11-29", "-m", "deepseek-v4-flash"]);
    expect(later.estimates[0].billed_as).toBe("deepseek-flash");
    expect(later.estimates[0].total).toBe("261");
    expect(later.estimates[0].peak_share).toBe("0.208333333333");
  });

  it("lets flags override the file and --peak-share set the split", () => {
    const doc = json(["examples/worked-example.yaml", "--calls", "2M", "-m", "deepseek-v4-flash"]);
    expect(totalsOf(doc)).toEqual({ "deepseek-v4-flash": "336" });
    const offPeak = json([...REF, "--as-of", "2026-11-29", "-m", "deepseek-flash", "--peak-share", "0%"]);
    expect(offPeak.estimates[0].total).toBe("216");
  });

  it("prices a single call when --calls is missing, and says so on stderr", () => {
    const r = spawnCli(["estimate", "--miss", "1000", "--as-of", "2026-04-24", "-m", "deepseek-v4-flash", "-f", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).estimates[0].total).toBe("0.00014");
    expect(r.stderr).toMatch(/warning: --calls not given/);
  });

  it("warns on stderr and in JSON warnings (never in the table) when the card is more than 60 days past its check", () => {
    const holidays = 'calendar "deepseek-peak" lists holidays up to 2026 only';
    const stale = spawnCli(["estimate", ...REF, "--as-of", "2027-01-31", "-f", "json"]);
    expect(stale.code).toBe(0);
    const lines = stale.stderr.trim().split("\n");
    expect(lines).toHaveLength(2); // and the calendar's unknown 2027 holidays
    expect(stale.stderr).toMatch(/warning: rates\/deepseek\.yaml: prices last checked 2026-12-01, 61 days before 2027-01-31; check them at https:\/\/api-docs\.deepseek\.com/);
    expect(stale.stderr).toContain(holidays);
    expect([...JSON.parse(stale.stdout).warnings].sort()).toEqual(lines.map((l) => l.replace(/^ratecard: warning: /, "")).sort());
    expect(spawnCli(["estimate", ...REF, "--as-of", "2027-01-31"]).stdout).not.toMatch(/checked/);
    expect(spawnCli(["estimate", ...REF, "--as-of", "2027-01-30"]).stderr.trim().split("\n")).toEqual([expect.stringContaining(holidays)]);
    expect(spawnCli(["estimate", ...REF, "--as-of", "2026-12-31"]).stderr).toBe("");
  });

  it("defaults --as-of to the injected clock", async () => {
    const r = await runCli(["estimate", ...REF, "-f", "json"], { now: Date.parse("2026-05-01T00:00:00Z") });
    expect(totalsOf(JSON.parse(r.stdout))).toEqual({ "deepseek-v4-flash": "117.6", "deepseek-v4-pro": "355.25" });
  });

  it("colours the table only on a TTY without NO_COLOR", async () => {
    const args = ["estimate", "examples/worked-example.yaml"];
    expect((await runCli(args, { tty: true })).stdout).toMatch(/\x1b\[/);
    expect((await runCli(args, { tty: true, env: { NO_COLOR: "1" } })).stdout).not.toMatch(/\x1b\[/);
    expect((await runCli(args, { tty: false })).stdout).not.toMatch(/\x1b\[/);
  });

  it("reads user cards from --rates files and folders", () => {
    const dir = tempDir({
      "acme.yaml": "currency: USD\nmodels:\n  acme-1:\n    versions:\n      - {from: 2026-01-01, input_cache_hit: 0.1, input_cache_miss: 1, output: 2}\n",
    });
    const one = spawnCli(["estimate", "--calls", "1000", "--miss", "1000", "--reply", "1000", "-m", "acme-1", "--as-of", "2026-06-01", "--rates", `${dir}/acme.yaml`, "-f", "json"]);
    expect(JSON.parse(one.stdout).estimates[0].total).toBe("3");
    const folder = spawnCli(["estimate", "--calls", "1000", "--miss", "1000", "-m", "acme-1", "--as-of", "2026-06-01", "--rates", dir, "-f", "csv"]);
    expect(folder.stdout.split("\r\n")[2]).toBe("acme-1,,workload,input_cache_miss,,1000000,1,1,"); // no confidence given
  });
});
