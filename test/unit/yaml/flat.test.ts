// The flat fast path builds exactly the nodes, ranges and line table the full YAML parser builds.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { parseFlat } from "../../../src/yaml/flat.js";
import { ROOT } from "../../helpers/cli.js";

/** A comparable picture of a node: kind, source text, null-ness and start/end (all YamlFile reads). */
function picture(node: unknown): unknown {
  if (isScalar(node)) return { source: node.source ?? String(node.value), isNull: node.value === null, range: node.range?.slice(0, 2) };
  if (isSeq(node)) return { seq: node.items.map(picture), range: node.range?.slice(0, 2) };
  if (isMap(node)) return { map: node.items.map((p) => [picture(p.key), picture(p.value)]) };
  return { other: String(node) };
}

function both(text: string) {
  const fastLines = new LineCounter();
  const fast = parseFlat(text, fastLines);
  const fullLines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: fullLines, uniqueKeys: true });
  return { fast, fastLines, doc, fullLines };
}

function expectSame(text: string) {
  const { fast, fastLines, doc, fullLines } = both(text);
  expect(fast, "the fast path should take this file").toBeDefined();
  expect(doc.errors).toEqual([]);
  expect(picture(fast)).toEqual(picture(doc.contents as Node));
  for (let o = 0; o <= text.length; o++) expect(fastLines.linePos(o)).toEqual(fullLines.linePos(o));
}

describe("flat YAML fast path", () => {
  it("reads the worked example exactly as the full parser does", () => {
    expectSame(readFileSync(join(ROOT, "examples/worked-example.yaml"), "utf8"));
  });

  it.each([
    "calls: 1_000_000\nmiss: 200 # comment\nreply: 1.5M\n",
    "name: support bot\nas_of: 2026-08-16T16:00Z\nmodels: [deepseek-v4-flash, deepseek-v4-pro]\n",
    "# only a comment\n\ncalls: 10\n  \nmiss: -5\nreasoning: null\nreply: ~\n",
    "calls: 1e6\npeak: 25%\nmodels: [a,b , c]\n",
  ])("matches the full parser on %j", (text) => expectSame(text));

  it.each([
    ["nesting", "workloads:\n  - calls: 1\n"],
    ["quotes", 'name: "x"\n'],
    ["anchors", "a: &x 1\nb: *x\n"],
    ["duplicate keys", "calls: 1\ncalls: 2\n"],
    ["a colon and space in a value", "name: a: b\n"],
    ["a document marker", "---\ncalls: 1\n"],
    ["tabs", "calls:\t1\n"],
    ["CRLF line ends", "calls: 1\r\n"],
    ["an empty list", "models: []\n"],
    ["a block sequence indicator", "models: - a\n"],
    ["an empty file", ""],
  ])("leaves %s to the full parser", (_what, text) => {
    expect(parseFlat(text, new LineCounter())).toBeUndefined();
  });

  it("never disagrees with the full parser on generated flat files", () => {
    const key = fc.constantFrom("calls", "miss", "reply", "name", "as_of", "models", "x_1");
    const word = fc.stringMatching(/^[A-Za-z0-9_.+\-/:@% #]{1,12}$/);
    const val = fc.oneof(word, fc.array(fc.stringMatching(/^[a-z0-9.-]{1,8}$/), { minLength: 1, maxLength: 3 }).map((xs) => `[${xs.join(", ")}]`));
    const line = fc.tuple(key, val, fc.constantFrom("", " # note")).map(([k, v, c]) => `${k}: ${v}${c}`);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (ls) => {
        const text = ls.join("\n") + "\n";
        const { fast, fastLines, doc, fullLines } = both(text);
        if (!fast) return true; // left to the full parser: always safe
        if (doc.errors.length > 0) return false; // the fast path must not accept what the parser rejects
        expect(picture(fast)).toEqual(picture(doc.contents as Node));
        for (let o = 0; o <= text.length; o++) expect(fastLines.linePos(o)).toEqual(fullLines.linePos(o));
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
