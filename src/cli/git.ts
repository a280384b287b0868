// `--base-ref`: a file as committed at a git ref, read with `git show REF:PATH` in the file's repository.

import { spawnSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { InputError, UsageError } from "../core/errors.js";
import { isQuotable, quote } from "../core/printable.js";
import { LIMIT_ENV, limits } from "./limits.js";
import { checkPlanOrReport } from "./sources.js";

function git(args: string[], cwd: string): { ok: boolean; out: string; err: string } {
  const r = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: limits().textBytes + 1 });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === "ENOBUFS") throw new InputError(`git printed more than the ${limits().textBytes}-byte limit for a text file`, `is it the right file? ${LIMIT_ENV.textBytes} raises the limit`);
    const missing = code === "ENOENT";
    throw new InputError(missing ? "git is not installed (--base-ref needs it)" : `git failed: ${r.error.message}`, "install git, or compare two files: ratecard diff BASE HEAD");
  }
  return { ok: r.status === 0, out: r.stdout, err: r.stderr.trim().split("\n")[0] ?? "" };
}

/** The text of `file` (a working-copy path) as committed at `ref`, named "REF:PATH" for messages. */
export function readAtRef(ref: string, file: string, cwd: string): { file: string; text: string } {
  if (ref.startsWith("-") || ref.trim() === "" || !isQuotable(ref, 200)) throw new UsageError(`--base-ref: ${quote(ref)} is not a git ref`, "name a branch, tag or commit, e.g. --base-ref origin/main");
  let full: string;
  try {
    full = realpathSync(resolve(cwd, file));
  } catch {
    throw new InputError("no such file", "--base-ref compares the working copy of FILE with REF: name a file that exists", { file });
  }
  const top = git(["rev-parse", "--show-toplevel"], dirname(full));
  if (!top.ok) throw new InputError("not inside a git repository", "--base-ref reads the file's history with git; compare two files instead", { file });
  const root = realpathSync(top.out.trim());
  const path = relative(root, full).split(sep).join("/");
  const label = `${ref}:${path}`;
  if (!git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], root).ok) {
    throw new InputError(`unknown git ref ${quote(ref)}`, "fetch it first (actions/checkout needs fetch-depth: 0) or name an existing branch, tag or commit", { file });
  }
  const shown = git(["show", `${ref}:${path}`], root);
  if (!shown.ok) {
    throw new InputError(`the file does not exist at ${ref}`, "a new plan has no base to compare with: gate it with ratecard check", { file: label });
  }
  checkPlanOrReport(shown.out, label);
  return { file: label, text: shown.out };
}
