// The one reader of plan input for every command: a workload or plan file (or its text at a git ref), token files counted first.

import { dirname, join } from "node:path";
import { InputError, UsageError } from "../core/errors.js";
import { Exact } from "../core/exact.js";
import type { Plan } from "../core/types.js";
import { parsePlan, parsePlanOrTokenFiles } from "../workload/parse-plan.js";
import type { Io } from "./io.js";
import { readTextFile } from "./sources.js";
import { loadTokenCounter } from "./tokenizer.js";

/**
 * Parses the plan at `path`, or standard input for `-`. Paths in `{ file: path }` token fields
 * are relative to the plan file (to the working directory for stdin); the tokenizer loads only
 * when the plan has such a field.
 */
export async function readPlanFile(path: string, io: Io): Promise<Plan> {
  if (path === "-") {
    if (!io.readStdin) throw new UsageError("standard input is not available here", "name a plan file instead of -");
    return readPlanText(io.readStdin(), "-", io, io.cwd ?? process.cwd());
  }
  const { file, text } = readTextFile(path, io.cwd);
  return readPlanText(text, file, io);
}

/**
 * Parses plan text read from `file` (a path, or a file at a git ref), counting its token files,
 * which are read from `dir` (by default the plan file's folder).
 */
export async function readPlanText(text: string, file: string, io: Io, dir = dirname(file)): Promise<Plan> {
  const first = parsePlanOrTokenFiles(text, file);
  if (first.plan) return first.plan;
  const refs = first.tokenFiles;
  const count = await loadTokenCounter();
  const counts = new Map<string, Exact>();
  for (const ref of refs) {
    let body: string;
    try {
      body = readTextFile(join(dir, ref.path), io.cwd, "text").text;
    } catch (err) {
      const why = err instanceof InputError ? err.message : String(err);
      throw new InputError(`cannot read ${ref.path}: ${why}`, "token files are read relative to the plan file", ref.where);
    }
    counts.set(ref.path, Exact.int(count(body)));
  }
  return parsePlan(text, file, counts);
}
