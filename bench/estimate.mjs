// Bench: the library's estimate() per workload vs a float loop over the same workloads, same run (target <= 0.5 us).
//
// 200 one-item plans (random calls, cached prefix, miss, reply) on one model at one instant, each
// estimate() call timed in rounds; the best round counts (the machine is shared). The baseline
// prices the same workloads with JS floats. Run after `npm run build`:   node bench/estimate.mjs [rounds]
import { createRequire } from "node:module";

const lib = createRequire(import.meta.url)("../dist/index.cjs");
const ROUNDS = Number(process.argv[2] ?? 15);
const CALLS = 20000;
const book = lib.loadRateCards([]);
const asOf = lib.parseInstant("2026-04-24");
let seed = 1;
const rnd = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
const shapes = Array.from({ length: 200 }, () => ({ calls: 1 + rnd(1e6), prefix: rnd(5000), miss: rnd(2000), reply: rnd(3000) }));
const plans = shapes.map((w) => lib.parsePlan(`calls: ${w.calls}\ncached_prefix: ${w.prefix}\nmiss: ${w.miss}\nreply: ${w.reply}\n`, "plan.yaml"));

/** Best time per call (us) over the rounds. */
function best(fn) {
  for (let i = 0; i < CALLS; i++) fn(i); // warm up
  let min = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < CALLS; i++) fn(i);
    min = Math.min(min, Number(process.hrtime.bigint() - t) / 1e3 / CALLS);
  }
  return min;
}

const flash = { hit: 0.028, miss: 0.14, out: 0.28 };
let sink = 0;
const floats = best((i) => {
  const w = shapes[i % 200];
  sink += (w.calls * (w.prefix * flash.hit + w.miss * flash.miss + w.reply * flash.out)) / 1e6;
});
const results = {};
for (const model of ["deepseek-v4-flash", "deepseek-v4-pro"]) {
  const opts = { asOf, models: [{ id: model }] };
  results[model] = best((i) => lib.estimate(book, plans[i % 200], opts));
}
// Peak/off-peak prices (twice the lines), with the options built per call as a caller would write them.
const windowed = lib.parseInstant("2026-08-20");
const peakOffPeak = best((i) => lib.estimate(book, plans[i % 200], { asOf: windowed, models: [{ id: "deepseek-v4-flash" }] }));
// The exact totals agree with the float loop to float precision (a check that both price the same thing).
const r = lib.estimate(book, plans[0], { asOf, models: [{ id: "deepseek-v4-flash" }] });
const w = shapes[0];
const f = (w.calls * (w.prefix * flash.hit + w.miss * flash.miss + w.reply * flash.out)) / 1e6;
if (Math.abs(Number(r.estimates[0].total.toDecimal()) - f) > 1e-6 * f) throw new Error(`totals differ: ${r.estimates[0].total.toDecimal()} vs ${f}`);
console.log(`float loop:                     ${floats.toFixed(4)} us per workload${sink ? "" : " "}`);
for (const [m, us] of Object.entries(results)) console.log(`estimate() on ${m.padEnd(18)} ${us.toFixed(3)} us per workload, ${(us / floats).toFixed(0)}x the float loop (target <= 0.5 us)`);
console.log(`estimate() at peak/off-peak prices ${peakOffPeak.toFixed(3)} us per workload, ${(peakOffPeak / floats).toFixed(0)}x the float loop (deepseek-v4-flash on 2026-08-20, new options each call)`);
