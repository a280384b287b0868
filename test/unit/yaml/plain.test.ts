// The plain-style fast path builds exactly the nodes, positions and line table the full YAML parser builds.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { parsePlain } from "../../../src/yaml/plain.js";
import { ROOT } from "../../helpers/cli.js";

/** A comparable picture of a node: kind, type, source text, null-ness, a key's name and where it starts (all YamlFile reads). */
function picture(node: unknown, key = false): unknown {
  if (isScalar(node)) return { source: node.source ?? String(node.value), type: node.type, isNull: node.value === null, range: node.range?.slice(0, 2), ...(key ? { name: String(node.value) } : {}) };
  if (isSeq(node)) return { seq: node.items.map((item) => picture(item)), flow: node.flow === true, start: node.range?.[0] };
  if (isMap(node)) return { map: node.items.map((p) => [picture(p.key, true), picture(p.value)]), start: node.range?.[0] };
  return { other: String(node) };
}

function both(text: string) {
  const fastLines = new LineCounter();
  const fast = parsePlain(text, fastLines);
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

describe("plain-style YAML fast path", () => {
  it("reads the worked example exactly as the full parser does", () => {
    expectSame(readFileSync(join(ROOT, "examples/worked-example.yaml"), "utf8"));
  });

  it.each([
    "calls: 1_000_000\nmiss: 200 # comment\nreply: 1.5M\n",
    "name: support bot\nas_of: 2026-08-16T16:00Z\nmodels: [deepseek-v4-flash, deepseek-v4-pro]\n",
    "# only a comment\n\ncalls: 10\n  \nmiss: -5\nreasoning: null\nreply: ~\n",
    "calls: 1e6\npeak: 25%\nmodels: [a,b , c]\n",
    "workloads:\n  - calls: 1\n",
    "name: p\nworkloads:\n  - name: chat # first\n    calls: 1_000\n    models: [a, b]\n\n  # between items\n  -   name: two\n      miss: 5\nbudget:\n    fail: 10\n    warn: 8\n",
    "a:\n  b:\n    c:\n      - x\n      - y: 1\n        z: [q]\n  d: 2\n",
    "models:\n - a\n - b/c:d\n - ~\n",
  ])("matches the full parser on %j", (text) => expectSame(text));

  it.each(["support-plan.yaml", "chat-conversation.yaml"])("reads examples/%s as the full parser does", (file) => {
    expectSame(readFileSync(join(ROOT, "examples", file), "utf8"));
  });

  it.each(["examples/budgeted-plan.yaml", "examples/nightly-batch.yaml", "rates/deepseek.yaml", "rates/anthropic.yaml", "rates/openai.yaml", "rates/google.yaml"])("agrees with the full parser on %s when it takes it", (file) => {
    const text = readFileSync(join(ROOT, file), "utf8");
    const { fast, fastLines, doc, fullLines } = both(text);
    if (!fast) return; // flow mappings, quotes or notes with other characters: the full parser's
    expect(doc.errors).toEqual([]);
    expect(picture(fast)).toEqual(picture(doc.contents as Node));
    for (let o = 0; o <= text.length; o++) expect(fastLines.linePos(o)).toEqual(fullLines.linePos(o));
  });

  it.each([
    ["quotes", 'name: "x"\n'],
    ["an empty value (null)", "budget:\ncalls: 1\n"],
    ["an empty value in an item", "items:\n  - a:\n    b: 1\n"],
    ["a list in the key's own column", "models:\n- a\n"],
    ["an item holding a block", "items:\n  -\n    a: 1\n"],
    ["a list in a list", "items:\n  - - a\n"],
    ["a key the core schema types", "true: 1\n"],
    ["a multi-line value", "name: a\n  b\n"],
    ["a key out of line", "a: 1\n b: 2\n"],
    ["a key longer than 1024 characters", `${"a".repeat(1025)}: 1\n`],
    ["a long key on an item line", `k:\n  - ${"a".repeat(1025)}: 1\n`],
    ["white space other than spaces in a list", "a: [x,\u00a0y]\n"],
    ["a byte-order mark in a list", "a: [x\ufeff]\n"],
    ["a line separator in an item's list", "k:\n  - [\u2028a]\n"],
    ["nesting deeper than 64", Array.from({ length: 70 }, (_, i) => `${" ".repeat(i)}k:`).join("\n") + ` 1\n`],
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
    expect(parsePlain(text, new LineCounter())).toBeUndefined();
  });

  it("never disagrees with the full parser on generated nested files, nor on any one-character edit of them", () => {
    const key = fc.constantFrom("calls", "miss", "name", "a", "b", "x_1", "models", "null", "True");
    const word = fc.stringMatching(/^[A-Za-z0-9_.+\-/:@% #~]{1,10}$/);
    const flow = fc.array(fc.stringMatching(/^[a-z0-9.:-]{1,6}$/), { minLength: 1, maxLength: 3 }).map((xs) => `[${xs.join(", ")}]`);
    type Tree = string | Tree[] | [string, Tree][];
    const { tree } = fc.letrec<{ tree: Tree; map: [string, Tree][]; list: Tree[] }>((tie) => ({
      tree: fc.oneof({ depthSize: "small", withCrossShrink: true }, word, flow, tie("map"), tie("list")),
      map: fc.array(fc.tuple(key, tie("tree")), { minLength: 1, maxLength: 3 }).map((es) => es.map(([k, v]) => [k, v] as [string, Tree])),
      list: fc.array(tie("tree"), { minLength: 1, maxLength: 3 }).map((xs) => ({ list: xs }) as unknown as Tree[]),
    }));
    const isMapTree = (t: Tree): t is [string, Tree][] => Array.isArray(t);
    const isList = (t: Tree): t is { list: Tree[] } & Tree[] => typeof t === "object" && !Array.isArray(t);
    /** Renders a tree as block YAML lines at `indent`, nesting by `step` columns; `extra` adds spaces after a dash. */
    function render(t: Tree, indent: number, step: number, extra: number, out: string[], lead?: string): void {
      const pad = " ".repeat(indent);
      if (isMapTree(t)) {
        t.forEach(([k, v], n) => {
          const at = n === 0 && lead !== undefined ? lead : pad;
          if (typeof v === "string") out.push(`${at}${k}: ${v}`);
          else {
            out.push(`${at}${k}:`);
            render(v, indent + step, step, extra, out);
          }
        });
      } else if (isList(t)) {
        for (const item of (t as unknown as { list: Tree[] }).list) {
          const dash = `${pad}-${" ".repeat(1 + extra)}`;
          if (typeof item === "string") out.push(`${dash}${item}`);
          else render(item, indent + 2 + extra, step, extra, out, dash);
        }
      }
    }
    const doc = fc.tuple(tree, fc.constantFrom(1, 2, 4), fc.constantFrom(0, 0, 2), fc.array(fc.tuple(fc.nat(), fc.constantFrom("", "# note", "   # indented note")), { maxLength: 3 }));
    const edit = fc.tuple(fc.nat(), fc.nat(2), fc.constantFrom(" ", "-", ":", "#", "[", "]", "&", "*", '"', "'", "\n", "\t", "{", "|", ">", "a", "?", ",", "!", "\u00a0", "\ufeff", "\u2028", "\v", "\u3000"));
    fc.assert(
      fc.property(doc, edit, ([t, step, extra, notes], [where, how, ch]) => {
        const root: Tree = isMapTree(t) ? t : [["root", t]];
        const out: string[] = [];
        render(root, 0, step, extra, out);
        for (const [pos, note] of notes) out.splice(pos % (out.length + 1), 0, note);
        const text = out.join("\n") + "\n";
        const i = where % (text.length + 1);
        const edited = how === 0 ? text.slice(0, i) + ch + text.slice(i) : how === 1 ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + ch + text.slice(i + 1);
        for (const candidate of [text, edited]) {
          const { fast, fastLines, doc: full, fullLines } = both(candidate);
          if (!fast) continue; // left to the full parser: always safe
          expect(full.errors).toEqual([]); // the fast path never accepts what the parser rejects
          expect(picture(fast)).toEqual(picture(full.contents as Node));
          for (let o = 0; o <= candidate.length; o++) expect(fastLines.linePos(o)).toEqual(fullLines.linePos(o));
        }
        return true;
      }),
      { numRuns: 3000 },
    );
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
