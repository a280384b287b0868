// End to end: the built-in Anthropic, OpenAI and Google cards from the command line: names, defaults, marks, staleness per card.
import { describe, expect, it } from "vitest";
import { spawnCli } from "../helpers/cli.js";

const WORK = ["--calls", "1M", "--cached-prefix", "2000", "--miss", "200", "--reply", "300"];

describe("built-in provider cards", () => {
  it("keeps pricing only the DeepSeek models when no model is named", () => {
    const r = spawnCli(["estimate", ...WORK, "--as-of", "2026-12-01", "-f", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).estimates.map((e: { model: string }) => e.model)).toEqual(["deepseek-flash", "deepseek-v4-pro"]);
  });

  it("prices other providers' models by bare, qualified and snapshot id, cheapest first, reported prices marked", () => {
    const r = spawnCli(["estimate", ...WORK, "--as-of", "2026-12-01", "-m", "openai/gpt-6.2-sol,claude-sonnet-5-5,google/gemini-4-argon", "-f", "json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout).estimates.map((e: { model: string; total: string; confidence: string }) => [e.model, e.total, e.confidence]);
    // 2e9 x hit + 2e8 x miss + 3e8 x output per 1M
    expect(rows).toEqual([
      ["openai/gpt-6.2-sol", "3600", "reported"], // 0.10 / 2 / 10, release date reported
      ["claude-sonnet-5-5", "3600", "official"], // 0.10 / 2 / 10 from 2026-10-07
      ["google/gemini-4-argon", "7200", "reported"], // 0.20 / 4 / 20 from 2026-12-01
    ]);
    const top = spawnCli(["estimate", ...WORK, "--as-of", "2026-12-01", "-m", "gemini-4-argon,claude-opus-4-5-20251101,deepseek-v4-pro", "--top", "2", "-f", "json"]);
    expect(JSON.parse(top.stdout).estimates.map((e: { model: string }) => e.model)).toEqual(["deepseek-v4-pro", "gemini-4-argon"]); // 7,200 < Opus 4.5: 1,000 + 1,000 + 7,500
  });

  it("warns about a stale card only for the cards the estimate used", () => {
    const r = spawnCli(["estimate", ...WORK, "--as-of", "2027-03-01", "-m", "claude-opus-5"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "ratecard: warning: rates/anthropic.yaml: prices last checked 2026-12-01, 90 days before 2027-03-01; check them at https://platform.claude.com/docs/en/about-claude/pricing and update the card\n",
    );
  });

  it("fails in one line with exit 2 on a retired or an unknown name", () => {
    const retired = spawnCli(["estimate", ...WORK, "--as-of", "2026-10-01", "-m", "gemini-2.0-flash-001"]);
    expect(retired.code).toBe(2);
    expect(retired.stderr).toBe('ratecard: error: model "gemini-2.0-flash" was retired at 2026-06-01; use "gemini-2.5-flash" instead (price it with --as-of before 2026-06-01, or pick another model)\n');
    const unknown = spawnCli(["estimate", ...WORK, "-m", "anthropic/claude-sonet-5-5"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('ratecard: error: unknown model "anthropic/claude-sonet-5-5" (did you mean "anthropic/claude-sonnet-5-5" or "anthropic/claude-sonnet-4-5"?)\n');
  });

  it("lists one provider's models, narrowed by a search", () => {
    const r = spawnCli(["rates", "--provider", "openai", "--search", "6.2", "--as-of", "2026-12-01", "-f", "json"]);
    expect(r.code).toBe(0);
    expect([...new Set(JSON.parse(r.stdout).models.map((m: { model: string }) => m.model))]).toEqual(["gpt-6.2-astra", "gpt-6.2-sol"]);
  });
});

describe("usage with the built-in Anthropic card", () => {
  const line = (ts: string, req: string, model: string, u: object) =>
    JSON.stringify({ type: "assistant", timestamp: ts, requestId: req, message: { id: `msg_${req}`, model, usage: u } });
  const log = [
    line("2025-12-01T10:00:00.000Z", "r1", "claude-sonnet-4-5-20250929", { input_tokens: 100, cache_read_input_tokens: 20000, cache_creation_input_tokens: 1000, output_tokens: 500 }),
    line("2025-12-01T10:00:01.000Z", "r1", "claude-sonnet-4-5-20250929", { input_tokens: 100, cache_read_input_tokens: 20000, cache_creation_input_tokens: 1000, output_tokens: 500 }),
    line("2026-01-15T09:00:00.000Z", "r2", "claude-opus-4-5-20251101", { input_tokens: 50, cache_read_input_tokens: 100000, cache_creation_input_tokens: 2000, output_tokens: 1000 }),
    line("2026-11-02T08:00:00.000Z", "r3", "claude-haiku-4-5-20251001", { input_tokens: 10, output_tokens: 10 }),
    line("2026-12-01T08:00:00.000Z", "r4", "claude-sonnet-4-5-20250929", { input_tokens: 10, output_tokens: 10 }),
  ].join("\n") + "\n";

  it("prices Claude Code logs by snapshot id at each record's instant, cache writes at the write price", () => {
    const r = spawnCli(["usage", "-", "--by", "model", "-f", "json"], { input: log });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    // Sonnet 4.5: 20000 x 0.30 + 100 x 3 + 1000 x 3.75 + 500 x 15 = 0.006 + 0.0003 + 0.00375 + 0.0075 = 0.01755 (the repeat counts once)
    // Opus 4.5: 100000 x 0.50 + 50 x 5 + 2000 x 6.25 + 1000 x 25 = 0.05 + 0.00025 + 0.0125 + 0.025 = 0.08775
    // Haiku 4.5: 10 x 1 + 10 x 5 = 0.00006; Sonnet 4.5 on 2026-12-01 is retired: skipped, never $0
    expect(doc.total.cost).toBe("0.10536");
    expect(doc.groups.map((g: { key: { model: string }; cost: string }) => [g.key.model, g.cost])).toEqual([
      ["claude-haiku-4-5-20251001", "0.00006"],
      ["claude-opus-4-5-20251101", "0.08775"],
      ["claude-sonnet-4-5-20250929", "0.01755"],
    ]);
    const writes = doc.groups.flatMap((g: { lines: { bucket: string; tokens: string; rate: string }[] }) => g.lines.filter((l) => l.bucket === "input_cache_write"));
    expect(writes.map((l: { tokens: string; rate: string }) => [l.tokens, l.rate])).toEqual([["2000", "6.25"], ["1000", "3.75"]]);
    expect(doc.skipped.map((s: { reason: string; count: number }) => [s.reason, s.count])).toEqual([["retired-model", 1]]);
  });
});
