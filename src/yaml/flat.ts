// A fast path for flat YAML files (top-level `key: plain-scalar` and `key: [a, b]` lines only):
// builds the yaml library's own nodes without its parser, so small plan files load quickly.
// Anything else (nesting, quotes, anchors, odd characters, duplicate keys) returns undefined and
// the full parser takes over, with its own positions and errors.

import { LineCounter, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from "yaml";

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_]*):(?: +(\S.*?))? *$/;
const PLAIN = /^[A-Za-z0-9_.+/][A-Za-z0-9_.+\-/:@% ]*$|^-[A-Za-z0-9_.]+[A-Za-z0-9_.+\-/:@% ]*$/;
const ITEM = /^[A-Za-z0-9_.+/][A-Za-z0-9_.+\-/:@%]*$/;
const NULLS = new Set(["null", "Null", "NULL", "~"]);

function scalar(source: string, start: number): Scalar {
  const s = new Scalar(NULLS.has(source) ? null : source);
  s.source = source;
  s.type = "PLAIN";
  s.range = [start, start + source.length, start + source.length];
  return s;
}

/** A plain scalar's text is safe to take as is: no comment, no mapping indicator, no trailing colon. */
function plainOk(text: string): boolean {
  return PLAIN.test(text) && !text.includes(": ") && !text.endsWith(":") && !text.includes(" #");
}

function value(text: string, start: number): Node | undefined {
  if (!text.startsWith("[")) return plainOk(text) || text === "~" ? scalar(text, start) : undefined;
  if (!text.endsWith("]")) return undefined;
  const seq = new YAMLSeq();
  seq.flow = true;
  seq.range = [start, start + text.length, start + text.length];
  let at = start + 1;
  for (const raw of text.slice(1, -1).split(",")) {
    const item = raw.trim();
    if (!ITEM.test(item) || item.endsWith(":")) return undefined;
    seq.items.push(scalar(item, at + raw.indexOf(item)));
    at += raw.length + 1;
  }
  return seq;
}

/** The root mapping of a flat file, with `lines` filled as the parser would; else undefined. */
export function parseFlat(text: string, lines: LineCounter): YAMLMap | undefined {
  if (text.includes("\r") || text.includes("\t")) return undefined;
  const map = new YAMLMap();
  const keys = new Set<string>();
  const starts: number[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    starts.push(offset);
    const content = line.replace(/(^| +)#.*$/, "");
    if (content.trim() !== "") {
      const m = KEY_LINE.exec(content);
      if (!m || !m[2] || keys.has(m[1]!)) return undefined;
      const node = value(m[2], offset + content.indexOf(m[2], m[1]!.length + 1));
      if (!node) return undefined;
      keys.add(m[1]!);
      map.items.push(new Pair(scalar(m[1]!, offset), node));
    }
    offset += line.length + 1;
  }
  if (map.items.length === 0) return undefined;
  for (const s of starts) lines.addNewLine(s);
  map.range = [map.items[0]!.key ? (map.items[0]!.key as Scalar).range![0] : 0, text.length, text.length];
  return map;
}
