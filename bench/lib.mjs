// Shared by the benches: a node child run under bench/rss.cjs (wall time, CPU time, peak RSS), and the median.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root (children run there). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Runs `node [...node] -r bench/rss.cjs ...args` in ROOT with NO_COLOR=1 and TZ=UTC; rejects when it
 * exits non-zero. Resolves with wall ms, CPU ms (user + system), peak RSS in MB, and stdout as text,
 * or, when `onStdout` is given, each chunk handed to it instead (to count output without keeping it).
 * @param {string[]} args
 * @param {{ node?: string[], onStdout?: (chunk: Buffer) => void }} [opts]
 * @returns {Promise<{ ms: number, cpuMs: number, rssMb: number, stdout: string }>}
 */
export function timed(args, { node = [], onStdout } = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [...node, "-r", join(ROOT, "bench/rss.cjs"), ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1", TZ: "UTC" }, stdio: ["ignore", "pipe", "pipe"] });
    const out = [];
    let err = "";
    child.stdout.on("data", onStdout ?? ((c) => out.push(c)));
    child.stderr.on("data", (c) => (err += c));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0) return reject(new Error(`${args.join(" ").slice(0, 200)} exited ${code}: ${err}`));
      const m = /maxrss_kb=(\d+) cpu_us=(\d+)/.exec(err);
      if (!m) return reject(new Error(`no figures from bench/rss.cjs on stderr: ${err.slice(-200)}`));
      resolve({ ms, cpuMs: Number(m[2]) / 1000, rssMb: Number(m[1]) / 1024, stdout: Buffer.concat(out).toString("utf8") });
    });
  });
}

/** The median: the middle value, or the mean of the two middle values of an even count. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
