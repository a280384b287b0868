// A fast path for plain block YAML (`key: value` lines, nested mappings, `- ` items, `[a, b]` lists,
// comments), the style of plans, cards and configs: builds the yaml library's own nodes without its
// parser, in a fraction of its time and memory. Anything else (quotes, anchors, flow mappings,
// multi-line or odd scalars, duplicate keys, tabs, document markers) returns undefined and the full
// parser takes over, with its own positions and errors.

import { LineCounter, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from "yaml";

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_]*):(?: +(\S.*))?$/;
// (one character, then one class: no overlapping repeats to backtrack through)
const PLAIN = /^[A-Za-z0-9_.+/][A-Za-z0-9_.+\-/:@% ]*$|^-[A-Za-z0-9_.][A-Za-z0-9_.+\-/:@% ]*$/;
const ITEM = /^[A-Za-z0-9_.+/][A-Za-z0-9_.+\-/:@%]*$/;
const NULLS = new Set(["null", "Null", "NULL", "~"]);
/** Keys the YAML core schema reads as booleans or null: the full parser names them differently. */
const TYPED_KEYS = new Set(["true", "True", "TRUE", "false", "False", "FALSE", ...NULLS]);
/** Deeper nesting goes to the full parser (no plan, card or config nests this deep). */
const MAX_DEPTH = 64;
/** The full parser rejects longer implicit keys. */
const MAX_KEY = 1024;

/**
 * A plain scalar as the full parser builds it, except that `value` holds the source text (or null)
 * where the parser would hold a number or boolean: readers take `source` and test `value` for null
 * only (keys are names, strings either way).
 */
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

/** `text` without its leading and trailing spaces (U+0020 only), in one pass each way. */
function trimSpaces(text: string): string {
  let a = 0;
  let z = text.length;
  while (a < z && text.charCodeAt(a) === 32) a++;
  while (z > a && text.charCodeAt(z - 1) === 32) z--;
  return text.slice(a, z);
}

/** A value written on its key's or item's line: a plain scalar or a flow list of plain items. */
function value(text: string, start: number): Node | undefined {
  if (!text.startsWith("[")) return plainOk(text) || text === "~" ? scalar(text, start) : undefined;
  if (!text.endsWith("]")) return undefined;
  const seq = new YAMLSeq();
  seq.flow = true;
  seq.range = [start, start + text.length, start + text.length];
  let at = start + 1;
  for (const raw of text.slice(1, -1).split(",")) {
    const item = trimSpaces(raw); // spaces only: YAML keeps other white space (NBSP, U+FEFF...) in the scalar
    if (!ITEM.test(item) || item.endsWith(":")) return undefined;
    seq.items.push(scalar(item, at + raw.indexOf(item)));
    at += raw.length + 1;
  }
  return seq;
}

/** The lines with content: each one's indentation, its text without the comment and trailing spaces, and where that text starts. */
interface Lines {
  indent: number[];
  text: string[];
  at: number[];
}

function isItem(text: string): boolean {
  return text === "-" || text.startsWith("- ");
}

/** Reads the content lines top-down; undefined from any method means "not the plain style". */
class PlainReader {
  i = 0;

  constructor(private readonly lines: Lines) {}

  /** The block whose first line is the current one, indented `indent`. */
  block(indent: number, depth: number): Node | undefined {
    if (depth > MAX_DEPTH) return undefined;
    return isItem(this.lines.text[this.i]!) ? this.seq(indent, depth) : this.map(indent, depth);
  }

  /** A block mapping at `indent`; `first` is its first entry when it follows an item's "- " on the same line. */
  map(indent: number, depth: number, first?: { text: string; at: number }): YAMLMap | undefined {
    const { lines } = this;
    const map = new YAMLMap();
    const keys = new Set<string>();
    let start = -1;
    for (;;) {
      let text: string;
      let at: number;
      if (first) {
        ({ text, at } = first);
        first = undefined;
      } else {
        const i = this.i;
        if (i >= lines.text.length || lines.indent[i]! < indent) break;
        text = lines.text[i]!;
        if (lines.indent[i]! > indent || isItem(text)) return undefined;
        at = lines.at[i]!;
        this.i++;
      }
      const m = KEY_LINE.exec(text);
      if (!m) return undefined;
      const key = m[1]!;
      if (keys.has(key) || TYPED_KEYS.has(key) || key.length > MAX_KEY) return undefined;
      keys.add(key);
      if (start < 0) start = at;
      let node: Node | undefined;
      if (m[2] !== undefined) node = value(m[2], at + text.indexOf(m[2], key.length + 1));
      else {
        const next = this.i;
        if (next >= lines.text.length || lines.indent[next]! <= indent) return undefined; // an empty value (null) or a same-column list: the full parser decides
        node = this.block(lines.indent[next]!, depth + 1);
      }
      if (!node) return undefined;
      map.items.push(new Pair(scalar(key, at), node));
    }
    map.range = [start, start, start];
    return map;
  }

  /** A block sequence of `- ` items at `indent`. */
  seq(indent: number, depth: number): YAMLSeq | undefined {
    const { lines } = this;
    const seq = new YAMLSeq();
    const start = lines.at[this.i]!;
    for (;;) {
      const i = this.i;
      if (i >= lines.text.length || lines.indent[i]! < indent) break;
      const text = lines.text[i]!;
      if (lines.indent[i]! > indent || !text.startsWith("- ")) return undefined;
      this.i++;
      let skip = 2;
      while (text.charCodeAt(skip) === 32) skip++;
      const rest = text.slice(skip);
      const at = lines.at[i]! + skip;
      const item = KEY_LINE.test(rest) ? this.map(indent + skip, depth + 1, { text: rest, at }) : value(rest, at);
      if (!item) return undefined;
      seq.items.push(item);
    }
    seq.range = [start, start, start];
    return seq;
  }
}

/** The root mapping of a file in the plain block style, with `lines` filled as the parser would; else undefined. */
export function parsePlain(text: string, lineCounter: LineCounter): YAMLMap | undefined {
  if (text.includes("\r") || text.includes("\t")) return undefined;
  const lines: Lines = { indent: [], text: [], at: [] };
  const starts: number[] = [];
  let hash = text.indexOf("#"); // the next "#" at or after the current line (-1: none left)
  for (let offset = 0; offset <= text.length; ) {
    let nl = text.indexOf("\n", offset);
    if (nl < 0) nl = text.length;
    starts.push(offset);
    let end = nl;
    // A comment starts at a "#" that begins the line or follows a space.
    if (hash >= 0 && hash < offset) hash = text.indexOf("#", offset);
    while (hash >= 0 && hash < nl) {
      if (hash === offset || text.charCodeAt(hash - 1) === 32) {
        end = hash;
        break;
      }
      hash = text.indexOf("#", hash + 1);
    }
    while (end > offset && text.charCodeAt(end - 1) === 32) end--;
    let from = offset;
    while (from < end && text.charCodeAt(from) === 32) from++;
    if (from < end) {
      lines.indent.push(from - offset);
      lines.text.push(text.slice(from, end));
      lines.at.push(from);
    }
    offset = nl + 1;
  }
  if (lines.text.length === 0 || lines.indent[0] !== 0 || isItem(lines.text[0]!)) return undefined;
  const reader = new PlainReader(lines);
  const root = reader.map(0, 0);
  if (!root || reader.i !== lines.text.length) return undefined;
  for (const s of starts) lineCounter.addNewLine(s);
  root.range = [root.range![0], text.length, text.length];
  return root;
}
