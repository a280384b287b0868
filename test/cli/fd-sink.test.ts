// Standard output written straight to its descriptor: which descriptors qualify, whole writes, errors, and a full non-blocking pipe.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { closeSync, constants, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fdSink, surelyNotTerminal } from "../../src/cli/fd-sink.js";
import { cliCommand, ROOT, spawnCli, tempDir } from "../helpers/cli.js";

/** Runs `fn` with `path` open as a descriptor (flags as given), closing it after. */
function withFd<T>(path: string, flags: number, fn: (fd: number) => T): T {
  const fd = openSync(path, flags);
  try {
    return fn(fd);
  } finally {
    closeSync(fd);
  }
}

describe("surelyNotTerminal", () => {
  it("is true for a file, a pipe and /dev/null, false for other devices and closed descriptors", () => {
    const dir = tempDir({ "out.txt": "" });
    execFileSync("mkfifo", [join(dir, "fifo")]);
    expect(withFd(join(dir, "out.txt"), constants.O_WRONLY, surelyNotTerminal)).toBe(true);
    expect(withFd(join(dir, "fifo"), constants.O_RDWR, surelyNotTerminal)).toBe(true);
    expect(withFd("/dev/null", constants.O_WRONLY, surelyNotTerminal)).toBe(true);
    expect(withFd("/dev/full", constants.O_WRONLY, surelyNotTerminal)).toBe(false); // a device that is not /dev/null keeps Node's stream
    expect(withFd("/dev/zero", constants.O_RDONLY, surelyNotTerminal)).toBe(false);
    const closed = openSync("/dev/null", "r");
    closeSync(closed);
    expect(surelyNotTerminal(closed)).toBe(false);
  });
});

describe("fdSink", () => {
  it("writes every text whole, multi-byte characters included", () => {
    const file = join(tempDir({ "out.txt": "" }), "out.txt");
    const errors: unknown[] = [];
    withFd(file, constants.O_WRONLY, (fd) => {
      const sink = fdSink(fd, (e) => errors.push(e));
      sink.write("¥1,000 € 5\n");
      sink.write("x".repeat(300_000));
    });
    expect(errors).toEqual([]);
    expect(readFileSync(file, "utf8")).toBe(`¥1,000 € 5\n${"x".repeat(300_000)}`);
  });

  it("reports the first write error once, on a later turn, and drops later writes", async () => {
    const errors: NodeJS.ErrnoException[] = [];
    const answers = withFd("/dev/full", constants.O_WRONLY, (fd) => {
      const sink = fdSink(fd, (e) => errors.push(e));
      return [sink.write("a"), sink.write("b")];
    });
    expect(answers).toEqual([false, false]); // a streaming writer waits for a "drain" that never comes
    expect(errors).toEqual([]); // like a Node stream: the run settles its exit code first
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors.map((e) => e.code)).toEqual(["ENOSPC"]);
  });
});

/** Spawns the built CLI with plain pipes; `close` ends the parent's side of stdout or stderr at once, before the CLI writes. */
function spawnClosing(args: string[], close: "stdout" | "stderr"): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const [cmd, argv] = cliCommand(args);
  const child = spawn(cmd, argv, { cwd: ROOT, env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", TZ: "UTC" } });
  let stdout = "";
  let stderr = "";
  child[close].destroy();
  if (close !== "stdout") child.stdout.on("data", (d) => (stdout += d));
  if (close !== "stderr") child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

/** The CLI under `sh -c` with stdout made non-blocking by Debian's essential perl (Node hands children blocking stdio), piped to `reader`. */
function nonBlockingPipe(args: string[], reader: string): string {
  const nonBlocking = "use Fcntl; fcntl(STDOUT, F_SETFL, fcntl(STDOUT, F_GETFL, 0) | O_NONBLOCK) or die $!; exec @ARGV or die $!";
  const [cmd, argv] = cliCommand(args);
  const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
  return `perl -e ${quote(nonBlocking)} ${[cmd, ...argv].map(quote).join(" ")} | ${reader}`;
}

describe("standard output on a non-blocking pipe", () => {
  it("writes a text larger than the pipe in parts, waiting while it is full", { timeout: 60_000 }, () => {
    for (const args of [
      ["rates", "-f", "json", "--as-of", "2026-11-01"], // one write of about 160 KB: the pipe takes 64 KB at a time
      ["sweep", "examples/worked-example.yaml", "--vary", "calls=1..60000+1", "-f", "csv", "-m", "deepseek-v4-flash"], // many writes
    ]) {
      const expected = spawnCli(args);
      expect(expected.code).toBe(0);
      expect(expected.stdout.length).toBeGreaterThan(2 * 65536);
      const r = spawnSync("sh", ["-c", nonBlockingPipe(args, "(sleep 1; cat)")], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20, env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", TZ: "UTC" } });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(expected.stdout);
    }
  });
});

describe("write errors keep the run's verdict", () => {
  const gate = ["check", "examples/budgeted-plan.yaml", "--budget", "1", "--warn", "1"];

  it("a failed budget still exits 1 when the reader has closed the pipe", async () => {
    const r = await spawnClosing(gate, "stdout");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ratecard: check FAIL: 1 of 2 budgets failed/m);
  });

  it("a closed stderr keeps the run's exit code and all of its standard output", async () => {
    const expected = spawnCli(gate);
    expect(expected.code).toBe(1);
    const r = await spawnClosing(gate, "stderr");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(expected.stdout);
    const warned = ["estimate", "examples/worked-example.yaml", "--as-of", "2031-01-01", "-f", "csv"]; // warnings on stderr come first
    const w = await spawnClosing(warned, "stderr");
    expect(w.code).toBe(0);
    expect(w.stdout).toBe(spawnCli(warned).stdout);
  });

  it("a full disk is exit 4 even when stderr is the same file", () => {
    const dir = tempDir();
    const [cmd, argv] = cliCommand(["sweep", "examples/worked-example.yaml", "--vary", "calls=1..60000+1", "-f", "csv", "-m", "deepseek-v4-flash"]);
    // ulimit -f: writes past 1 KB fail with EFBIG, the way ENOSPC fails a full disk's regular file
    const r = spawnSync("sh", ["-c", `ulimit -f 1; exec "$@" > "${join(dir, "out")}" 2>&1`, "sh", cmd, ...argv], { cwd: ROOT, encoding: "utf8", env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", TZ: "UTC" } });
    expect(r.status).toBe(4);
    expect(readFileSync(join(dir, "out"), "utf8").length).toBeLessThanOrEqual(1024);
  });
});
