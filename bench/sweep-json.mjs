// Bench: peak memory of `ratecard sweep -f json` vs `-f csv` (which streams) on the same grid (target: JSON flat like CSV).
//
// Both run as child processes in this same run with bench/rss.cjs preloaded (it reports peak RSS);
// their stdout is counted, not kept. Two grid sizes show whether memory grows with the rows.
// Run after `npm run build`:   node bench/sweep-json.mjs [points in millions, default 1]
import { timed } from "./lib.mjs";

const MILLIONS = Number(process.argv[2] ?? 1);
const BASE = ["sweep", "--cached-prefix", "2000", "--miss", "200", "--reply", "300", "--as-of", "2026-04-24", "-m", "deepseek-v4-flash", "-m", "deepseek-v4-pro"];

/** Runs the CLI under bench/rss.cjs; resolves with wall ms, peak RSS (MB), bytes written and the output's last 4 KiB. */
async function run(format, calls) {
  let bytes = 0;
  let tail = "";
  const onStdout = (c) => {
    bytes += c.length;
    tail = (tail + c.toString("latin1")).slice(-4096);
  };
  const r = await timed(["bin/ratecard.js", ...BASE, "--vary", `calls=1000..${calls * 1000}+1000`, "--vary", "reply=1..1000+1", "-f", format], { onStdout });
  return { ms: r.ms, mb: r.rssMb, bytes, tail };
}

/** Throws unless the JSON ends as streamSweepJson ends it: the rows, then `gaps` and `warnings`, both empty here. */
function checkEnd(tail) {
  const close = "\n  ],\n"; // the end of the rows array
  const at = tail.lastIndexOf(close + '  "gaps": ');
  let end;
  try {
    end = at < 0 ? undefined : JSON.parse("{" + tail.slice(at + close.length));
  } catch {}
  const ok = end && Object.keys(end).join() === "gaps,warnings" && end.gaps.length === 0 && end.warnings.length === 0;
  if (!ok) throw new Error(`unexpected JSON end: ${tail.slice(-200)}`);
}

const rows = [];
for (const calls of [100 * MILLIONS, 1000 * MILLIONS]) {
  const csv = await run("csv", calls);
  const json = await run("json", calls);
  checkEnd(json.tail);
  rows.push({ points: calls * 1000, csv, json });
}
const f = (r) => `${r.mb.toFixed(0).padStart(5)} MB peak, ${r.ms.toFixed(0).padStart(6)} ms, ${(r.bytes / 1e6).toFixed(0)} MB out`;
for (const r of rows) {
  console.log(`${r.points.toLocaleString("en-US").padStart(10)} points  csv: ${f(r.csv)}   json: ${f(r.json)}`);
}
const big = rows.at(-1);
console.log(`peak RSS json / csv at ${big.points.toLocaleString("en-US")} points: ${(big.json.mb / big.csv.mb).toFixed(2)}x (target: about 1x, flat)`);
console.log(`json peak RSS growth ${rows[0].points.toLocaleString("en-US")} -> ${big.points.toLocaleString("en-US")} points: ${(big.json.mb / rows[0].json.mb).toFixed(2)}x (flat: about 1x)`);
