// Bench: `ratecard usage` (built dist) vs a bare readline + JSON.parse float-summing loop, per dialect.
//
//   node bench/usage.mjs [--records 1000000] [--runs 2] [--dialects chat,anthropic,claude-code] [--keep]
//
// Generates the logs into a temp folder, times each program over the same file (best of --runs),
// and prints the throughput ratio (baseline time / ratecard time, by wall clock and by CPU time,
// which a busy machine disturbs less; >= 1.0x means ratecard is at least as fast) and each
// program's peak RSS. Targets: ratio >= 1.0x, ratecard peak RSS < 100 MB. Start-up (loading the
// bundle and the built-in card) is inside ratecard's time.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, timed } from "./lib.mjs";
import { DIALECTS, generate } from "./usage-gen.mjs";
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const records = Number(opt("records", "1000000"));
const runs = Number(opt("runs", "2"));
const dialects = opt("dialects", Object.keys(DIALECTS).join(",")).split(",");
const keep = args.includes("--keep");

/** The best wall time (s) and best CPU time (s) over --runs runs of node with bench/rss.cjs preloaded, the highest peak RSS, and stdout. */
async function best(argv) {
  let b;
  for (let i = 0; i < runs; i++) {
    const t = await timed(argv);
    const r = { seconds: t.ms / 1000, cpu: t.cpuMs / 1000, rssMb: t.rssMb, stdout: t.stdout };
    b = b ? { seconds: Math.min(b.seconds, r.seconds), cpu: Math.min(b.cpu, r.cpu), rssMb: Math.max(b.rssMb, r.rssMb), stdout: r.stdout } : r;
  }
  return b;
}

const dir = mkdtempSync(join(tmpdir(), "ratecard-bench-usage-"));
const rows = [];
try {
  for (const d of dialects) {
    const file = join(dir, `${d}.jsonl`);
    await generate(d, records, file);
    const mb = statSync(file).size / 1048576;
    const base = await best([join(ROOT, "bench/usage-baseline.mjs"), file, d]);
    const rc = await best([join(ROOT, "bin/ratecard.js"), "usage", file, "--by", "day,model", "--format", "json"]);
    const report = JSON.parse(rc.stdout);
    const expected = d === "claude-code" ? records / 2 : records;
    if (report.total.records !== expected) throw new Error(`${d}: ratecard priced ${report.total.records} records, expected ${expected}`);
    rows.push({
      dialect: d,
      lines: records,
      "file MB": mb.toFixed(0),
      "baseline wall s": base.seconds.toFixed(2),
      "ratecard wall s": rc.seconds.toFixed(2),
      "wall ratio": `${(base.seconds / rc.seconds).toFixed(2)}x`,
      "baseline cpu s": base.cpu.toFixed(2),
      "ratecard cpu s": rc.cpu.toFixed(2),
      "cpu ratio": `${(base.cpu / rc.cpu).toFixed(2)}x`,
      "ratecard MB/s": (mb / rc.seconds).toFixed(0),
      "ratecard RSS MB": rc.rssMb.toFixed(0),
      "baseline RSS MB": base.rssMb.toFixed(0),
    });
  }
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
  else console.log(`logs kept in ${dir}`);
}
console.log(`node ${process.version}, ${records} lines per dialect, best of ${runs} runs; ratio = baseline time / ratecard time (>= 1.00x: ratecard at least as fast)`);
console.table(rows);
