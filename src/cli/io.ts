// The CLI's injected world: output streams, environment and clock (tests pass their own).

import { safeLine, safeOutput } from "../core/printable.js";
import type { RenderOptions } from "../render/options.js";

/** Something text can be written to. */
export interface Sink {
  write(text: string): unknown;
  isTTY?: boolean;
  /** Terminal width, when the sink is a terminal. */
  columns?: number;
  /** Present on Node streams: lets a writer wait for "drain" when `write` returns false. */
  once?(event: "drain", listener: () => void): unknown;
}

/** What `run` needs from the outside world. */
export interface Io {
  stdout: Sink;
  stderr: Sink;
  env: Record<string, string | undefined>;
  /** The current instant in ms since the epoch: "today" for --as-of defaults. */
  now: () => number;
  /** The working directory relative paths resolve against. */
  cwd?: string;
  /** Reads all of standard input (for `-` arguments). */
  readStdin?: () => string;
  /** Standard input as a stream, for `usage -` (default: process.stdin). */
  stdin?: NodeJS.ReadableStream;
}

/** Writes to a sink, waiting for "drain" when the stream asks the writer to slow down. */
export function writeWithBackPressure(sink: Sink, text: string): void | Promise<void> {
  if (sink.write(text) !== false || !sink.once) return;
  return new Promise((resolve) => sink.once!("drain", resolve));
}

/** Colour on stdout: only a TTY, and never with NO_COLOR set (any value). */
export function useColor(io: Io): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== "0";
  return io.stdout.isTTY === true;
}

/** How to render for stdout: colour as `useColor` says; on a terminal, its width (columns, else COLUMNS). */
export function renderOptions(io: Io): RenderOptions {
  if (io.stdout.isTTY !== true) return { color: useColor(io) };
  const cols = io.stdout.columns ?? Number(io.env.COLUMNS);
  return { color: useColor(io), ...(Number.isInteger(cols) && cols > 0 ? { width: cols } : {}) };
}

/** Writes each warning to stderr as "ratecard: warning: ...", one line each, control characters escaped. */
export function writeWarnings(io: Io, warnings: Iterable<string>): void {
  for (const w of warnings) io.stderr.write(`ratecard: warning: ${safeLine(w)}\n`);
}

/**
 * The one spot every rendered output passes through: standard output with control characters
 * escaped (colour codes kept when colour is on), so no format can put a raw escape on the screen.
 */
export function safeStdout(io: Io): Io {
  const out = io.stdout;
  const keepColor = useColor(io);
  const stdout: Sink = {
    write: (text: string) => out.write(safeOutput(String(text), keepColor)),
    isTTY: out.isTTY,
    ...(out.columns !== undefined ? { columns: out.columns } : {}),
    ...(out.once ? { once: (event: "drain", listener: () => void) => out.once!(event, listener) } : {}),
  };
  return { ...io, stdout };
}
