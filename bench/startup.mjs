#!/usr/bin/env node
// Start-up bench: median wall time of --help and the worked example as JSON, bundle and executable, vs `node -e 0`.
// Usage: node bench/startup.mjs [runs]   (builds dist/ratecard first when missing). Targets: 1.3x bundle, 1.2x exe.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const runs = Number(process.argv[2] ?? process.env.RUNS ?? 30);
const exe = "dist/ratecard";
if (!existsSync(`${root}/dist/cli.cjs`) || !existsSync(`${root}/${exe}`)) {
  console.log("building the bundle and the executable first (npm run build:exe)");
  spawnSync(process.execPath, ["scripts/build-exe.mjs"], { cwd: root, stdio: "inherit" });
}

const node = process.execPath;
const example = ["estimate", "examples/worked-example.yaml", "-f", "json"];
const cases = [
  { name: "node -e 0 (baseline)", cmd: node, args: ["-e", "0"] },
  { name: "bundle --help", cmd: node, args: ["bin/ratecard.js", "--help"], target: 1.3 },
  { name: "bundle estimate -f json", cmd: node, args: ["bin/ratecard.js", ...example], target: 1.3 },
  { name: "exe --help", cmd: exe, args: ["--help"], target: 1.2 },
  { name: "exe estimate -f json", cmd: exe, args: example, target: 1.2 },
];

function once(c) {
  const t = process.hrtime.bigint();
  const r = spawnSync(c.cmd, c.args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const times = cases.map(() => []);
for (const c of cases) once(c); // warm the file cache
for (let i = 0; i < runs; i++) cases.forEach((c, j) => times[j].push(once(c))); // interleaved, so drift hits all alike
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const base = median(times[0]);
console.log(`start-up, median of ${runs} runs (node ${process.version})`);
let missed = 0;
cases.forEach((c, j) => {
  const m = median(times[j]);
  const ratio = m / base;
  const verdict = c.target ? (ratio <= c.target ? `ok (target ${c.target}x)` : (missed++, `OVER target ${c.target}x`)) : "";
  console.log(`${c.name.padEnd(26)} ${m.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x  ${verdict}`);
});
if (missed) console.log(`${missed} case(s) over target`);
