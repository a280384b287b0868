// File access for the CLI: reading input files and rate-card paths, with clear errors.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { CardSource } from "../cards/load.js";
import { InputError } from "../core/errors.js";

function stat(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The full path of a text file to read; a missing path or a folder is an InputError naming the path. */
export function textFilePath(path: string, cwd = process.cwd()): string {
  const full = resolve(cwd, path);
  const s = stat(full);
  if (!s) throw new InputError(`no such file`, "check the path", { file: path });
  if (s.isDirectory()) throw new InputError(`is a folder, not a file`, "name a .yaml file inside it", { file: path });
  return full;
}

/** Reads a text file; a missing path or a folder is an InputError naming the path. */
export function readTextFile(path: string, cwd = process.cwd()): { file: string; text: string } {
  return { file: path, text: readFileSync(textFilePath(path, cwd), "utf8") };
}

/** Expands --rates paths (files, or folders of *.yaml / *.yml, sorted) into card sources. */
export function readCardSources(paths: string[], cwd = process.cwd()): CardSource[] {
  const out: CardSource[] = [];
  for (const p of paths) {
    const s = stat(resolve(cwd, p));
    if (s?.isDirectory()) {
      const names = readdirSync(resolve(cwd, p)).filter((n) => /\.ya?ml$/.test(n)).sort();
      if (names.length === 0) throw new InputError("the folder has no *.yaml rate cards", "put rate cards in it or name a file", { file: p });
      for (const n of names) out.push(readTextFile(join(p, n), cwd));
    } else {
      out.push(readTextFile(p, cwd));
    }
  }
  return out;
}
