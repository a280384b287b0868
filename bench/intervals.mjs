// Bench: `ratecard rates --intervals` (csv, sql) over 1, 10 and 100 years: rows, CPU per row and peak memory against the 1-year run.
//
// Linear means the time per row stays flat as the range grows; streaming means the peak RSS
// stays flat. Each run is a child process (bench/rss.cjs preloaded) whose stdout is counted
// here, in this same run. Run after `npm run build`:  node bench/intervals.mjs [runs]
import { median, timed } from "./lib.mjs";

const runs = Number(process.argv[2] ?? 3);

/** One export: wall ms, CPU ms, output lines and peak RSS (MB). */
async function measure(to, format, node = []) {
  let lines = 0;
  const onStdout = (chunk) => {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  };
  const r = await timed(["bin/ratecard.js", "rates", "--intervals", "--from", "2026-01-01", "--to", to, "-f", format], { node, onStdout });
  return { ms: r.ms, cpu: r.cpuMs, lines, rssMb: r.rssMb };
}

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
