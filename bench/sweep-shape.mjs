// Bench: `ratecard sweep -f csv` on a 2,000 x 500 grid vs a 1,000 x 1,000 grid (same 1M points; target: within 1.1x).
//
// Both shapes run as child processes in this same run, alternating, and the medians are compared:
// the cost of a row must not depend on the grid's shape. Run after `npm run build`:
//   node bench/sweep-shape.mjs [runs]
import { median, timed } from "./lib.mjs";

const RUNS = Number(process.argv[2] ?? 5);
const BASE = ["bin/ratecard.js", "sweep", "--cached-prefix", "2000", "--miss", "200", "--reply", "300", "--as-of", "2026-04-24", "-m", "deepseek-v4-flash", "-m", "deepseek-v4-pro", "-f", "csv"];
const SHAPES = {
  "1,000 x 1,000": ["--vary", "calls=1000..1000000+1000", "--vary", "reply=1..1000+1"],
  "2,000 x 500": ["--vary", "calls=1000..2000000+1000", "--vary", "reply=1..500+1"],
};

/** Runs the CLI once; resolves with the wall time (ms) and the number of lines written. */
async function time(args) {
  let lines = 0;
  const onStdout = (chunk) => {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  };
  const r = await timed([...BASE, ...args], { onStdout });
  return { ms: r.ms, lines };
}

const times = Object.fromEntries(Object.keys(SHAPES).map((k) => [k, []]));
const lines = {};
for (let r = 0; r < RUNS; r++) {
  for (const [name, args] of Object.entries(SHAPES)) {
    const t = await time(args);
    times[name].push(t.ms);
    lines[name] = t.lines;
  }
}
const [a, b] = Object.keys(SHAPES).map((k) => median(times[k]));
for (const k of Object.keys(SHAPES)) console.log(`${k.padEnd(14)} ${median(times[k]).toFixed(0).padStart(6)} ms median of ${RUNS} (${lines[k] - 1} rows)`);
console.log(`ratio 2,000 x 500 / 1,000 x 1,000: ${(b / a).toFixed(2)}x (target <= 1.1x)`);
