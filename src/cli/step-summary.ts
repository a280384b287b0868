// GitHub Actions job summary: the Markdown report appended to the file $GITHUB_STEP_SUMMARY names.

import { appendFileSync } from "node:fs";
import { InputError } from "../core/errors.js";
import type { Io } from "./io.js";

/** Appends `markdown` to $GITHUB_STEP_SUMMARY when it is set; does nothing otherwise. */
export function appendStepSummary(io: Io, markdown: string): void {
  const path = io.env.GITHUB_STEP_SUMMARY;
  if (!path) return;
  try {
    appendFileSync(path, markdown.endsWith("\n") ? markdown + "\n" : markdown + "\n\n");
  } catch (err) {
    throw new InputError(`cannot append to $GITHUB_STEP_SUMMARY: ${(err as Error).message}`, "unset GITHUB_STEP_SUMMARY or point it at a writable file", { file: path });
  }
}
