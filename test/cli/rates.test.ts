// End-to-end: `ratecard rates`, current prices and history, every format.
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnCli, tempDir } from "../helpers/cli.js";

describe("ratecard rates", () => {
  it.each(["table", "json", "csv", "markdown"])("lists the prices in force at an instant (%s golden)", async (format) => {
    const r = spawnCli(["rates", "--provider", "deepseek", "--as-of", "2026-09-20", "-f", format]);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`../golden/rates-2026-09-20.${format}`);
  });

  it.each(["table", "json", "csv", "markdown"])("lists every version with --history (%s golden)", async (format) => {
    const r = spawnCli(["rates", "--provider", "deepseek", "--history", "-f", format]);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`../golden/rates-history.${format}`);
  });

  const V2 = ["--rates", "test/fixtures/cards/v2-card.yaml", "test-large", "test-small"];
  it.each(["table", "json", "csv", "markdown"])("shows cache writes, tiers, modifiers, limits and fees of a v2 card (%s golden)", async (format) => {
    const r = spawnCli(["rates", ...V2, "--as-of", "2026-11-01", "-f", format]);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`../golden/rates-v2.${format}`);
  });

  it.each(["table", "json", "csv", "markdown"])("shows every v2 structure and fee version with --history (%s golden)", async (format) => {
    const r = spawnCli(["rates", ...V2, "--history", "-f", format]);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`../golden/rates-v2-history.${format}`);
  });

  it("lists a v2 version's facts in JSON", () => {
    const doc = JSON.parse(spawnCli(["rates", ...V2, "--as-of", "2026-11-01", "-f", "json"]).stdout);
    const large = doc.models[0];
    expect(large.prices).toEqual([{ window: null, input_cache_hit: "0.3", input_cache_miss: "3", output: "15", input_cache_write: "3.75", input_cache_write_1h: "6" }]);
    expect([large.default_retention, large.context_window, large.max_output]).toEqual(["5m", "1000000", "64000"]);
    expect(large.tiers[0]).toMatchObject({ above: "200000", output: "22.5", input_cache_write_1h: "12" });
    expect(large.modifiers.fast).toMatchObject({ kind: "service_tier", multiplier: "6", stacks_with_tiers: false });
    expect(large.fees.map((f: { fee: string; price: string }) => [f.fee, f.price])).toEqual([["search", "10"], ["fetch", "0.75"]]);
  });

  it("marks aliases and retirements", () => {
    const doc = JSON.parse(spawnCli(["rates", "--as-of", "2026-09-20", "-f", "json"]).stdout);
    const by = Object.fromEntries(doc.models.map((m: { model: string }) => [m.model, m]));
    expect(by["deepseek-v4-flash"]).toMatchObject({ status: "alias", billed_as: "deepseek-flash" });
    expect(by["deepseek-chat"]).toMatchObject({ status: "retired", replacement: "deepseek-v4-flash" });
    expect(by["deepseek-v4-pro"].prices).toEqual([
      { window: "peak", input_cache_hit: "0.044", input_cache_miss: "1.32", output: "3.96" },
      { window: "off-peak", input_cache_hit: "0.022", input_cache_miss: "0.66", output: "1.98" },
    ]);
  });

  it("exports one CSV row per version and window, with from/until", () => {
    const rows = spawnCli(["rates", "deepseek-v4-pro", "--history", "-f", "csv"]).stdout.trim().split("\r\n");
    expect(rows).toHaveLength(1 + 3 + 2 + 2); // and the card's two fees, last
    expect(rows[1]).toMatch(/^deepseek-v4-pro,USD,price,,,2026-04-24T00:00:00Z,2026-04-26T12:15:00Z,,0.145,1.74,3.48,/);
    expect(rows.slice(-2).map((r) => r.replace(/,official,.*,(fee \w+),.*,(0\.75),(1000)$/, " $1 $2/$3"))).toEqual([
      "deepseek-v4-pro,USD,fee,,,2026-10-17T00:00:00Z,,,,,, fee search 0.75/1000",
      "deepseek-v4-pro,USD,fee,,,2026-10-17T00:00:00Z,,,,,, fee fetch 0.75/1000",
    ]);
  });

  it("fails on an unknown model with the closest ids", () => {
    const r = spawnCli(["rates", "deepseek-v4-por"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ratecard: error: unknown model "deepseek-v4-por" (did you mean "deepseek-v4-pro"?)\n');
  });

  it("lists per-request fees in the --currency asked, as usage and estimate bill them", () => {
    const fee = (args: string[]) => {
      const r = spawnCli(["rates", ...args, "-f", "json"]);
      expect(r.code, r.stderr).toBe(0);
      const row = JSON.parse(r.stdout).models[0];
      return row.fees.find((f: { fee: string }) => f.fee === "search");
    };
    // converted with --fx: Anthropic's $10 per 1,000 searches at 0.5 EUR per USD
    expect(fee(["claude-opus-4-6", "--as-of", "2026-11-01"])).toMatchObject({ price: "10", per: "1000" });
    expect(fee(["claude-opus-4-6", "--as-of", "2026-11-01", "--currency", "EUR", "--fx", "0.5"])).toMatchObject({ price: "5", per: "1000" });
    // published: DeepSeek's search fee in CNY is its own price, not the dollar figure relabelled
    expect(fee(["deepseek-v4-flash", "--as-of", "2026-11-01"])).toMatchObject({ price: "0.75", currencies: { CNY: "5" } });
    expect(fee(["deepseek-v4-flash", "--as-of", "2026-11-01", "--currency", "CNY"])).toMatchObject({ price: "5", currencies: null });
    const history = JSON.parse(spawnCli(["rates", "--history", "claude-opus-4-6", "--currency", "EUR", "--fx", "0.5", "-f", "json"]).stdout);
    expect(history.fees.find((f: { fee: string }) => f.fee === "search").price).toBe("5");
  });

  it("says request, not requests, for a fee priced per single request", () => {
    const dir = tempDir();
    const card = join(dir, "card.yaml");
    writeFileSync(card, `currency: USD
models:
  one-shot:
    fees:
      call: { versions: [{ from: 2026-01-01, price: 0.01, per: 1 }] }
      bulk: { versions: [{ from: 2026-01-01, price: 5, per: 1000 }] }
    versions:
      - { from: 2026-01-01, input_cache_hit: 0.1, input_cache_miss: 1, output: 2 }
`);
    const r = spawnCli(["rates", "one-shot", "--rates", card, "--as-of", "2026-02-01"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("call: $0.01 per 1 request ");
    expect(r.stdout).toContain("bulk: $5.00 per 1,000 requests ");
  });
});
