// Process entry of the bundled CLI: real streams, env and clock, then exit with run's code.

import { readFileSync } from "node:fs";
import { run } from "./run.js";

// A reader that closed the pipe early (`ratecard sweep ... | head`) has all it wants: stop quietly.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  now: () => Date.now(),
  readStdin: () => readFileSync(0, "utf8"),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`ratecard: error: internal error: ${String(err)}\n`);
    process.exitCode = 3;
  },
);
