// `ratecard import litellm FILE`: a card on stdout that ratecard loads, warnings on stderr, clear failures.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, spawnCli, tempDir } from "../helpers/cli.js";

const FIXTURE = "test/fixtures/litellm/model_prices_and_context_window.json";

describe("import litellm", () => {
  const r = spawnCli(["import", "litellm", FIXTURE, "--from", "2026-04-24"]);

  it("prints a rate card and warns about the model without a cache-hit price", () => {
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Converted by `ratecard import litellm`/);
    expect(r.stdout).toContain("  deepseek/deepseek-reasoner:\n    note: \"LiteLLM provider deepseek, mode chat\"\n    versions:\n      - from: 2026-04-24\n        input_cache_hit: 0.14\n        input_cache_miss: 0.55\n        output: 2.19\n");
    expect(r.stderr).toBe(
      'ratecard: warning: "gemini/gemini-2.5-pro": the tier above 200000 tokens lacks cache_read_input_token_cost (flagged in the card)\n' +
        'ratecard: warning: "mistral/mistral-small-latest" has no cache_read_input_token_cost: its cache hits are priced as cache misses (flagged in the card)\n',
    );
  });

  it("gives a card `estimate --rates` prices with (reference workload on the imported reasoner)", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "litellm.yaml"), r.stdout);
    const est = spawnCli(["estimate", "--rates", "litellm.yaml", "-m", "litellm/deepseek/deepseek-reasoner", "--calls", "1M", "--cached-prefix", "2000", "--miss", "200", "--reply", "300", "--as-of", "2026-05-01", "-f", "json"], { cwd: dir });
    expect(est.stderr).toBe("");
    // 2e9 x 0.14 + 2e8 x 0.55 + 3e8 x 2.19 per 1M = 280 + 110 + 657 = 1047
    expect(JSON.parse(est.stdout).estimates[0].total).toBe("1047");
  });

  it("keeps only --provider models", () => {
    const only = spawnCli(["import", "litellm", FIXTURE, "--from", "2026-04-24", "--provider", "openai"]);
    expect(only.stdout.match(/^ {2}\S.*:$/gm)).toEqual(["  gpt-4o:", '  "ft:gpt-4o-mini-2024-07-18":']);
    expect(only.stderr).toBe("");
  });

  it("dates the prices today (UTC) by default", async () => {
    const today = await runCli(["import", "litellm", FIXTURE], { now: Date.parse("2026-11-29T23:30:00Z") });
    expect(today.stdout).toContain("checked: 2026-11-29\n");
    expect(today.stdout.match(/- from: 2026-11-29\n/g)).toHaveLength(8);
  });

  it("fails with exit 2 on a bad --from, an unknown format, a missing file and bad JSON (at the second comma)", () => {
    const from = spawnCli(["import", "litellm", FIXTURE, "--from", "2026-02-30"]);
    expect(from.code).toBe(2);
    expect(from.stderr).toMatch(/^ratecard: error: --from: "2026-02-30" is not a real date/);
    expect(spawnCli(["import", "openrouter", FIXTURE]).code).toBe(2);
    const missing = spawnCli(["import", "litellm", "nope.json"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("ratecard: error: nope.json: no such file (check the path)\n");
    const dir = tempDir({ "bad.json": '{\n  "m": {\n    "input_cost_per_token": 1e-6,,\n  }\n}\n' });
    const bad = spawnCli(["import", "litellm", "bad.json"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^ratecard: error: bad\.json:3:34: not valid JSON: Expected double-quoted property name/);
    expect(bad.stdout).toBe("");
  });
});
