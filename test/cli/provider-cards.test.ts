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
