// Writes examples/html-<command>.png: the -f html page of estimate, usage, sweep and check as headless Chromium draws it.
// Run after `npm run build`: node scripts/html-examples.mjs
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { screenshot } from "./screenshot.mjs";

const CASES = {
  estimate: ["estimate", "examples/support-plan.yaml"],
  usage: ["usage", "test/fixtures/usage/small.jsonl", "--by", "day,model"],
  sweep: ["sweep", "examples/worked-example.yaml", "--vary", "reply=0..4000+500"],
  check: ["check", "test/fixtures/plans/over-budget.yaml"],
};

const dir = mkdtempSync(join(tmpdir(), "ratecard-html-"));
for (const [name, args] of Object.entries(CASES)) {
  let html;
  try {
    html = execFileSync(process.execPath, ["bin/ratecard.js", ...args, "-f", "html"], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", TZ: "UTC" }, stdio: ["ignore", "pipe", "ignore"] });
  } catch (err) {
    html = err.stdout; // check exits 1 on a failed budget, with the page on stdout
  }
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  const shot = await screenshot(file);
  if (shot.problems.length) throw new Error(`${name}: ${shot.problems.join("; ")}`);
  writeFileSync(`examples/html-${name}.png`, shot.png);
  console.log(`examples/html-${name}.png`);
}
