// Vitest reporter that ends the run with the line CI reads: "N passed, N failed".

import type { Reporter, TestModule } from "vitest/node";

/**
 * Counts passed and failed tests, and counts as failed every error outside a test too: a module
 * that failed to load, a failed beforeAll/afterAll of a file or a suite (its tests are then
 * skipped, so no test says it failed), and each unhandled error of the run.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    for (const m of modules) {
      let here = 0;
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") here++;
      }
      here += m.errors().length;
      for (const s of m.children.allSuites()) here += s.errors().length;
      if (here === 0 && m.state() === "failed") here = 1; // failed, and said nothing we could count
      failed += here;
    }
    failed += errors.length;
    process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  }
}
