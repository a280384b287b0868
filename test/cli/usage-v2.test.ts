// `ratecard usage` with rate-card v2 logs: Claude Code cache writes by retention, web searches, per-record tiers,
// <synthetic> records, OpenAI chat and Responses API records (stream events too), exact sums; every format.
import { describe, expect, it } from "vitest";
import { spawnCli, tempDir } from "../helpers/cli.js";

const CARD = ["--rates", "test/fixtures/cards/v2-card.yaml"];
const CLAUDE = "test/fixtures/usage/claude-code-v2.jsonl";
const OPENAI = "test/fixtures/usage/openai-v2.jsonl";
type Line = { model: string; bucket: string; tokens: string; rate: string; cost: string; retention?: string | null; tier?: string; fee?: string; count?: string };

function report(args: string[]) {
  const r = spawnCli(["usage", ...args, ...CARD, "-f", "json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe("ratecard usage with v2 logs", () => {
  it("prices Claude Code writes of both retentions, searches and a request above 200K input exactly (hand calculation)", () => {
    const out = report([CLAUDE, "--strict"]);
    // Record a (54,000 input tokens): hit 50,000 x 0.30 + miss 1,000 x 3 + 5m writes 2,000 x 3.75 + 1h writes 1,000 x 6
    //   + output 500 x 15, per 1M = 0.015 + 0.003 + 0.0075 + 0.006 + 0.0075 = 0.039; 2 searches x $10 / 1,000 = 0.02.
    // Record b (5,000 + 190,000 + 10,000 = 205,000 > 200,000: every bucket at the tier): 190,000 x 0.60 + 5,000 x 6
    //   + 4,000 x 7.50 + 6,000 x 12 + 2,000 x 22.50 = 0.114 + 0.03 + 0.03 + 0.072 + 0.045 = 0.291; 1 search = 0.01.
    //   Its repeat (same message.id and requestId) counts once.
    // Record c (10,000 + 185,000 + 5,000 = 200,000: not above): 185,000 x 0.30 + 10,000 x 3 + 5,000 x 3.75 (default
    //   retention, 5m) + 100 x 15 = 0.0555 + 0.03 + 0.01875 + 0.0015 = 0.10575.
    // Total 0.039 + 0.02 + 0.291 + 0.01 + 0.10575 = 0.46575.
    expect(out.total.cost).toBe("0.46575");
    expect(out.total.records).toBe(3);
    expect(out.total.tokens).toEqual({ input_cache_hit: "425000", input_cache_miss: "16000", output: "2600", reasoning_in_output: "0", input_cache_write: "18000" });
    expect([out.duplicates, out.synthetic, out.ignored, out.skipped]).toEqual([1, 1, 1, []]);
    const lines: Line[] = out.groups[0].lines;
    const brief = (l: Line) => [l.model, l.bucket, l.retention, l.tier, l.fee, l.fee ? l.count : l.tokens, l.cost];
    expect(lines.filter((l) => l.model === "test-large-20260101").map(brief)).toEqual([
      ["test-large-20260101", "input_cache_hit", undefined, undefined, undefined, "50000", "0.015"],
      ["test-large-20260101", "input_cache_miss", undefined, undefined, undefined, "1000", "0.003"],
      ["test-large-20260101", "input_cache_write", "5m", undefined, undefined, "2000", "0.0075"],
      ["test-large-20260101", "input_cache_write", "1h", undefined, undefined, "1000", "0.006"],
      ["test-large-20260101", "output", undefined, undefined, undefined, "500", "0.0075"],
      ["test-large-20260101", "request_fee", undefined, undefined, "search", "3", "0.03"],
      ["test-large-20260101", "input_cache_hit", undefined, "above 200000", undefined, "190000", "0.114"],
      ["test-large-20260101", "input_cache_miss", undefined, "above 200000", undefined, "5000", "0.03"],
      ["test-large-20260101", "input_cache_write", "5m", "above 200000", undefined, "4000", "0.03"],
      ["test-large-20260101", "input_cache_write", "1h", "above 200000", undefined, "6000", "0.072"],
      ["test-large-20260101", "output", undefined, "above 200000", undefined, "2000", "0.045"],
    ]);
  });

  it.each(["table", "json", "csv", "markdown", "focus", "html"])("matches the %s golden of the Claude Code log", async (format) => {
    const r = spawnCli(["usage", CLAUDE, ...CARD, "-f", format]);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`../golden/usage-v2-claude-code.${format}`);
  });

  it("prices OpenAI chat, Responses API records and response.completed events (cached and reasoning tokens)", () => {
    const out = report([OPENAI, "--strict"]);
    // chat: 1,000 hit + 2,000 miss, 400 out (100 reasoning); response: 4,000 hit + 1,000 miss, 700 out (300 reasoning);
    // event: 0 hit + 2,000 miss, 50 out. 5,000 x 0.1 + 5,000 x 1 + 1,150 x 4, per 1M = 0.0005 + 0.005 + 0.0046.
    expect(out.total).toEqual({ records: 3, tokens: { input_cache_hit: "5000", input_cache_miss: "5000", output: "1150", reasoning_in_output: "400" }, cost: "0.0101" });
    expect(out.ignored).toBe(1); // the output_text.delta event
  });

  it("keeps token sums exact beyond 2^53: 2^53 - 1 input tokens plus 2 cache-write tokens", () => {
    const big = `{"type":"message","model":"test-large","timestamp":"2026-11-01T10:00:00Z","usage":{"input_tokens":9007199254740991,"cache_creation_input_tokens":2,"output_tokens":0}}\n`;
    const dir = tempDir({ "big.jsonl": big + big.replace("10:00", "10:01") });
    const out = report([`${dir}/big.jsonl`]);
    expect(out.total.tokens.input_cache_miss).toBe("18014398509481982");
    expect(out.total.tokens.input_cache_write).toBe("4");
    // every token above the 200,000 threshold: 18,014,398,509,481,982 x 6 + 4 x 7.50, per 1M
    expect(out.total.cost).toBe("108086391056.891922");
  });

  it.each([
    ["a search before the search fee has a price", `{"type":"message","model":"deepseek-v4-pro","timestamp":"2026-10-01T10:00:00Z","usage":{"input_tokens":10,"output_tokens":1,"server_tool_use":{"web_search_requests":1}}}`, "unknown-fee"],
    ["a 1-hour write on a model that has none", `{"type":"message","model":"test-small","timestamp":"2026-11-01T10:00:00Z","usage":{"input_tokens":10,"output_tokens":1,"cache_creation":{"ephemeral_1h_input_tokens":5},"cache_creation_input_tokens":5}}`, "unknown-retention"],
    ["an unknown service tier", `{"type":"message","model":"test-large","timestamp":"2026-11-01T10:00:00Z","usage":{"input_tokens":10,"output_tokens":1,"service_tier":"flx"}}`, "unknown-service-tier"],
    ["a <synthetic> record with usage", `{"type":"assistant","timestamp":"2026-11-01T10:00:00Z","message":{"model":"<synthetic>","usage":{"input_tokens":10,"output_tokens":1}}}`, "unknown-model"],
  ])("skips %s, never pricing it at zero, and --strict exits 2", (_name, line, reason) => {
    const dir = tempDir({ "l.jsonl": `${line}\n` });
    const r = spawnCli(["usage", `${dir}/l.jsonl`, ...CARD, "-f", "json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.skipped.map((s: { reason: string; count: number }) => [s.reason, s.count])).toEqual([[reason, 1]]);
    expect(out.total.cost).toBe("0");
    expect(spawnCli(["usage", `${dir}/l.jsonl`, ...CARD, "--strict"]).code).toBe(2);
  });

  it("prices a service tier the card defines with its modifier", () => {
    const line = `{"type":"message","model":"test-large","timestamp":"2026-11-01T10:00:00Z","usage":{"input_tokens":100000,"output_tokens":0,"service_tier":"priority"}}\n`;
    const dir = tempDir({ "p.jsonl": line });
    const l = report([`${dir}/p.jsonl`]).groups[0].lines[0];
    expect([l.bucket, l.rate, l.modifiers]).toEqual(["input_cache_miss", "6", ["priority"]]);
  });
});

describe("holidays past the calendar's last known year", () => {
  it("warns once on stderr when records fall after the year the calendar knows", () => {
    const line = (t: string) => `{"model":"deepseek-v4-pro","created":${Date.parse(t) / 1000},"usage":{"prompt_tokens":10,"completion_tokens":1}}`;
    const dir = tempDir({ "y.jsonl": [line("2026-12-31T10:00:00Z"), line("2027-01-04T02:00:00Z"), line("2027-02-01T02:00:00Z")].join("\n") + "\n" });
    const r = spawnCli(["usage", `${dir}/y.jsonl`, "-f", "json"]);
    expect(r.code).toBe(0);
    const warnings = r.stderr.split("\n").filter((l) => l.includes("holidays"));
    expect(warnings).toEqual(['ratecard: warning: calendar "deepseek-peak" lists holidays up to 2026 only: on 2027-01-04 and later its holidays are unknown and weekdays are billed as ordinary days']);
    expect(spawnCli(["usage", `${dir}/y.jsonl`, "--until", "2027-01-01"]).stderr).not.toMatch(/holidays/);
  });
});
