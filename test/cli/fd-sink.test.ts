// Standard output written straight to its descriptor: which descriptors qualify, whole writes, errors, and a full non-blocking pipe.
import { spawn } from "node:child_process";
import { closeSync, constants, openSync, readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
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

  it("reports the first write error once and drops later writes", () => {
    const errors: NodeJS.ErrnoException[] = [];
    withFd("/dev/full", constants.O_WRONLY, (fd) => {
      const sink = fdSink(fd, (e) => errors.push(e));
      sink.write("a");
      sink.write("b");
    });
    expect(errors.map((e) => e.code)).toEqual(["ENOSPC"]);
  });
});

describe("standard output on a non-blocking pipe", () => {
  it("waits while the pipe is full and delivers the whole output", { timeout: 60_000 }, async () => {
    const args = ["sweep", "examples/worked-example.yaml", "--vary", "calls=1..60000+1", "-f", "csv", "-m", "deepseek-v4-flash"];
    const expected = spawnCli(args);
    expect(expected.code).toBe(0);
    expect(expected.stdout.length).toBeGreaterThan(8 * 65536); // many times a pipe's buffer

    // Node hands a child blocking stdio; Debian's essential perl turns stdout non-blocking, as a
    // parent outside Node may leave it, then becomes the CLI.
    const nonBlocking = "use Fcntl; fcntl(STDOUT, F_SETFL, fcntl(STDOUT, F_GETFL, 0) | O_NONBLOCK) or die $!; exec @ARGV or die $!";
    const [cmd, argv] = cliCommand(args);
    const child = spawn("perl", ["-e", nonBlocking, cmd, ...argv], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", TZ: "UTC" } });
    const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const chunks: Buffer[] = [];
    child.stdout.pause(); // a slow reader: the pipe fills and the CLI's writes meet EAGAIN
    await sleep(500);
    child.stdout.on("data", (d: Buffer) => chunks.push(d));
    child.stdout.resume();
    const code = await closed;
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(expected.stdout);
  });
});
