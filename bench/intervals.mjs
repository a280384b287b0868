// Bench: `ratecard rates --intervals` (csv, sql) over 1, 10 and 100 years: rows, CPU per row and peak memory against the 1-year run.
//
// Linear means the time per row stays flat as the range grows; streaming means the peak RSS
// stays flat. Each run is a child process (bench/rss.cjs preloaded) whose stdout is counted
// here, in this same run. Run after `npm run build`:  node bench/intervals.mjs [runs]
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const runs = Number(process.argv[2] ?? 3);

/** One export: wall ms, CPU ms, output lines and peak RSS (MB). */
function measure(to, format, node = []) {
  return new Promise((resolve, reject) => {
    const args = [...node, "--require", join(ROOT, "bench/rss.cjs"), "bin/ratecard.js", "rates", "--intervals", "--from", "2026-01-01", "--to", to, "-f", format];
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: "1", TZ: "UTC" }, stdio: ["ignore", "pipe", "pipe"] });
    let lines = 0;
    let err = "";
    child.stdout.on("data", (chunk) => {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    child.stderr.on("data", (c) => (err += c));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`exit ${code}: ${err}`));
      const m = /maxrss_kb=(\d+) cpu_us=(\d+)/.exec(err);
      resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, cpu: Number(m[2]) / 1000, lines, rssMb: Number(m[1]) / 1024 });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cases = [
  ["1 year", "2026-12-31"],
  ["10 years", "2035-12-31"],
  ["100 years", "2125-12-31"],
];
for (const format of ["csv", "sql"]) {
  const results = [];
  for (const [name, to] of cases) {
    const rs = [];
    for (let i = 0; i < runs; i++) rs.push(await measure(to, format));
    results.push({ name, lines: rs[0].lines, cpu: median(rs.map((r) => r.cpu)), ms: median(rs.map((r) => r.ms)), rss: Math.max(...rs.map((r) => r.rssMb)) });
  }
  const base = results[0];
  // the fixed start-up cost (node, bundle, cards) is measured by the 1-year run and taken off the per-row figures
  const perRow = (r) => (r.cpu / r.lines) * 1000;
  console.log(`-f ${format}`);
  for (const r of results) {
    const marginal = r === base ? "" : `, marginal ${(((r.cpu - base.cpu) / (r.lines - base.lines)) * 1000).toFixed(2)} us/row`;
    console.log(
      `  ${r.name.padEnd(10)} ${String(r.lines).padStart(9)} lines  cpu ${r.cpu.toFixed(0).padStart(6)} ms (${perRow(r).toFixed(2)} us/row${marginal})  wall ${r.ms.toFixed(0).padStart(6)} ms  peak RSS ${r.rss.toFixed(0)} MB = ${(r.rss / base.rss).toFixed(2)}x the 1-year run`,
    );
  }
}

// streaming, not holding: 400 years of SQL with the JS heap capped at 24 MB (it would die if rows piled up)
const capped = await measure("2425-12-31", "sql", ["--max-old-space-size=24"]);
console.log(`-f sql, 400 years, --max-old-space-size=24: ${capped.lines} lines, peak RSS ${capped.rssMb.toFixed(0)} MB, finished`);
