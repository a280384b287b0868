// Bench: `ratecard estimate -f json` on plans of 10,000 and 100,000 workload items: CPU per item and peak memory, the large against the small (target: linear).
//
// The plans are plain block YAML (`- name:` items), the style the YAML fast path reads; the YAML
// byte limit is raised for them (100,000 such items are about 9 MB). Each plan is also read once
// with a quoted name added, so the full YAML parser reads it, for comparison.
// Run after `npm run build`:   node bench/plan-items.mjs [runs, default 3]
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, timed } from "./lib.mjs";

const runs = Number(process.argv[2] ?? 3);
const dir = mkdtempSync(join(tmpdir(), "ratecard-bench-plan-items-"));

/** A plan of `n` items; `quoted` makes its name a quoted scalar (the full parser's, not the fast path's). */
function plan(n, quoted) {
  const items = Array.from({ length: n }, (_, i) => `  - name: item ${i + 1}\n    calls: ${1000 + i}\n    cached_prefix: ${i % 4000}\n    miss: 200\n    reply: 300\n`);
  const file = join(dir, `plan-${n}${quoted ? "-quoted" : ""}.yaml`);
  writeFileSync(file, `name: ${quoted ? '"bench"' : "bench"}\nas_of: 2026-04-24\nmodels: [deepseek-v4-flash]\nworkloads:\n${items.join("")}`);
  return file;
}

/** Median CPU ms and wall ms, and the largest peak RSS, of `runs` runs of estimate -f json on `file`. */
async function measure(file) {
  const env = process.env.RATECARD_MAX_YAML_BYTES;
  process.env.RATECARD_MAX_YAML_BYTES = "64M";
  try {
    const rs = [];
    for (let i = 0; i < runs; i++) rs.push(await timed(["bin/ratecard.js", "estimate", file, "-f", "json"], { onStdout: () => undefined }));
    return { cpu: median(rs.map((r) => r.cpuMs)), wall: median(rs.map((r) => r.ms)), mb: Math.max(...rs.map((r) => r.rssMb)) };
  } finally {
    if (env === undefined) delete process.env.RATECARD_MAX_YAML_BYTES;
    else process.env.RATECARD_MAX_YAML_BYTES = env;
  }
}

try {
  const out = {};
  for (const n of [10_000, 100_000]) {
    for (const quoted of [false, true]) {
      const m = await measure(plan(n, quoted));
      out[`${n}${quoted ? "q" : ""}`] = m;
      console.log(`${n.toLocaleString("en-US").padStart(7)} items, ${quoted ? "full YAML parser" : "plain-style fast path"}: cpu ${m.cpu.toFixed(0).padStart(5)} ms (${((m.cpu / n) * 1000).toFixed(1)} us/item), wall ${m.wall.toFixed(0).padStart(5)} ms, peak RSS ${m.mb.toFixed(0)} MB`);
    }
  }
  const perItem = (k, n) => out[k].cpu / n;
  console.log(`CPU per item, 100,000 items / 10,000 items: ${(perItem("100000", 100_000) / perItem("10000", 10_000)).toFixed(2)}x (linear: about 1x or below)`);
  console.log(`the full parser / the fast path at 100,000 items: CPU ${(out["100000q"].cpu / out["100000"].cpu).toFixed(2)}x, peak RSS ${(out["100000q"].mb / out["100000"].mb).toFixed(2)}x`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
