// Bench: `ratecard usage` on a folder of 4 log files with worker threads (every core) vs the same run on one core (taskset -c 0), same run.
//
// For reference it also times two single-thread processes pinned to cores 0 and 1, two files each,
// side by side: what two cores give when nothing is shared (their totals are not merged).
// Target: >= 1.5x faster on 2 cores, with the same output byte for byte (totals, groups and the
// skipped-records report). Each dialect's folder holds 4 files (claude-code's repeat each other's
// messages, so dedup across files is exercised). Runs alternate; the best wall time of each counts.
// Run after `npm run build` (Linux, needs taskset):   node bench/usage-workers.mjs [records per file] [runs]
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./usage-gen.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const perFile = Number(process.argv[2] ?? 250000);
const runs = Number(process.argv[3] ?? 3);

function timed(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 28, env: { ...process.env, TZ: "UTC", NO_COLOR: "1" } });
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, out: r.stdout + r.stderr };
}

/** Wall time (s) of two single-thread runs side by side, pinned to cores 0 and 1. */
function pinnedPair(argvs) {
  const t0 = process.hrtime.bigint();
  return Promise.all(argvs.map((argv, core) => new Promise((resolve, reject) => {
    const c = spawn("taskset", ["-c", String(core), process.execPath, ...argv], { stdio: "ignore", env: { ...process.env, TZ: "UTC", NO_COLOR: "1" } });
    c.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${argv.join(" ")} exited ${code}`))));
  }))).then(() => Number(process.hrtime.bigint() - t0) / 1e9);
}

const dir = mkdtempSync(join(tmpdir(), "ratecard-bench-usage-workers-"));
try {
  console.log(`${availableParallelism()} cores; load average ${loadavg()[0].toFixed(1)} at start; ${perFile.toLocaleString("en-US")} records per file`);
  for (const dialect of ["chat", "claude-code"]) {
    const folder = join(dir, dialect);
    mkdirSync(folder);
    for (let i = 0; i < 4; i++) await generate(dialect, perFile + i * 1000, join(folder, `part-${i}.jsonl`));
    const args = [join(root, "bin/ratecard.js"), "usage", folder, "--by", "day,model", "-f", "json"];
    const half = (files) => [join(root, "bin/ratecard.js"), "usage", ...files.map((f) => join(folder, f)), "--by", "day,model", "-f", "json"];
    let one = Infinity;
    let all = Infinity;
    let pair = Infinity;
    let same = true;
    for (let r = 0; r < runs; r++) {
      const a = timed("taskset", ["-c", "0", process.execPath, ...args]);
      const b = timed(process.execPath, args);
      one = Math.min(one, a.seconds);
      all = Math.min(all, b.seconds);
      same &&= a.out === b.out;
      pair = Math.min(pair, await pinnedPair([half(["part-0.jsonl", "part-1.jsonl"]), half(["part-2.jsonl", "part-3.jsonl"])]));
    }
    console.log(`${dialect.padEnd(12)} one core ${one.toFixed(2)} s, all cores ${all.toFixed(2)} s: ${(one / all).toFixed(2)}x faster (target >= 1.5x); same output: ${same ? "yes" : "NO"}`);
    console.log(`${"".padEnd(12)} reference: two pinned processes, two files each, ${pair.toFixed(2)} s: ${(one / pair).toFixed(2)}x`);
  }
  console.log(`load average ${loadavg()[0].toFixed(1)} at the end`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
