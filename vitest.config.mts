// Vitest settings: tests under test/, UTC clock, the closing "N passed, N failed" line.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    env: { TZ: "UTC", NO_COLOR: "1" },
    reporters: ["default", "./test/summary-reporter.ts"],
    testTimeout: 20000,
  },
});
