// Test helpers: spawn the built CLI (or the binary in RATECARD_BIN) and run it in-process.

import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { run } from "../../src/cli/run.js";

/** The repository root. */
export const ROOT = resolve(__dirname, "../..");

/** What a CLI run produced. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The command and arguments that run the built CLI: RATECARD_BIN (relative to the repository) when set, else `node bin/ratecard.js`. */
export function cliCommand(args: string[]): [string, string[]] {
  const bin = process.env.RATECARD_BIN && resolve(ROOT, process.env.RATECARD_BIN);
  return bin ? [bin, args] : [process.execPath, [join(ROOT, "bin/ratecard.js"), ...args]];
}

/**
 * Spawns the built CLI with NO_COLOR and TZ=UTC. RATECARD_BIN picks another executable (the
 * single-file build); by default it is `node bin/ratecard.js`.
 */
export function spawnCli(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliResult {
  const [cmd, argv] = cliCommand(args);
  const r = spawnSync(cmd, argv, {
    cwd: opts.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NO_COLOR: "1", TZ: "UTC", ...opts.env },
    input: opts.input ?? "",
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024, // exports of every built-in card run past the 1 MB default
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Spawns the built CLI (or RATECARD_BIN) on a real pseudo-terminal `cols` wide, through util-linux
 * `script` (Debian's essential bsdutils): stdout is a TTY, as at a user's prompt. Its output,
 * stdout and stderr merged as a terminal shows them, with CRLF turned back into LF.
 */
export function spawnTty(args: string[], opts: { cols: number; env?: Record<string, string> }): CliResult {
  const [cmd, rest] = cliCommand(args);
  const quoted = [cmd, ...rest].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
  const r = spawnSync("script", ["-qec", `stty cols ${opts.cols} rows 50; exec ${quoted}`, "/dev/null"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", TERM: "xterm", TZ: "UTC", ...opts.env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout.replace(/\r\n/g, "\n"), stderr: r.stderr };
}

/** Runs the CLI in-process with an injected clock (ms since epoch) and captured streams. */
export async function runCli(args: string[], opts: { now?: number; env?: Record<string, string>; cwd?: string; tty?: boolean } = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => (stderr += s) },
    env: opts.env ?? {},
    now: () => opts.now ?? Date.parse("2026-11-29T12:00:00Z"),
    cwd: opts.cwd ?? ROOT,
  });
  return { code, stdout, stderr };
}

/** A fresh temp folder with the given files written into it. */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "ratecard-test-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
