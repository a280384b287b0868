// A one-line progress bar on stderr, drawn only on a terminal and only for large inputs.

import type { Sink } from "./io.js";

/** Inputs below this many bytes finish too fast to need a bar. */
export const PROGRESS_MIN_BYTES = 8 * 1024 * 1024;
const WIDTH = 30;
const EVERY_MS = 100;

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/** Draws read bytes against the total, at most every 100 ms; `done` erases the line. */
export class Progress {
  private read = 0;
  private drawnAt = 0;
  /** Whether the bar is drawn at all (stderr a terminal, input large). */
  readonly on: boolean;

  constructor(
    private readonly sink: Sink,
    private readonly total: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.on = sink.isTTY === true && total >= PROGRESS_MIN_BYTES;
  }

  /** Counts `n` more bytes read. */
  bytes(n: number): void {
    if (!this.on) return;
    this.read += n;
    const now = this.clock();
    if (now - this.drawnAt < EVERY_MS) return;
    this.drawnAt = now;
    const share = Math.min(1, this.read / this.total);
    const filled = Math.round(share * WIDTH);
    this.sink.write(`\r[${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${mb(this.read)} of ${mb(this.total)}`);
  }

  /** Erases the bar. */
  done(): void {
    if (this.on && this.drawnAt !== 0) this.sink.write("\r\x1b[K");
  }
}
