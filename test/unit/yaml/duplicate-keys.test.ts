// Duplicate keys: found in one pass per mapping, reported where and as the yaml library's own uniqueKeys check reports them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineCounter, parseDocument } from "yaml";
import { InputError } from "../../../src/core/errors.js";
import { YamlFile } from "../../../src/yaml/document.js";

/** What the library's check says about `text`: the first error's code and line:col, or "ok". */
function library(text: string): string {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (!err) return "ok";
  const p = lines.linePos(err.pos[0]);
  return `${err.code === "DUPLICATE_KEY" ? "duplicate" : "other"} ${p.line}:${p.col}`;
}

/** What YamlFile says: a duplicate-key error and its line:col, another YAML error, or "ok". */
function ours(text: string): string {
  try {
    new YamlFile(text, "f.yaml");
    return "ok";
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    if (/^YAML duplicate key/.test(err.message)) return `duplicate ${err.where?.line}:${err.where?.col}`;
    return /^YAML syntax error/.test(err.message) ? `other ${err.where?.line}:${err.where?.col}` : "ok"; // empty files and the like: not this test's
  }
}

describe("duplicate keys", () => {
  it("are reported as the library reports them, for typed, nested and flow keys", () => {
    const key = fc.constantFrom("a", "b", "1", "1.0", '"1"', "true", "True", "~", "null", ".nan", "0x1", "'a'", "[x]", "&k a", "*k");
    const { tree } = fc.letrec<{ tree: string; map: string }>((tie) => ({
      tree: fc.oneof({ depthSize: "small" }, fc.constantFrom("1", "x", '"q"'), tie("map")),
      map: fc.oneof(
        fc.array(fc.tuple(key, tie("tree")), { minLength: 1, maxLength: 4 }).map((es) => `{${es.map(([k, v]) => `${k}: ${v}`).join(", ")}}`),
        fc.array(fc.tuple(key, fc.constantFrom("1", "x", "[1, 2]")), { minLength: 1, maxLength: 4 }).map((es) => `{${es.map(([k, v]) => `${k}: ${v}`).join(", ")}}`),
      ),
    }));
    const block = fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 5 }).map((es) => es.map(([k, v]) => `${k}: ${v}`).join("\n") + "\n");
    fc.assert(
      fc.property(block, (text) => {
        const expected = library(text);
        const got = ours(text);
        // A file with other YAML errors too reports whichever comes first in the file (the library may list another first).
        const others = parseDocument(text, { uniqueKeys: false }).errors.length > 0;
        if (!others && (expected.startsWith("duplicate") || got.startsWith("duplicate"))) expect(got).toBe(expected);
        if (!others && !expected.startsWith("duplicate")) expect(got.startsWith("duplicate")).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it("are found in a mapping of 60,000 keys without comparing each key to every other", () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `k${i}: 1`);
    expect(ours(`name: "quoted: the full parser's"\n${keys.join("\n")}\nk59999: 2\n`)).toBe("duplicate 60002:1");
  });
});
