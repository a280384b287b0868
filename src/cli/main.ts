// Process entry of the bundled CLI: real streams, env and clock, then exit with run's code.

import { run } from "./run.js";

run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, now: () => Date.now() }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`ratecard: error: internal error: ${String(err)}\n`);
    process.exitCode = 3;
  },
);
