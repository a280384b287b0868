// Goldens: --help of every command, and every format of solve, tokens and sweep.
import { describe, expect, it } from "vitest";
import { spawnCli, tempDir } from "../helpers/cli.js";

const COMMANDS = ["estimate", "rates", "check", "diff", "sweep", "solve", "tokens", "usage", "import", "completion"];
const EXT: Record<string, string> = { table: "txt", json: "json", csv: "csv", markdown: "md" };

describe("--help (golden)", () => {
  it("ratecard --help", async () => {
    const r = spawnCli(["--help"]);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot("../golden/help.txt");
  });

  it.each(COMMANDS)("ratecard %s --help", async (cmd) => {
    const r = spawnCli([cmd, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    await expect(r.stdout).toMatchFileSnapshot(`../golden/help-${cmd}.txt`);
  });
});

describe("solve (golden)", () => {
  // $100 on V4-Flash at the launch prices, per call 2,000 x 0.028 + 200 x 0.14 + 300 x 0.28 = 168 per 1M calls:
  // 595,238 calls cost $99.999984, one more $100.000152
  const args = ["solve", "examples/worked-example.yaml", "--budget", "100", "--for", "calls"];
  it.each(["table", "json", "csv", "markdown"])("%s", async (format) => {
    const r = spawnCli([...args, "-f", format]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(format === "json" || format === "csv" ? "595238" : "595,238");
    await expect(r.stdout).toMatchFileSnapshot(`../golden/solve.${EXT[format]}`);
  });
});

describe("tokens (golden)", () => {
  const dir = tempDir({ "hello.txt": "Hello, world!", "fox.txt": "The quick brown fox jumps over the lazy dog." });
  it.each(["table", "json", "csv", "markdown"])("%s", async (format) => {
    const r = spawnCli(["tokens", "hello.txt", "fox.txt", "-f", format], { cwd: dir });
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`../golden/tokens.${EXT[format]}`);
  });
});

describe("sweep (golden)", () => {
  const args = ["sweep", "examples/worked-example.yaml", "--vary", "reply=0..4000+1000"];
  it.each(["table", "json", "csv", "markdown"])("%s", async (format) => {
    const r = spawnCli([...args, "-f", format]);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`../golden/sweep.${EXT[format]}`);
  });
});

describe("counts", () => {
  it("carry thousands separators in headlines and count columns", () => {
    const r = spawnCli(["sweep", "examples/worked-example.yaml", "--vary", "reply=0..1000+1", "-f", "markdown"]);
    expect(r.stdout).toContain("· 1,001 points ·");
  });
});
