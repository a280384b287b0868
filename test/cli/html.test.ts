// `-f html`: a self-contained page per report, drawn by headless Chromium (no console errors, no
// requests, not blank, light and dark), and a golden of its text content.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without types
import { CHROMIUM, screenshot } from "../../scripts/screenshot.mjs";
import { spawnCli, tempDir } from "../helpers/cli.js";
import { brightness, decodePng, inkStats } from "../helpers/png.js";

/** The page's text: scripts none, styles dropped, tags stripped, entities decoded, blank lines folded. */
function textContent(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, "")
    .replace(/<\/(p|h1|h2|tr|li|title|summary|caption|figure|text)>/g, "\n")
    .replace(/<\/t[dh]>/g, " | ")
    .replace(/<[^>]+>/g, "")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n") + "\n";
}

const CASES: [string, string[], string[]][] = [
  ["estimate", ["estimate", "examples/worked-example.yaml"], ["$168.00", "$1,682.00", "total cost per model"]],
  ["usage", ["usage", "test/fixtures/usage/small.jsonl", "--by", "day,model"], ["$0.0031", "spend per day by model"]],
  ["sweep", ["sweep", "examples/worked-example.yaml", "--vary", "reply=0..4000+500"], ["$14,558.00", "cost against reply"]],
  ["check", ["check", "test/fixtures/plans/over-budget.yaml"], ["FAIL", "$2,151.80", "cost against each budget"]],
];

describe("-f html", () => {
  it.each(CASES)("%s: a self-contained page whose text matches the golden", async (name, args, facts) => {
    const r = spawnCli([...args, "-f", "html"]);
    expect(r.code).toBe(name === "check" ? 1 : 0);
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect(r.stdout).not.toMatch(/<script|<link|@import|url\(|src=|href=/i);
    for (const f of facts) expect(r.stdout).toContain(f);
    await expect(textContent(r.stdout)).toMatchFileSnapshot(`../golden/html-${name}.txt`);
  });

  it("titles the usage chart with the days it draws: the --tz zone's, else UTC", () => {
    const args = ["usage", "test/fixtures/usage/small.jsonl", "--by", "day,model", "-f", "html"];
    expect(spawnCli(args).stdout).toContain("spend per day by model (USD, UTC days)");
    const zoned = spawnCli([...args, "--tz", "America/St_Johns"]).stdout;
    expect(zoned).toContain("spend per day by model (USD, America/St_Johns days)");
    expect(zoned).not.toContain("UTC days");
  });

  it("escapes what comes from files: markup and control characters never reach the page raw", () => {
    const dir = tempDir({ "plan.yaml": 'name: "<b>x</b>\\u0007"\nas_of: 2026-04-24\nmodels: [deepseek-v4-flash]\ncalls: 1\nmiss: 1\nreply: 1\n' });
    const r = spawnCli(["estimate", "plan.yaml", "-f", "html"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("&#60;b&#62;x&#60;/b&#62;\\x07");
    expect(r.stdout).not.toContain("<b>x");
  });

  it("draws totals past a JS number's range (1e400 calls) as it draws small ones: no NaN or Infinity", () => {
    const shapes = (html: string) => {
      const svg = /<svg[\s\S]*<\/svg>/.exec(html)![0];
      expect(svg).not.toMatch(/NaN|Infinity/);
      return svg.match(/<(rect|line)[^>]*>/g);
    };
    const estimate = (calls: string) => spawnCli(["estimate", "--calls", calls, "--miss", "1", "--reply", "1", "-m", "deepseek-v4-flash", "-m", "deepseek-v4-pro", "--as-of", "2026-04-24", "-f", "html"]);
    const [big, small] = [estimate("1e400"), estimate("1000")];
    expect([big.code, small.code]).toEqual([0, 0]);
    expect(shapes(big.stdout)).toEqual(shapes(small.stdout));
    expect(shapes(big.stdout)!.join("\n")).toMatch(/width="380"/); // the dearer model's bar spans the chart

    const check = (calls: string, fail: string, warn: string) => {
      const dir = tempDir({ "plan.yaml": `as_of: 2026-04-24\nmodels: [deepseek-v4-flash, deepseek-v4-pro]\ncalls: ${calls}\nmiss: 1\nreply: 1\nbudget: {fail: ${fail}, warn: ${warn}}\n` });
      return spawnCli(["check", "plan.yaml", "-f", "html"], { cwd: dir });
    };
    const [bigCheck, smallCheck] = [check("1e400", "1e401", "1e399"), check("1000", "10000", "100")];
    expect([bigCheck.code, smallCheck.code]).toEqual([0, 0]);
    expect(shapes(bigCheck.stdout)).toEqual(shapes(smallCheck.stdout));
  });
});

describe("-f html in headless Chromium", () => {
  it("has the browser (.ci/run installs Debian's chromium)", () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`).toBe(true);
  });

  it.each(CASES)("%s renders with no console errors or requests, not blank, light and dark", async (name, args, facts) => {
    const dir = tempDir();
    const file = join(dir, `${name}.html`);
    writeFileSync(file, spawnCli([...args, "-f", "html"]).stdout);
    const light = await screenshot(file);
    const dark = await screenshot(file, { dark: true });
    for (const shot of [light, dark]) {
      expect(shot.problems).toEqual([]);
      for (const f of facts) expect(shot.text).toContain(f);
      const px = decodePng(shot.png);
      const ink = inkStats(px);
      expect(px.width).toBe(1000);
      expect(px.height).toBeGreaterThan(300);
      expect(ink.ink).toBeGreaterThan(0.02);
      expect(ink.colours).toBeGreaterThan(16);
    }
    expect(brightness(decodePng(light.png))).toBeGreaterThan(200);
    expect(brightness(decodePng(dark.png))).toBeLessThan(60);
  }, 90_000);
});
