// Test helper: spawns the built CLI with time and memory limits, measuring wall time, CPU time and peak memory.

import { spawn, type StdioOptions } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ROOT } from "./cli.js";

/** What a limited run produced: exit code (null when killed), output, time and peak memory. */
export interface LimitedResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** CPU time (user + system, every thread) in ms, as last sampled before exit: the work done, whatever the machine's load. */
  cpuMs: number;
  /** Peak resident set size in MB (VmHWM, sampled every 20 ms until exit). */
  peakMb: number;
  /** Why the run was stopped: "time" or "memory"; undefined when it ended by itself. */
  killed?: "time" | "memory";
}

/** Options of a limited run. */
export interface LimitedOptions {
  cwd?: string;
  env?: Record<string, string>;
  input?: string;
  /** stdio for fd 0..2 instead of pipes (e.g. a /dev/full descriptor as stdout). */
  stdio?: StdioOptions;
  /**
   * Run without the capabilities that let root read any file (CAP_DAC_OVERRIDE and
   * CAP_DAC_READ_SEARCH), through setpriv: permission checks then apply to a root test run too.
   */
  dropDac?: boolean;
  /** Wall-clock limit in ms: a guard against runs that block (default 15,000; CPU time is what tests bound). */
  timeMs?: number;
  memMb?: number;
}

function peakOf(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** User + system CPU time of a live process in ms (/proc/PID/stat fields 14 and 15, in 1/100 s ticks). */
function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** Spawns `ratecard args` (RATECARD_BIN or node bin/ratecard.js), killing it past the time or memory limit. */
export function spawnLimited(args: string[], opts: LimitedOptions = {}): Promise<LimitedResult> {
  const bin = process.env.RATECARD_BIN && resolve(ROOT, process.env.RATECARD_BIN);
  const [exe, exeArgs] = bin ? [bin, args] : [process.execPath, [join(ROOT, "bin/ratecard.js"), ...args]];
  const [cmd, argv] = opts.dropDac ? ["setpriv", ["--bounding-set", "-dac_override,-dac_read_search", "--", exe, ...exeArgs]] : [exe, exeArgs];
  const timeMs = opts.timeMs ?? 15000;
  const memMb = opts.memMb ?? 300;
  const started = Date.now();
  const child = spawn(cmd, argv, {
    cwd: opts.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NO_COLOR: "1", TZ: "UTC", ...opts.env },
    stdio: opts.stdio ?? ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => (stdout.length < 1 << 20 ? (stdout += d) : undefined));
  child.stderr?.on("data", (d) => (stderr.length < 1 << 20 ? (stderr += d) : undefined));
  child.stdin?.on("error", () => undefined);
  if (child.stdin) child.stdin.end(opts.input ?? "");
  let peakMb = 0;
  let cpuMs = 0;
  let killed: LimitedResult["killed"];
  const watch = setInterval(() => {
    peakMb = Math.max(peakMb, peakOf(child.pid!));
    cpuMs = Math.max(cpuMs, cpuOf(child.pid!));
    if (peakMb > memMb) killed ??= "memory";
    else if (Date.now() - started > timeMs) killed ??= "time";
    if (killed) child.kill("SIGKILL");
  }, 20);
  return new Promise((done) => {
    child.on("close", (code, signal) => {
      clearInterval(watch);
      done({ code, signal, stdout, stderr, ms: Date.now() - started, cpuMs, peakMb, killed });
    });
  });
}
