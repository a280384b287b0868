// The closing "N passed, N failed" line counts every failure: failed tests, modules that do not
// load, failed hooks (whose tests are skipped) and unhandled errors. Proved on a deliberately
// failing fixture suite, run by vitest in a temp folder.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, tempDir } from "../helpers/cli.js";

const FIXTURES: Record<string, string> = {
  // 1 passed, 1 failed
  "a.test.js": 'it("passes", () => {});\nit("fails", () => { throw new Error("boom"); });\n',
  // a suite's beforeAll fails: its 2 tests are skipped; 1 failed (the hook)
  "b.test.js": 'describe("suite", () => { beforeAll(() => { throw new Error("hook"); }); it("one", () => {}); it("two", () => {}); });\n',
  // the file's beforeAll fails: 1 failed
  "c.test.js": 'beforeAll(() => { throw new Error("file hook"); });\nit("x", () => {});\n',
  // the module does not load: 1 failed
  "d.test.js": 'throw new Error("cannot collect");\n',
  // 2 passed, and an unhandled error of the run: 1 failed
  "e.test.js": 'it("leaks", () => { setTimeout(() => { throw new Error("unhandled"); }, 1); });\nit("waits", async () => { await new Promise((r) => setTimeout(r, 50)); });\n',
  // 1 passed, a suite's afterAll fails: 1 failed
  "f.test.js": 'describe("s", () => { afterAll(() => { throw new Error("after"); }); it("ok", () => {}); });\n',
};

describe("the summary line", () => {
  it("counts failed tests, modules, hooks and unhandled errors", () => {
    const dir = tempDir(FIXTURES);
    const reporter = join(ROOT, "test/summary-reporter.ts");
    writeFileSync(join(dir, "vitest.config.mjs"), `export default { test: { include: ["*.test.js"], globals: true, reporters: [${JSON.stringify(reporter)}] } };\n`);
    const r = spawnSync(process.execPath, [join(ROOT, "node_modules/vitest/vitest.mjs"), "run", "--root", dir], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", TZ: "UTC" },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.status).toBe(1);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("4 passed, 6 failed");
  }, 150_000);
});
