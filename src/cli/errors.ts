// The one table of exit codes, and the one place outcomes and errors become codes and one-line messages.

import { CommanderError } from "commander";
import { RatecardError, WriteError, type ErrorKind } from "../core/errors.js";
import { safeLine } from "../core/printable.js";
import type { Status } from "../core/status.js";

/** What a command's action returns: done, or a gate's verdict. */
export type Outcome = "ok" | Status;

/** Every exit code ratecard uses. */
export const EXIT_CODES = {
  /** done; a gate passed or only warned */
  ok: 0,
  /** a gate failed: a budget or threshold was passed */
  gate: 1,
  /** bad usage or bad input: flags, arguments, files, keys, values */
  usage: 2,
  input: 2,
  /** an internal error (a bug) */
  internal: 3,
  /** the output could not be written (a full disk, a closed stream); never a gate verdict */
  write: 4,
} as const satisfies Record<ErrorKind | "ok" | "internal", number>;

/** Exit code of a command's outcome: a failed gate is 1, anything else 0. */
export function exitCodeOfOutcome(outcome: Outcome): number {
  return outcome === "FAIL" ? EXIT_CODES.gate : EXIT_CODES.ok;
}

/** Exit code of an error: typed errors by kind, commander's usage errors as usage, anything else internal. */
export function exitCodeOf(err: unknown): number {
  if (err instanceof RatecardError) return EXIT_CODES[err.kind];
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
  return EXIT_CODES.internal;
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
