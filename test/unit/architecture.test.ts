// The layering holds: src/core imports only from src/core, and nothing outside src/cli touches Node's
// modules or `process` (the CLI is the one edge with I/O).
import { builtinModules } from "node:module";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const SRC = join(ROOT, "src");
const BUILTINS = new Set(builtinModules);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|cjs|mjs|js)$/.test(n) ? [p] : [];
  });
}

/** Source without comments and string contents (so a word in a message is not code). */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:])\/\/.*$/gm, "$1")
    .replace(/`(?:\\.|[^`\\])*`|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, (s) => s[0]! + s.at(-1)!);
}

/** Every module specifier a file names: static imports and exports, import(), require(). */
function specifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|\brequire\s*\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s*["']([^"']+)["']/g)) {
    out.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  }
  return out;
}

/** The layering rules broken by one file (`path` relative to src/). */
export function violations(path: string, text: string): string[] {
  const out: string[] = [];
  const inCore = path.startsWith("core/");
  const inCli = path.startsWith("cli/");
  for (const s of specifiers(text)) {
    const builtin = s.startsWith("node:") || BUILTINS.has(s.split("/")[0]!);
    if (!inCli && builtin) out.push(`${path} imports ${s}`);
    if (inCore) {
      const target = s.startsWith(".") ? relative(SRC, resolve(SRC, dirname(path), s)) : null;
      if (target === null || !target.startsWith("core/")) out.push(`${path} imports ${s} from outside src/core`);
    }
  }
  if (!inCli && /\bprocess\s*[.[]/.test(code(text))) out.push(`${path} uses process`);
  return out;
}

describe("the layering", () => {
  it("has no module breaking it", () => {
    const all = files(SRC).flatMap((f) => violations(relative(SRC, f), readFileSync(f, "utf8")));
    expect(all).toEqual([]);
  });

  it("would catch each kind of breach", () => {
    expect(violations("core/x.ts", 'import { run } from "../cli/run.js";')).toEqual(["core/x.ts imports ../cli/run.js from outside src/core"]);
    expect(violations("core/x.ts", 'import chalk from "chalk";')).toEqual(['core/x.ts imports chalk from outside src/core']);
    expect(violations("core/forms/y.ts", 'import { Exact } from "../exact.js";')).toEqual([]);
    expect(violations("render/x.ts", 'import { readFileSync } from "node:fs";')).toEqual(["render/x.ts imports node:fs"]);
    expect(violations("usage/x.ts", 'const z = await import("zlib");')).toEqual(["usage/x.ts imports zlib"]);
    expect(violations("cards/x.ts", "const home = process.env.HOME;")).toEqual(["cards/x.ts uses process"]);
    expect(violations("cards/x.ts", '// process.env is read by the CLI\nconst s = "process.exit";')).toEqual([]);
    expect(violations("cli/x.ts", 'import { readFileSync } from "node:fs";\nprocess.exit(1);')).toEqual([]);
  });
});
