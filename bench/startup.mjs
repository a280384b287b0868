#!/usr/bin/env node
// Start-up benchmark: median wall time of the worked example as JSON against `node -e 0`, same run.
// Usage: node bench/startup.mjs [runs]   (build first: npm run build). Target ratio: at most 1.3x.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const runs = Number(process.argv[2] ?? 30);
const cases = {
  "node -e 0": [process.execPath, ["-e", "0"]],
  "estimate worked example -f json": [process.execPath, [join(root, "bin/ratecard.js"), "estimate", join(root, "examples/worked-example.yaml"), "-f", "json"]],
};

function once([cmd, args]) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (const c of Object.values(cases)) once(c); // warm the file cache
for (let i = 0; i < runs; i++) for (const [k, c] of Object.entries(cases)) times[k].push(once(c)); // interleaved
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times["node -e 0"]);
for (const [k, xs] of Object.entries(times)) {
  console.log(`${k.padEnd(34)} median ${median(xs).toFixed(1).padStart(6)} ms   ratio ${(median(xs) / base).toFixed(2)}x`);
}
