// Standard output and error as synchronous writes to their descriptors: no stream modules to load at start-up, nothing left unflushed at exit.

import { fstatSync, statSync, writeSync, type Stats } from "node:fs";
import type { Sink } from "./io.js";

/** Whether `s` is /dev/null itself (empty to read, discards writes, never a terminal). */
export function isDevNull(s: Stats): boolean {
  return s.isCharacterDevice() && s.rdev === statSync("/dev/null", { throwIfNoEntry: false })?.rdev;
}

/**
 * Whether descriptor `fd` is surely not a terminal: a regular file, a pipe, a socket or /dev/null.
 * Terminals, other devices and a descriptor that cannot be inspected answer false: they keep Node's
 * own stream, which knows a terminal's width and colours.
 */
export function surelyNotTerminal(fd: number): boolean {
  try {
    const s = fstatSync(fd);
    return s.isFile() || s.isFIFO() || s.isSocket() || isDevNull(s);
  } catch {
    return false;
  }
}

/** A 4-byte cell to sleep on with Atomics.wait while a non-blocking pipe is full. */
const nap = new Int32Array(new SharedArrayBuffer(4));

/**
 * A sink writing each text whole to `fd` before returning. A descriptor left non-blocking by whoever
 * opened it (a full pipe answers EAGAIN) is waited on a millisecond at a time, so output is never cut.
 * The first error (EPIPE, ENOSPC...) goes to `onError` on a later turn, as a Node stream reports it,
 * so the run can settle its exit code first (a gate's verdict stays its verdict). From then on every
 * write is dropped and answers false, and `once("drain")` never fires: a streaming writer stops there.
 */
export function fdSink(fd: number, onError: (err: NodeJS.ErrnoException) => void): Sink {
  let failed = false;
  return {
    isTTY: false,
    write(text: string): boolean {
      if (failed) return false;
      const bytes = Buffer.from(text, "utf8");
      let done = 0;
      while (done < bytes.length) {
        try {
          done += writeSync(fd, bytes, done, bytes.length - done);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === "EAGAIN") {
            Atomics.wait(nap, 0, 0, 1);
            continue;
          }
          failed = true;
          setImmediate(() => onError(err as NodeJS.ErrnoException));
          return false;
        }
      }
      return true;
    },
    once: () => undefined,
  };
}
