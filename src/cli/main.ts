// Process entry of the bundled CLI: real streams, env and clock, then exit with run's code (or, in a usage worker thread, that worker's loop).

import type { MessagePort } from "node:worker_threads";
import type { Dialect } from "../usage/types.js";
import { exitCodeOf, formatError, writeError } from "./errors.js";
import { fdSink, surelyNotTerminal } from "./fd-sink.js";
import type { Sink } from "./io.js";
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
  const onStdoutError = (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
    const e = writeError(err);
    try {
      stderr.write(formatError(e, false));
    } finally {
      process.exit(exitCodeOf(e));
    }
  };
  // Nothing more can be said when stderr itself fails.
  const onStderrError = () => process.exit(typeof process.exitCode === "number" ? process.exitCode : 3);
  // A file, pipe, socket or /dev/null is written directly (process.stdout would load Node's stream
  // modules first: milliseconds of start-up); a terminal keeps the stream, which knows its width.
  const stdout: Sink = surelyNotTerminal(1) ? fdSink(1, onStdoutError) : process.stdout.on("error", onStdoutError);
  const stderr: Sink = surelyNotTerminal(2) ? fdSink(2, onStderrError) : process.stderr.on("error", onStderrError);

  run(process.argv.slice(2), {
    stdout,
    stderr,
    env: process.env,
    now: () => Date.now(),
    readStdin: readStdinText,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      stderr.write(`ratecard: error: internal error: ${String(err)}\n`);
      process.exitCode = 3;
    },
  );
}
