// The one place errors become exit codes and one-line messages.

import { CommanderError } from "commander";
import { BudgetExceeded, RatecardError, WriteError } from "../core/errors.js";
import { safeLine } from "../core/printable.js";
import type { Status } from "../core/status.js";

/**
 * Exit code of an error: typed errors carry theirs, commander usage errors are 2, anything else 3.
 * The codes: 0 ok, 1 a gate failed (BudgetExceeded), 2 bad usage or input (UsageError,
 * InputError), 3 an internal error, 4 the output could not be written (WriteError).
 */
export function exitCodeOf(err: unknown): number {
  if (err instanceof RatecardError) return err.exitCode;
  if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
  return 3;
}

/** Exit code of a gate's verdict: FAIL is a failed gate (BudgetExceeded's code, 1); PASS and WARN are 0. */
export function gateExitCode(status: Status): number {
  return status === "FAIL" ? exitCodeOf(new BudgetExceeded("gate failed")) : 0;
}

/** "ratecard: error: FILE:LINE:COL: message (hint)", plus the stack with --debug. */
export function formatError(err: unknown, debug: boolean): string {
  let text: string;
  if (err instanceof RatecardError) {
    const w = err.where;
    const where = w ? `${w.file}${w.line ? `:${w.line}:${w.col ?? 1}` : ""}: ` : "";
    text = `${where}${err.message}${err.hint ? ` (${err.hint})` : ""}`;
  } else if (err instanceof CommanderError) {
    text = err.message.replace(/^error: /, "").replace(/\n\(?(Did you mean[^)]*)\)?/i, (_m, s: string) => ` (${s.toLowerCase()})`).trim();
    if (!/--help/.test(text)) text += " (see ratecard --help)";
  } else {
    text = `internal error: ${err instanceof Error ? err.message : String(err)} (please report this with --debug output)`;
  }
  const stack = debug && err instanceof Error && err.stack ? `\n${escapeStack(err.stack)}` : "";
  return `ratecard: error: ${safeLine(text)}${stack}\n`;
}

function escapeStack(stack: string): string {
  return stack.split("\n").map(safeLine).join("\n");
}

/** The error for a failed write to standard output or error (a full disk, a broken device). */
export function writeError(err: unknown, what = "standard output"): WriteError {
  const e = err as NodeJS.ErrnoException;
  const cause = e && typeof e.code === "string" ? `${e.code === "ENOSPC" ? "no space left on the device" : e.code === "EIO" ? "input/output error" : e.code === "EBADF" ? "the stream is closed" : "write failed"} (${e.code})` : "write failed";
  return new WriteError(`could not write output to ${what}: ${cause}`, "free space or write the output elsewhere");
}
