#!/usr/bin/env node
// Table bench: a plan of N workload items (default 9,000) priced on one model, rendered as a terminal
// table, markdown and html, each against -f json of the same plan measured in the same run (the
// baseline). Target: the table in about the time JSON takes (cli-table3's layout was quadratic:
// 16 s at 3,000 items, over two minutes at 9,000). Usage: node bench/table.mjs [items] [runs]
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./lib.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const items = Number(process.argv[2] ?? 9000);
const runs = Number(process.argv[3] ?? 3);
const dir = mkdtempSync(join(tmpdir(), "ratecard-bench-table-"));
const plan = join(dir, "plan.yaml");
const workloads = Array.from({ length: items }, (_, i) => `  - name: item ${i + 1}\n    calls: ${1000 + i}\n    cached_prefix: ${i % 4000}\n    miss: 200\n    reply: 300\n`);
writeFileSync(plan, `name: bench\nas_of: 2026-04-24\nmodels: [deepseek-v4-flash]\nworkloads:\n${workloads.join("")}`);

function once(format) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["bin/ratecard.js", "estimate", plan, "-f", format], { cwd: root, env: { RATECARD_MAX_YAML_BYTES: "64M", ...process.env, NO_COLOR: "1" }, maxBuffer: 1 << 30 }); // 9,000 items are about 800 KB: over the default YAML limit
  if (r.status !== 0) throw new Error(`-f ${format}: exit ${r.status}: ${r.stderr}`);
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, bytes: r.stdout.length };
}

/** The median wall time of `runs` runs, and the output's size. */
function typical(format) {
  const xs = Array.from({ length: runs }, () => once(format));
  return { ms: median(xs.map((x) => x.ms)), bytes: xs[0].bytes };
}

console.log(`estimate of a plan with ${items.toLocaleString("en-US")} items, median of ${runs} runs`);
const json = typical("json");
console.log(`  json (baseline)  ${json.ms.toFixed(0).padStart(7)} ms  ${(json.bytes / 1e6).toFixed(1)} MB`);
for (const f of ["table", "markdown", "html"]) {
  const m = typical(f);
  console.log(`  ${f.padEnd(16)} ${m.ms.toFixed(0).padStart(7)} ms  ${(m.bytes / 1e6).toFixed(1)} MB  ${(m.ms / json.ms).toFixed(2)}x json`);
}
