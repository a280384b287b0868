// `ratecard completion bash|zsh|fish`: scripts that complete commands, flags, formats and the cards' model ids.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT, spawnCli, tempDir } from "../helpers/cli.js";

/** Every model id and snapshot id of the built-in cards, read from their YAML (no built-in id is defined twice). */
const BUILTIN_MODELS = ["deepseek", "anthropic", "openai", "google"].flatMap((p) => {
  const card = parse(readFileSync(join(ROOT, `rates/${p}.yaml`), "utf8")) as { models: Record<string, { snapshots?: string[] }> };
  return Object.entries(card.models).flatMap(([id, m]) => [id, ...(m.snapshots ?? [])]);
}).sort();
const CARD = "currency: USD\nmodels:\n  acme-large:\n    versions:\n      - from: 2026-01-01\n        input_cache_hit: 0.1\n        input_cache_miss: 1\n        output: 2\n";

/** Sources the bash script and asks it to complete `words` (the last one is being typed). */
function bashComplete(script: string, words: string[], cwd?: string): string[] {
  const driver = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _ratecard; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync("bash", ["--norc", "-c", driver], { encoding: "utf8", cwd });
  expect(r.stderr).toBe("");
  return r.stdout.split("\n").filter(Boolean).sort();
}

describe("completion bash", () => {
  const r = spawnCli(["completion", "bash"]);

  it("prints a script that registers a completion function", () => {
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^complete -o default -o filenames -F _ratecard ratecard$/m);
    expect(spawnSync("bash", ["-n"], { input: r.stdout }).status).toBe(0);
  });

  it("completes commands, flags, formats and model ids", () => {
    // every registered command (more may come), and nothing that is not one
    const commands = bashComplete(r.stdout, ["ratecard", ""]);
    expect(commands).toEqual(expect.arrayContaining(["completion", "estimate", "help", "import", "rates"]));
    expect(commands.filter((c) => !/^[a-z]+$/.test(c))).toEqual([]);
    expect(bashComplete(r.stdout, ["ratecard", "est"])).toEqual(["estimate"]);
    expect(bashComplete(r.stdout, ["ratecard", "estimate", "--cach"])).toEqual(["--cache-hit-rate", "--cache-write", "--cached-prefix"]); // the hidden --cache-write-by-retention is not offered
    expect(bashComplete(r.stdout, ["ratecard", "estimate", "-f", ""])).toEqual(["csv", "html", "json", "markdown", "table"]);
    expect(bashComplete(r.stdout, ["ratecard", "estimate", "--model", "deepseek-v4"])).toEqual(["deepseek-v4-flash", "deepseek-v4-flash-vision-exp", "deepseek-v4-pro"]);
    expect(bashComplete(r.stdout, ["ratecard", "rates", "--history", ""])).toEqual(BUILTIN_MODELS);
    expect(bashComplete(r.stdout, ["ratecard", "completion", "z"])).toEqual(["zsh"]);
  });

  it("completes file names for a workload file, and each argument by its position", () => {
    const dir = tempDir({ "plan.yaml": "calls: 1\n", "prices.json": "{}", "other.txt": "" });
    expect(bashComplete(r.stdout, ["ratecard", "estimate", "pl"], dir)).toEqual(["plan.yaml"]);
    expect(bashComplete(r.stdout, ["ratecard", "import", ""], dir)).toEqual(["litellm"]);
    expect(bashComplete(r.stdout, ["ratecard", "import", "--from", "2026-01-01", "litellm", "pr"], dir)).toEqual(["prices.json"]);
  });

  it("includes model ids from --rates and RATECARD_RATES cards", () => {
    const dir = tempDir({ "acme.yaml": CARD, "beta.yaml": CARD.replace("acme-large", "beta-small") });
    const withFlag = spawnCli(["completion", "bash", "--rates", "acme.yaml"], { cwd: dir });
    expect(bashComplete(withFlag.stdout, ["ratecard", "estimate", "-m", "acme"])).toEqual(["acme-large"]);
    const withEnv = spawnCli(["completion", "bash"], { cwd: dir, env: { RATECARD_RATES: "beta.yaml" } });
    expect(bashComplete(withEnv.stdout, ["ratecard", "rates", "b"])).toEqual(["beta-small"]);
  });
});

describe("completion zsh and fish", () => {
  it("writes a zsh function with _arguments specs per command", () => {
    const r = spawnCli(["completion", "zsh"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("#compdef ratecard");
    expect(r.stdout).toContain(`local -a models=(${BUILTIN_MODELS.map((m) => `'${m}'`).join(" ")})`);
    expect(r.stdout).toMatch(/^ {8}estimate\)$/m);
    expect(r.stdout).toContain(`'*'{-f,--format}'[output format]:format:(table json csv markdown html)'`);
    expect(r.stdout).toContain(`'*'{-m,--model}'[model to price (repeatable or comma-separated; default: the plan'\\''s models, else every current model)]:model:($models)'`);
    expect(r.stdout).toContain(`'1:shell:(bash zsh fish)'`);
    expect(r.stdout).toContain(`'1:format:(litellm)' \\\n            '2:file:_files' ;;`);
    expect(r.stdout).toContain(`'*:model:($models)'`);
  });

  it("writes fish complete lines for commands, flags, formats and models", () => {
    const r = spawnCli(["completion", "fish"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    for (const c of ["estimate", "rates", "import", "completion"]) {
      expect(lines.some((l) => l.startsWith("complete -c ratecard -n 'not __fish_seen_subcommand_from ") && l.includes(`-a '${c}'`))).toBe(true);
    }
    expect(lines).toContain(
      "complete -c ratecard -n '__fish_seen_subcommand_from estimate' -s f -l format -x -a 'table json csv markdown html' -d 'output format'",
    );
    expect(lines).toContain(`complete -c ratecard -n '__fish_seen_subcommand_from rates' -x -a '${BUILTIN_MODELS.join(" ")}'`);
  });

  it("rejects an unknown shell with exit 2", () => {
    const r = spawnCli(["completion", "powershell"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ratecard: error: .*powershell.*bash, zsh, fish/);
  });
});
