// End to end: `ratecard tokens` on files and stdin, and `{ file: }` token fields in estimate.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawnCli, tempDir } from "../helpers/cli.js";

describe("ratecard tokens", () => {
  const dir = tempDir({ "hello.txt": "Hello, world!", "fox.txt": "The quick brown fox jumps over the lazy dog.", "empty.txt": "" });

  it("counts each file and the total, and says where the counts come from", () => {
    const r = spawnCli(["tokens", "hello.txt", "fox.txt", "empty.txt"], { cwd: dir });
    expect(r.code).toBe(0);
    // "Hello" "," " world" "!" is 4 tokens; the pangram is 9 words and a full stop, 10 tokens.
    expect(r.stdout).toContain("│ hello.txt │      4 │");
    expect(r.stdout).toContain("│ fox.txt   │     10 │");
    expect(r.stdout).toContain("│ empty.txt │      0 │");
    expect(r.stdout).toContain("│ total     │     14 │");
    expect(r.stdout).toContain("DeepSeek V3 tokenizer");
    expect(r.stdout).toContain("an approximation for V4");
  });

  it("reads standard input for - and prints JSON for scripts", () => {
    const r = spawnCli(["tokens", "-", "hello.txt", "-f", "json"], { cwd: dir, input: "Hello, world!Hello, world!" });
    const json = JSON.parse(r.stdout);
    expect(json.files).toEqual([
      { file: "-", tokens: expect.any(String) },
      { file: "hello.txt", tokens: "4" },
    ]);
    expect(Number(json.total)).toBe(Number(json.files[0].tokens) + 4);
    expect(json).toMatchObject({ schema_version: 1, tokenizer: "deepseek-v3" });
  });

  it("fails clearly on a missing file", () => {
    const r = spawnCli(["tokens", "nope.txt"], { cwd: dir });
    expect(r.stderr).toBe("ratecard: error: nope.txt: no such file (check the path)\n");
    expect(r.code).toBe(2);
  });

  it("prices { file: } token fields with the same counts, and says so in the report", () => {
    writeFileSync(join(dir, "plan.yaml"), "as_of: 2026-04-24\nmodels: [deepseek-v4-flash]\ncalls: 1M\ncached_prefix: { file: fox.txt }\nmiss: { file: hello.txt }\nreply: 300\n");
    const byFile = JSON.parse(spawnCli(["estimate", "plan.yaml", "-f", "json"], { cwd: dir }).stdout);
    const byCount = JSON.parse(spawnCli(["estimate", "--calls", "1M", "--cached-prefix", "10", "--miss", "4", "--reply", "300", "--as-of", "2026-04-24", "-m", "deepseek-v4-flash", "-f", "json"]).stdout);
    expect(byFile.estimates[0].total).toBe(byCount.estimates[0].total);
    expect(byFile.estimates[0].items[0].token_files).toEqual([
      { field: "cached_prefix", file: "fox.txt", tokens: "10", tokenizer: "deepseek-v3" },
      { field: "miss", file: "hello.txt", tokens: "4", tokenizer: "deepseek-v3" },
    ]);
    const table = spawnCli(["estimate", "plan.yaml"], { cwd: dir }).stdout;
    expect(table).toContain("miss = 4 tokens of hello.txt, counted by the DeepSeek V3 tokenizer (an approximation for V4)");
  });
});
