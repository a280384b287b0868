// End-to-end: v2 workload keys and flags (cache writes by retention, fees, tiers, modifiers), realism warnings and bad names.
import { describe, expect, it } from "vitest";
import { spawnCli, tempDir } from "../helpers/cli.js";

const CARD = ["--rates", "test/fixtures/cards/v2-card.yaml"];
const PLAN = "test/fixtures/plans/v2-plan.yaml";

describe("ratecard estimate with v2 keys", () => {
  it.each(["table", "json", "csv", "markdown"])("prints one line per bucket, retention, tier and fee (%s golden)", async (format) => {
    const r = spawnCli(["estimate", PLAN, ...CARD, "-f", format]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`../golden/estimate-v2-plan.${format}`);
  });

  it("names retention, fee, tier and modifiers on JSON lines", () => {
    const doc = JSON.parse(spawnCli(["estimate", PLAN, ...CARD, "-f", "json"]).stdout);
    const [agent, long] = doc.estimates[0].items;
    expect(agent.lines.filter((l: { bucket: string }) => l.bucket === "input_cache_write").map((l: { retention: string; cost: string }) => [l.retention, l.cost])).toEqual([["5m", "3.75"], ["1h", "3"]]);
    expect(agent.lines.at(-2)).toEqual({ bucket: "request_fee", window: null, tokens: "0", rate: "10", cost: "20", fee: "search", count: "2000", per: "1000" });
    expect(long.lines[0]).toMatchObject({ bucket: "input_cache_hit", tier: "above 200000", modifiers: ["batch", "us"], rate: "0.33" });
    expect(doc.estimates[0].total).toBe("48.10175");
  });

  it("gives the same report from flags as from the file", () => {
    const fromFile = spawnCli(["estimate", "-f", "json", ...CARD, "--as-of", "2026-11-01", "-m", "test-large", tempFile()]);
    const fromFlags = spawnCli([
      "estimate", "-f", "json", ...CARD, "--as-of", "2026-11-01", "-m", "test-large",
      "--calls", "10", "--cached-prefix", "190000", "--miss", "20000", "--cache-write-1h=5000", "--reply", "1000", "--batch", "--region", "us",
      "--requests", "search=1", "--requests", "fetch=2", "--cache-write", "100",
    ]);
    expect(fromFlags.code).toBe(0);
    const a = JSON.parse(fromFile.stdout).estimates[0];
    const b = JSON.parse(fromFlags.stdout).estimates[0];
    expect(b.items[0].lines).toEqual(a.items[0].lines);
    expect(b.total).toBe(a.total);
  });

  it("warns on stderr and in JSON when a call or turn cannot run as written", () => {
    const r = spawnCli(["estimate", ...CARD, "-m", "test-small", "--as-of", "2026-11-01", "--calls", "1", "--miss", "130000", "--reply", "9000", "-f", "json"]);
    expect(r.code).toBe(0);
    const w = [
      'workload "workload" on test-small: a call sends 130000 input tokens, above the context window of 128000',
      'workload "workload" on test-small: a call\'s reply is 9000 tokens (output + reasoning), above max_output of 8000',
    ];
    expect(JSON.parse(r.stdout).warnings).toEqual(w);
    expect(r.stderr).toBe(w.map((x) => `ratecard: warning: ${x}\n`).join(""));
  });

  it.each([
    [["--cache-write-1hr", "5"], /unknown cache-write retention "1hr" for "test-large".*did you mean "1h"/],
    [["--service-tier", "flx"], /unknown service tier "flx" for "test-large".*did you mean "flex"/],
    [["--requests", "serch=1"], /unknown fee "serch" for "test-large".*did you mean "search"/],
    [["--requests", "constructor=1"], /unknown fee "constructor" for "test-large" \(fees: search, fetch\)/],
    [["--region", "europe"], /unknown region "europe".*regions: us/],
    [["--batch", "--service-tier", "fast"], /asks for batch and fast, which "test-large" does not combine/],
    [["--requests", "search"], /--requests: "search" is not name=count/],
    [["--requests", "2search=1"], /--requests: "2search" is not a fee name \(lower-case letters, digits, - and _, starting with a letter\)/],
    [["--service-tier", "Flex"], /--service-tier: "Flex" is not a service tier name/],
    [["--cache-write-by-retention", "1H=5"], /--cache-write-<name>: "1H" is not a retention name/],
    [["--cache-write-1h"], /--cache-write-1h needs a token count/],
  ])("fails with exit 2 and one line on a bad name: %s", (flags, message) => {
    const r = spawnCli(["estimate", ...CARD, "-m", "test-large", "--as-of", "2026-11-01", "--calls", "1", "--miss", "10", ...flags]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it("names a fee id that is an Object property as unknown on a built-in model too", () => {
    const r = spawnCli(["estimate", "-m", "deepseek-v4-pro", "--as-of", "2026-11-01", "--calls", "1", "--miss", "10", "--requests", "constructor=1"]);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, "", 'ratecard: error: unknown fee "constructor" for "deepseek-v4-pro" (fees: search, fetch)\n']);
  });

  it("rejects a misspelt v2 key in a workload file with did-you-mean", () => {
    const dir = tempDir({ "w.yaml": "calls: 1\nmiss: 10\ncache_wirte: 5\n" });
    const r = spawnCli(["estimate", `${dir}/w.yaml`, ...CARD, "-m", "test-large", "--as-of", "2026-11-01"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/w\.yaml:3:1: unknown key "cache_wirte".*did you mean "cache_write"/);
  });
});

/** The "long" item of the v2 plan plus its flags' extras, as a file. */
function tempFile(): string {
  const dir = tempDir({
    "long.yaml": "calls: 10\ncached_prefix: 190000\nmiss: 20000\ncache_write_1h: 5000\ncache_write: 100\nreply: 1000\nbatch: true\nregion: us\nrequests: { search: 1, fetch: 2 }\n",
  });
  return `${dir}/long.yaml`;
}
