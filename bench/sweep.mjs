// Bench: `ratecard sweep -f csv` over a 1,000,000-point grid vs a plain JS float loop writing the same CSV (target <= 3x).
//
// Both run as child processes in this same run, their stdout piped here and counted; the script
// prints each time, the time to the first byte, the row counts and the ratio. Run after `npm run build`:
//   node bench/sweep.mjs
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CALLS = { from: 1000, to: 1_000_000, step: 1000 };
const REPLY = { from: 1, to: 1000, step: 1 };

/** The baseline: the same grid and CSV shape, costs as JS floats (the worked example's prices). */
async function baseline() {
  const flash = { hit: 0.028, miss: 0.14, out: 0.28 };
  const pro = { hit: 0.145, miss: 1.74, out: 3.48 };
  const cost = (p, calls, reply) => (calls * (2000 * p.hit + 200 * p.miss + reply * p.out)) / 1e6;
  const write = (s) => (process.stdout.write(s) ? undefined : new Promise((r) => process.stdout.once("drain", r)));
  let buf = "calls,reply,deepseek-v4-flash,deepseek-v4-pro\r\n";
  for (let calls = CALLS.from; calls <= CALLS.to; calls += CALLS.step) {
    for (let reply = REPLY.from; reply <= REPLY.to; reply += REPLY.step) {
      buf += `${calls},${reply},${cost(flash, calls, reply)},${cost(pro, calls, reply)}\r\n`;
      if (buf.length >= 65536) {
        await write(buf);
        buf = "";
      }
    }
  }
  await write(buf);
}

/** Runs a child, counting its output; resolves with times (ms), bytes, lines and the first lines. */
function measure(args) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: "1", TZ: "UTC" }, stdio: ["ignore", "pipe", "inherit"] });
    let first = null;
    let bytes = 0;
    let lines = 0;
    let head = "";
    child.stdout.on("data", (chunk) => {
      first ??= process.hrtime.bigint();
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      if (head.length < 4000) head += chunk.toString("utf8", 0, Math.min(chunk.length, 4000));
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const end = process.hrtime.bigint();
      if (code !== 0) return reject(new Error(`${args.join(" ")} exited ${code}`));
      resolve({ ms: Number(end - start) / 1e6, firstMs: Number(first - start) / 1e6, bytes, lines, head: head.split("\r\n").slice(0, 20) });
    });
  });
}

/** The first rows must agree: same header, same points, costs equal up to float error. */
function sameRows(a, b) {
  if (a[0] !== b[0]) return false;
  for (let i = 1; i < Math.min(a.length, b.length) - 1; i++) {
    const x = a[i].split(",").map(Number);
    const y = b[i].split(",").map(Number);
    if (x.length !== y.length || x.some((v, j) => Math.abs(v - y[j]) > 1e-9 * Math.max(1, Math.abs(v)))) return false;
  }
  return true;
}

if (process.argv[2] === "--baseline") {
  await baseline();
} else {
  const rc = await measure([
    "bin/ratecard.js", "sweep", "--cached-prefix", "2000", "--miss", "200", "--reply", "300", "--as-of", "2026-04-24",
    "-m", "deepseek-v4-flash", "-m", "deepseek-v4-pro",
    "--vary", `calls=${CALLS.from}..${CALLS.to}+${CALLS.step}`, "--vary", `reply=${REPLY.from}..${REPLY.to}+${REPLY.step}`, "-f", "csv",
  ]);
  const js = await measure([fileURLToPath(import.meta.url), "--baseline"]);
  const f = (n) => n.toFixed(0).padStart(6);
  console.log(`grid: ${(rc.lines - 1).toLocaleString("en-US")} points (calls ${CALLS.from}..${CALLS.to}+${CALLS.step} x reply ${REPLY.from}..${REPLY.to}+${REPLY.step}), 2 models`);
  console.log(`ratecard sweep -f csv (exact): ${f(rc.ms)} ms, first byte after ${f(rc.firstMs)} ms, ${rc.bytes} bytes, ${rc.lines} lines`);
  console.log(`plain JS float loop:           ${f(js.ms)} ms, first byte after ${f(js.firstMs)} ms, ${js.bytes} bytes, ${js.lines} lines`);
  console.log(`same rows (first lines compared): ${sameRows(rc.head, js.head) ? "yes" : "NO"}; same row count: ${rc.lines === js.lines ? "yes" : "NO"}`);
  console.log(`ratio: ${(rc.ms / js.ms).toFixed(2)}x (target <= 3x)`);
}
