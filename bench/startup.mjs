#!/usr/bin/env node
// Start-up bench: median wall and CPU time of --help, the worked example in every format and `rates`, bundle and executable, vs `node -e 0`.
// Usage: node bench/startup.mjs [runs]   (builds dist/ratecard first when missing). Targets: 1.3x bundle, 1.1x exe.
// `rates` lists every built-in model (~260 rows); `rates --provider deepseek` is the listing `rates` was when the targets were set.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { median } from "./lib.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const runs = Number(process.argv[2] ?? process.env.RUNS ?? 30);
const exe = "dist/ratecard";
if (!existsSync(`${root}/dist/cli.cjs`) || !existsSync(`${root}/${exe}`)) {
  console.log("building the bundle and the executable first (npm run build:exe)");
  spawnSync(process.execPath, ["scripts/build-exe.mjs"], { cwd: root, stdio: "inherit" });
}

const node = process.execPath;
const example = ["estimate", "examples/worked-example.yaml"];
const formats = ["table", "json", "csv", "markdown"];
const cases = [
  { name: "node -e 0 (baseline)", cmd: node, args: ["-e", "0"] },
  { name: "bundle --help", cmd: node, args: ["bin/ratecard.js", "--help"], target: 1.3 },
  ...formats.map((f) => ({ name: `bundle estimate -f ${f}`, cmd: node, args: ["bin/ratecard.js", ...example, "-f", f], target: 1.3 })),
  { name: "bundle rates", cmd: node, args: ["bin/ratecard.js", "rates"], target: 1.3 },
  { name: "bundle rates --provider deepseek", cmd: node, args: ["bin/ratecard.js", "rates", "--provider", "deepseek"], target: 1.3 },
  { name: "exe --help", cmd: exe, args: ["--help"], target: 1.1 },
  ...formats.map((f) => ({ name: `exe estimate -f ${f}`, cmd: exe, args: [...example, "-f", f], target: 1.1 })),
  { name: "exe rates", cmd: exe, args: ["rates"], target: 1.1 },
  { name: "exe rates --provider deepseek", cmd: exe, args: ["rates", "--provider", "deepseek"], target: 1.1 },
];

function once(c) {
  const t = process.hrtime.bigint();
  const r = spawnSync(c.cmd, c.args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** CPU time (user + system, ms) of one run, from bash's `times` (children's times, 1 ms steps): steadier than wall time on a busy machine. */
function cpu(c) {
  const quoted = [c.cmd, ...c.args].map((a) => `'${a}'`).join(" ");
  const r = spawnSync("bash", ["-c", `${quoted} >/dev/null 2>&1; times`], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const [, children] = r.stdout.trim().split("\n");
  const secs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return (secs[0] + secs[1]) * 1000;
}

const times = cases.map(() => []);
const cpus = cases.map(() => []);
for (const c of cases) once(c); // warm the file cache
for (let i = 0; i < runs; i++) {
  cases.forEach((c, j) => times[j].push(once(c))); // interleaved, so drift hits all alike
  cases.forEach((c, j) => cpus[j].push(cpu(c)));
}
const base = median(times[0]);
const baseCpu = median(cpus[0]);
console.log(`start-up, median of ${runs} runs (node ${process.version}); wall time, then CPU time (user + system); load average ${(await import("node:os")).loadavg()[0].toFixed(1)}`);
let missed = 0;
let missedCpu = 0;
cases.forEach((c, j) => {
  const m = median(times[j]);
  const ratio = m / base;
  const cpuRatio = median(cpus[j]) / baseCpu;
  const verdict = (r, count) => (r <= c.target ? "ok" : (count(), "OVER"));
  const verdicts = c.target ? `wall ${verdict(ratio, () => missed++)}, cpu ${verdict(cpuRatio, () => missedCpu++)} (target ${c.target}x)` : "";
  console.log(`${c.name.padEnd(28)} ${m.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x   cpu ${median(cpus[j]).toFixed(0).padStart(4)} ms  ${cpuRatio.toFixed(2)}x  ${verdicts}`);
});
if (missed || missedCpu) console.log(`over target: ${missed} case(s) by wall time, ${missedCpu} by CPU time`);
