// Standard input read whole (for `tokens -`), within the text-file byte budget.

import { fstatSync, readSync } from "node:fs";
import { isatty } from "node:tty";
import { InputError } from "../core/errors.js";
import { isDevNull } from "./fd-sink.js";
import { bytesText, LIMIT_ENV, limits } from "./limits.js";
import { fsCause } from "./sources.js";

/**
 * Standard input that is a device (`< /dev/zero`) may never end: refused before reading, like a
 * device named as a path. A terminal and /dev/null (empty) are fine.
 */
export function refuseEndlessStdin(): void {
  let s;
  try {
    s = fstatSync(0);
  } catch {
    return; // no descriptor to check: reading reports its own errors
  }
  if (s.isCharacterDevice() && !isatty(0) && !isDevNull(s)) {
    throw new InputError("standard input is a character device, not a file or a pipe", "pipe a file in: ratecard ... - < file", { file: "-" });
  }
}

/** Reads all of standard input as UTF-8; a device or more than the text budget is an InputError, not a hang. */
export function readStdinText(): string {
  refuseEndlessStdin();
  const budget = limits().textBytes;
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.allocUnsafe(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") continue; // a non-blocking pipe with nothing yet
      if (code === "EOF") break;
      throw new InputError(`cannot read: ${fsCause(err)}`, "check what is piped in", { file: "-" });
    }
    if (n === 0) break;
    total += n;
    if (total > budget) throw new InputError(`is larger than the ${bytesText(budget)} limit for a text file`, `${LIMIT_ENV.textBytes} raises the limit`, { file: "-" });
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString("utf8");
}
