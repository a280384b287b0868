// Process entry of the bundled CLI: real streams, env and clock, then exit with run's code (or, in a usage worker thread, that worker's loop).

import type { MessagePort } from "node:worker_threads";
import type { Dialect } from "../usage/types.js";
import { exitCodeOf, formatError, writeError } from "./errors.js";
import { readStdinText } from "./stdin.js";
import { run } from "./run.js";
import { usageWorker } from "./usage-workers.js";

/** Set by the worker boot code of src/cli/usage-workers.ts when this bundle runs in a usage worker thread. */
declare const globalThis: { __ratecardWorker?: { dialect: Dialect; tags?: boolean; port: MessagePort } };

const worker = globalThis.__ratecardWorker;
if (worker) usageWorker(worker.dialect, worker.port, worker.tags === true);
else main();

/** One run of the CLI on process.argv, with the real streams, env and clock. */
function main(): void {
  // A reader that closed the pipe early (`ratecard sweep ... | head`) has all it wants: stop quietly.
  // Any other write error (a full disk) is one line on stderr and exit 4, never a gate's verdict.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
    const e = writeError(err);
    try {
      process.stderr.write(formatError(e, false));
    } finally {
      process.exit(exitCodeOf(e));
    }
  });
  // Nothing more can be said when stderr itself fails.
  process.stderr.on("error", () => process.exit(typeof process.exitCode === "number" ? process.exitCode : 3));

  run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    now: () => Date.now(),
    readStdin: readStdinText,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`ratecard: error: internal error: ${String(err)}\n`);
      process.exitCode = 3;
    },
  );
}
