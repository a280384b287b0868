// The CLI's injected world: output streams, environment and clock (tests pass their own).

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

/** Writes each warning to stderr as "ratecard: warning: ...". */
export function writeWarnings(io: Io, warnings: Iterable<string>): void {
  for (const w of warnings) io.stderr.write(`ratecard: warning: ${w}\n`);
}
