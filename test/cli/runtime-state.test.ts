// Each run reads its world when it runs: colour env, limits, clock, time zone, cwd (also against the single executable: RATECARD_BIN).
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, spawnCli, spawnTty, tempDir } from "../helpers/cli.js";

const EXAMPLE = join(ROOT, "examples/worked-example.yaml");
const ESC = "\u001b[";

describe("state read at run time, never built in", () => {
  it("colours only when FORCE_COLOR asks and NO_COLOR does not forbid it", () => {
    const forced = spawnCli(["estimate", EXAMPLE], { env: { NO_COLOR: "", FORCE_COLOR: "1" } });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`${ESC}1m`);
    const both = spawnCli(["estimate", EXAMPLE], { env: { NO_COLOR: "1", FORCE_COLOR: "1" } });
    expect(both.stdout).not.toContain(ESC);
    const off = spawnCli(["estimate", EXAMPLE], { env: { NO_COLOR: "", FORCE_COLOR: "0" } });
    expect(off.stdout).not.toContain(ESC);
    const piped = spawnCli(["estimate", EXAMPLE], { env: { NO_COLOR: "" } }); // not a terminal
    expect(piped.stdout).not.toContain(ESC);
    expect(both.stdout).toBe(off.stdout);
    expect(forced.stdout.replace(/\u001b\[[0-9;]*m/g, "")).toBe(off.stdout);
  });

  it("on a real terminal: colour unless NO_COLOR, and tables sized to the terminal's width", () => {
    const args = ["rates", "--provider", "deepseek", "--as-of", "2026-09-20"];
    const wide = spawnTty(args, { cols: 200 });
    expect(wide.code).toBe(0);
    expect(wide.stdout).toContain(ESC); // a terminal gets colour without asking
    expect(wide.stdout).toContain("┌"); // and the full table where it fits
    const plain = spawnTty(args, { cols: 200, env: { NO_COLOR: "1" } });
    expect(plain.stdout).not.toContain(ESC);
    expect(plain.stdout).toBe(wide.stdout.replace(/\u001b\[[0-9;]*m/g, ""));
    const narrow = spawnTty(args, { cols: 60, env: { NO_COLOR: "1" } });
    expect(narrow.code).toBe(0);
    expect(narrow.stdout).not.toContain("┌"); // rows stack on a narrow terminal
    expect(narrow.stdout).toContain("deepseek-v4-pro");
    expect(narrow.stdout.split("\n").filter((l) => [...l].length > 60)).toEqual([]);
  });

  it("honours a RATECARD_MAX_* limit from this run's environment", () => {
    expect(spawnCli(["estimate", EXAMPLE]).code).toBe(0);
    const limited = spawnCli(["estimate", EXAMPLE], { env: { RATECARD_MAX_YAML_BYTES: "100" } });
    expect(limited.code).toBe(2);
    expect(limited.stderr).toContain("larger than the 100 bytes limit for a YAML file");
    expect(limited.stderr).toContain("RATECARD_MAX_YAML_BYTES");
  });

  it("takes 'now' from the clock at run time", () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const r = spawnCli(["rates", "deepseek-v4-flash"]);
    const after = Date.now();
    expect(r.code).toBe(0);
    const m = /^rates as of (\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) UTC/.exec(r.stdout);
    expect(m, r.stdout.split("\n")[0]).not.toBeNull();
    const shown = Date.parse(`${m![1]}T${m![2]}Z`);
    expect(shown).toBeGreaterThanOrEqual(before);
    expect(shown).toBeLessThanOrEqual(after);
  });

  it("prints the same figures and instants in any time zone (every instant is UTC)", () => {
    const args = ["rates", "deepseek-v4-flash", "--as-of", "2026-05-01T12:00Z"];
    const utc = spawnCli(args);
    expect(utc.code).toBe(0);
    expect(utc.stdout).toContain("2026-05-01 12:00");
    for (const TZ of ["Asia/Kolkata", "America/Los_Angeles", "Pacific/Chatham"]) {
      expect(spawnCli(args, { env: { TZ } }).stdout).toBe(utc.stdout);
      expect(spawnCli(["estimate", EXAMPLE], { env: { TZ } }).stdout).toBe(spawnCli(["estimate", EXAMPLE]).stdout);
    }
  });

  it("resolves relative paths against the working directory it is started in", () => {
    const dir = tempDir();
    copyFileSync(EXAMPLE, join(dir, "here.yaml"));
    const there = spawnCli(["estimate", "here.yaml"], { cwd: dir });
    expect(there.code).toBe(0);
    expect(there.stdout).toContain("$1,682.00");
    const elsewhere = spawnCli(["estimate", "here.yaml"], { cwd: ROOT });
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toContain("here.yaml");
  });
});
