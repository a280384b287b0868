// File access for the CLI: only regular files are read, within a byte budget, with clear errors.

import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync, type Stats } from "node:fs";
import { join, resolve } from "node:path";
import type { CardSource } from "../cards/load.js";
import { InputError } from "../core/errors.js";
import { escapeControl } from "../core/printable.js";
import { bytesText, LIMIT_ENV, limits, type Limits } from "./limits.js";

/** A file-system error's cause in words, with its code: "permission denied (EACCES)". */
export function fsCause(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    ENOENT: "no such file or folder",
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    EISDIR: "is a folder",
    ENOTDIR: "a part of the path is not a folder",
    ENOSPC: "no space left on the device",
    EIO: "input/output error",
    ELOOP: "too many symbolic links",
    ENAMETOOLONG: "the name is too long",
    EMFILE: "too many open files",
  };
  if (e && typeof e.code === "string") return `${words[e.code] ?? "cannot access it"} (${e.code})`;
  return escapeControl(err instanceof Error ? err.message : String(err));
}

/** The error for a failed file-system call on `file`, naming the path and the cause. */
export function fsError(err: unknown, file: string, action = "cannot read"): InputError {
  const code = (err as NodeJS.ErrnoException)?.code;
  const hint = code === "ENOENT" ? "check the path" : code === "EACCES" || code === "EPERM" ? "check the file's permissions" : "check the file";
  return new InputError(`${action}: ${fsCause(err)}`, hint, { file });
}

/** What kind of non-regular file `s` is, or undefined for a regular file or a folder. */
export function specialKind(s: Stats): string | undefined {
  if (s.isFIFO()) return "a FIFO (named pipe)";
  if (s.isCharacterDevice()) return "a character device";
  if (s.isBlockDevice()) return "a block device";
  if (s.isSocket()) return "a socket";
  if (!s.isFile() && !s.isDirectory()) return "not a regular file";
  return undefined;
}

/** stat(2) of a path, failing with an InputError that names it. */
export function statPath(full: string, file: string): Stats {
  try {
    return statSync(full);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new InputError("no such file", "check the path", { file });
    throw fsError(err, file, "cannot open");
  }
}

/** Fails unless `s` is a regular file (a folder, device, FIFO or socket is refused before it is opened). */
function requireRegular(s: Stats, file: string, folderHint: string): void {
  if (s.isDirectory()) throw new InputError("is a folder, not a file", folderHint, { file });
  const kind = specialKind(s);
  if (kind) throw new InputError(`is ${kind}, not a regular file`, "name a regular file, or - for standard input where a command reads it", { file });
}

function tooBig(file: string, budget: number, key: keyof Limits, what: string): InputError {
  return new InputError(`is larger than the ${bytesText(budget)} limit for ${what}`, `is it the right file? ${LIMIT_ENV[key]} raises the limit`, { file });
}

/** The full path of a text file to stream (`tokens`): a regular file only, checked before it is opened. */
export function textFilePath(path: string, cwd = process.cwd()): string {
  const full = resolve(cwd, path);
  requireRegular(statPath(full, path), path, "name a file inside it");
  try {
    closeSync(openSync(full, "r")); // unreadable fails now, before any slow set-up (the tokenizer)
  } catch (err) {
    throw fsError(err, path);
  }
  return full;
}

/**
 * Reads a text file: a regular file only (checked before opening), at most the budget for its
 * kind (`yaml` for plans, cards and configs; `text` for texts and JSON), every error naming the path.
 */
export function readTextFile(path: string, cwd = process.cwd(), kind: "yaml" | "text" | "yaml-or-json" = "yaml"): { file: string; text: string } {
  if (kind === "yaml-or-json") {
    const read = readTextFile(path, cwd, "text");
    checkPlanOrReport(read.text, path);
    return read;
  }
  const full = resolve(cwd, path);
  requireRegular(statPath(full, path), path, kind === "yaml" ? "name a .yaml file inside it" : "name a file inside it");
  const key = kind === "yaml" ? "yamlBytes" : "textBytes";
  const budget = limits()[key];
  const what = kind === "yaml" ? "a YAML file" : "a text file";
  let fd: number | undefined;
  try {
    fd = openSync(full, "r");
    const s = fstatSync(fd);
    requireRegular(s, path, "name a file");
    if (s.size > budget) throw tooBig(path, budget, key, what);
    const buf = Buffer.allocUnsafe(Math.min(budget + 1, Math.max(s.size + 1, 65536)));
    let n = 0;
    let chunks: Buffer[] | undefined;
    for (;;) {
      const k = readSync(fd, buf, n, buf.length - n, null);
      if (k === 0) break;
      n += k;
      if (n === buf.length) {
        // The file grew (or reports no size): keep reading up to the budget.
        (chunks ??= []).push(Buffer.from(buf));
        const total = chunks.reduce((a, c) => a + c.length, 0);
        if (total > budget) throw tooBig(path, budget, key, what);
        n = 0;
      }
    }
    const all = chunks ? Buffer.concat([...chunks, buf.subarray(0, n)]) : buf.subarray(0, n);
    if (all.length > budget) throw tooBig(path, budget, key, what);
    return { file: path, text: all.toString("utf8") };
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw fsError(err, path);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Fails when `text` (a plan, or a saved JSON report, as `diff` takes) is over its budget: a saved
 * report may be as large as a text file, YAML only as large as a YAML file.
 */
export function checkPlanOrReport(text: string, file: string): void {
  const { yamlBytes, textBytes } = limits();
  const json = /^\s*\{/.test(text.slice(0, 1000));
  const bytes = Buffer.byteLength(text);
  if (json && bytes > textBytes) throw tooBig(file, textBytes, "textBytes", "a text file");
  if (!json && bytes > yamlBytes) throw tooBig(file, yamlBytes, "yamlBytes", "a YAML file");
}

/** Expands --rates paths (files, or folders of *.yaml / *.yml, sorted) into card sources. */
export function readCardSources(paths: string[], cwd = process.cwd()): CardSource[] {
  const out: CardSource[] = [];
  for (const p of paths) {
    const full = resolve(cwd, p);
    const s = statPath(full, p);
    if (s.isDirectory()) {
      let names: string[];
      try {
        names = readdirSync(full).filter((n) => /\.ya?ml$/.test(n)).sort();
      } catch (err) {
        throw fsError(err, p, "cannot list the folder");
      }
      if (names.length === 0) throw new InputError("the folder has no *.yaml rate cards", "put rate cards in it or name a file", { file: p });
      for (const n of names) out.push(readTextFile(join(p, n), cwd));
    } else {
      out.push(readTextFile(p, cwd));
    }
  }
  return out;
}
