// Reading YAML for validation: parse with positions, walk nodes with a budget, reject unknown keys.

import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Alias, type Document, type Node, type Scalar } from "yaml";
import { InputError, type Location } from "../core/errors.js";
import { isQuotable, quote } from "../core/printable.js";
import { didYouMean } from "../core/suggest.js";
import { parsePlain } from "./plain.js";

/**
 * Most nodes aliases may add to one file when expanded (counted without expanding): an alias bomb
 * stops here, fast, while a long file without aliases is limited only by its size.
 */
export const ALIAS_NODE_BUDGET = 1_000_000;

/**
 * A parser message without its " at line N..." tail (the position is reported separately), found
 * with indexOf: the line may repeat the file's own text, where a pattern would backtrack.
 */
function withoutPosition(line: string): string {
  for (let i = line.indexOf(" at line "); i >= 0; i = line.indexOf(" at line ", i + 1)) {
    const c = line.charCodeAt(i + 9);
    if (c >= 48 && c <= 57) return shortened(line.slice(0, i).trimEnd());
  }
  return shortened(line);
}

/** At most 160 characters of a parser message (it may quote a long stretch of the file). */
function shortened(text: string): string {
  if (text.length <= 160) return text;
  const cut = text.charCodeAt(159) >= 0xd800 && text.charCodeAt(159) < 0xdc00 ? 159 : 160; // never half a surrogate pair
  return `${text.slice(0, cut).trimEnd()}...`;
}

/** A parsed YAML file with positions, and helpers that fail with file:line:col. */
export class YamlFile {
  readonly file: string;
  readonly root: Node;
  /** The full parser's document; undefined when the plain-style fast path read the file. */
  private readonly doc?: Document.Parsed;
  private readonly lines: LineCounter;
  /** Each alias's anchor, found in one pass over the document (the library's own lookup rescans it per alias). */
  private readonly anchors = new Map<Alias, Node>();

  /** Parses `text`; fails on syntax errors, duplicate keys, several documents or an empty file. */
  constructor(text: string, file: string) {
    this.file = file;
    this.lines = new LineCounter();
    const plain = parsePlain(text, this.lines);
    if (plain) {
      this.root = plain;
      return;
    }
    // Duplicate keys are found below in one pass: the library's own check scans each map's keys per key.
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: false });
    const dup = firstDuplicateKey(this.doc.contents);
    const err = this.doc.errors[0];
    if (dup !== undefined && (!err || dup < err.pos[0])) {
      throw new InputError("YAML duplicate key: Map keys must be unique", "remove or rename one of the duplicate keys", this.at(dup));
    }
    if (err) {
      const hint = err.code === "MULTIPLE_DOCS" ? "keep one YAML document per file" : "fix the YAML syntax";
      throw new InputError(`YAML syntax error: ${withoutPosition(err.message.split("\n")[0]!)}`, hint, this.at(err.pos[0]));
    }
    if (!this.doc.contents || (isScalar(this.doc.contents) && this.doc.contents.value === null)) {
      throw new InputError("the file is empty", "see examples/ for a file to start from", { file });
    }
    this.root = this.doc.contents;
    if (text.includes("*")) this.checkAliases(this.root);
  }

  /**
   * Resolves every alias to the latest anchor of its name before it (one pass, in document
   * order), then counts the nodes the aliases add when expanded, memoised per node, without
   * expanding anything. Fails on an unknown anchor, an alias inside its own anchor, or more
   * than ALIAS_NODE_BUDGET added nodes.
   */
  private checkAliases(root: Node): void {
    const named = new Map<string, Node>();
    let literal = 0; // nodes in the file as written
    const stack: Node[] = [root];
    while (stack.length > 0) {
      const n = stack.pop()!;
      literal++;
      if (isAlias(n)) {
        const target = named.get(n.source);
        if (!target) this.fail(n, `unknown YAML alias *${quoteName(n.source)}`, "define the anchor (&name) before using it");
        this.anchors.set(n, target);
        continue;
      }
      if ((isScalar(n) || isMap(n) || isSeq(n)) && n.anchor) named.set(n.anchor, n);
      const kids = children(n);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
    if (this.anchors.size === 0) return;
    // Expanded sizes, children before parents: a node's size is 1 + its children's (an alias counts its anchor's).
    // One map: -1 while a node is open (its children pending), then its size.
    const size = new Map<Node, number>();
    const cap = literal + ALIAS_NODE_BUDGET + 1;
    const visit: Node[] = [root];
    while (visit.length > 0) {
      const n = visit[visit.length - 1]!;
      const target = isAlias(n) ? this.anchors.get(n)! : undefined;
      const known = size.get(n);
      if (known === undefined) {
        size.set(n, -1);
        if (target) {
          const st = size.get(target);
          if (st === -1) this.fail(n, "a YAML alias refers to a node that contains it", "an anchor cannot include its own alias");
          if (st === undefined) visit.push(target);
        } else if (isSeq(n) || isMap(n)) {
          for (const k of children(n)) {
            const st = size.get(k);
            if (st === -1) this.fail(n, "a YAML alias refers to a node that contains it", "an anchor cannot include its own alias");
            if (st === undefined) visit.push(k);
          }
        }
        continue;
      }
      visit.pop();
      if (known !== -1) continue;
      let total: number;
      if (target) total = size.get(target)!;
      else {
        total = 1;
        if (isSeq(n) || isMap(n)) for (const k of children(n)) total = Math.min(cap, total + size.get(k)!);
      }
      size.set(n, total);
    }
    const added = size.get(root)! - literal;
    if (added > ALIAS_NODE_BUDGET) {
      this.fail(root, `YAML aliases expand to more than ${ALIAS_NODE_BUDGET} extra nodes (an alias bomb?)`, "write the values out instead of nesting aliases");
    }
  }

  private at(offset: number): Location {
    const p = this.lines.linePos(offset);
    return { file: this.file, line: p.line, col: p.col };
  }

  /** Where a node starts. */
  loc(node: Node | undefined): Location {
    return node?.range ? this.at(node.range[0]) : { file: this.file };
  }

  /** Throws an InputError located at `node`. */
  fail(node: Node | undefined, message: string, hint?: string): never {
    throw new InputError(message, hint, this.loc(node));
  }

  /** Follows an alias to its anchor (resolved once, when the file was read). */
  deref(node: Node): Node {
    let n = node;
    while (isAlias(n)) {
      const target = this.anchors.get(n);
      if (!target) this.fail(n, `unknown YAML alias *${quoteName(n.source)}`, "define the anchor (&name) before using it");
      n = target;
    }
    return n;
  }

  /**
   * Reads a mapping, rejecting keys outside `allowed` with a "did you mean" hint.
   * `path` names the mapping in messages ("models.deepseek-v4-flash.versions[2]"); keys matching
   * `pattern` are allowed too (`input_cache_write_<retention>`).
   */
  map(node: Node, path: string, allowed: readonly string[], pattern?: RegExp): Fields {
    const n = this.deref(node);
    if (!isMap(n)) this.fail(n, `${path || "the file"} must be a mapping of keys to values`, `write it as key: value lines`);
    if (path === "" && allowed.length > 0 && n.items.length > 0 && !n.items.some((p) => isScalar(p.key) && allowed.includes(String(p.key.value)))) {
      // Nothing here is a key of this kind of file: it is some other file, and its content is not echoed.
      this.fail(n, "none of the file's keys is one this file can have: is it the right file?", `allowed keys: ${allowed.join(", ")}`);
    }
    const fields = new Map<string, { key: Scalar; value: Node }>();
    for (const pair of n.items) {
      const keyNode = pair.key as Node;
      if (!isScalar(keyNode)) this.fail(keyNode, `${path}: keys must be plain names`);
      const key = String(keyNode.value);
      if (allowed.length > 0 && !allowed.includes(key) && !pattern?.test(key)) {
        const hint = didYouMean(key, allowed) ?? `allowed keys: ${allowed.join(", ")}`;
        this.fail(keyNode, `unknown key ${quote(join(path, key))}`, isQuotable(key) ? hint : undefined);
      }
      const value = (pair.value as Node | null) ?? null;
      if (value === null) this.fail(keyNode, `"${join(path, key)}" has no value`, "give it a value or remove the key");
      fields.set(key, { key: keyNode, value });
    }
    return new Fields(this, path, n, fields);
  }

  /** Reads a sequence's items. */
  seq(node: Node, path: string): Node[] {
    const n = this.deref(node);
    if (!isSeq(n)) this.fail(n, `"${path}" must be a list`, "write it as [a, b] or as - lines");
    return (n.items as Node[]).map((item) => this.deref(item));
  }

  /** The source text of a scalar (plain scalars keep their exact digits: 0.028 stays "0.028"). */
  text(node: Node, path: string): string {
    const n = this.deref(node);
    if (!isScalar(n) || n.value === null) this.fail(n, `"${path}" must be a single value`);
    if (n.type === "PLAIN" && typeof n.source === "string") return n.source;
    return String(n.value);
  }

  /** Parses the scalar at `node` with `parse`, failing at its position with the parser's message. */
  value<T>(node: Node, path: string, parse: (text: string) => T, hint?: string): T {
    const text = this.text(node, path);
    try {
      return parse(text);
    } catch (err) {
      if (err instanceof InputError) throw err;
      this.fail(node, `${path}: ${(err as Error).message}`, hint);
    }
  }
}

function quoteName(name: string): string {
  return isQuotable(name, 40) ? name : "(a long or unprintable name)";
}

/**
 * Where the first repeated key starts (its second occurrence), in the order the yaml library's
 * uniqueKeys check reports them: a block mapping checks each key before reading its value, a
 * flow mapping after. Keys repeat as that check decides (the same node, or scalars of equal value:
 * 1 and 1.0 repeat, 1 and "1" do not, NaN never), but with one set per mapping, not a scan per key.
 */
function firstDuplicateKey(root: unknown): number | undefined {
  type Task = { node: unknown } | { key: unknown; seen: Set<unknown> };
  const todo: Task[] = root === null || root === undefined ? [] : [{ node: root }];
  while (todo.length > 0) {
    const task = todo.pop()!;
    if ("key" in task) {
      const key = task.key;
      const k = isScalar(key) ? (typeof key.value === "number" && Number.isNaN(key.value) ? undefined : `${typeof key.value}:${String(key.value)}`) : key;
      if (k === undefined || k === null) continue;
      if (task.seen.has(k)) return (key as Node).range?.[0];
      task.seen.add(k);
      continue;
    }
    const n = task.node;
    if (isSeq(n)) {
      for (let i = n.items.length - 1; i >= 0; i--) todo.push({ node: n.items[i] });
    } else if (isMap(n)) {
      const seen = new Set<unknown>();
      for (let i = n.items.length - 1; i >= 0; i--) {
        const { key, value } = n.items[i]!;
        // Pushed in reverse: the key's own nodes, then (block) the check, the value, then (flow) the check.
        if (n.flow) todo.push({ key, seen }, { node: value }, { node: key });
        else todo.push({ node: value }, { key, seen }, { node: key });
      }
    }
  }
  return undefined;
}

/** The child nodes of a collection (pair keys and values), in document order. */
function children(n: Node): Node[] {
  if (isSeq(n)) return n.items as Node[];
  if (!isMap(n)) return [];
  const out: Node[] = [];
  for (const p of n.items) {
    if (p.key && typeof p.key === "object") out.push(p.key as Node);
    if (p.value && typeof p.value === "object") out.push(p.value as Node);
  }
  return out;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** The fields of one mapping, with typed getters that fail at the right position. */
export class Fields {
  constructor(
    readonly file: YamlFile,
    readonly path: string,
    readonly node: Node,
    private readonly fields: Map<string, { key: Scalar; value: Node }>,
  ) {}

  has(key: string): boolean {
    return this.fields.has(key);
  }
  keys(): string[] {
    return [...this.fields.keys()];
  }
  /** The value node of `key`, or undefined. */
  get(key: string): Node | undefined {
    return this.fields.get(key)?.value;
  }
  /** The value node of `key`, failing when it is missing. */
  required(key: string, hint?: string): Node {
    const v = this.get(key);
    if (!v) this.file.fail(this.node, `"${join(this.path, key)}" is missing`, hint ?? `add ${key}:`);
    return v;
  }
  /** The scalar text of `key`, or undefined when absent. */
  text(key: string): string | undefined {
    const v = this.get(key);
    return v ? this.file.text(v, join(this.path, key)) : undefined;
  }
  /** Path of a key inside this mapping, for messages. */
  pathOf(key: string): string {
    return join(this.path, key);
  }
  /** The `true` or `false` of `key` (nothing else), or undefined when absent. */
  bool(key: string): boolean | undefined {
    return this.parsed(key, (t) => {
      if (t !== "true" && t !== "false") throw new Error(`"${t}" must be true or false`);
      return t === "true";
    });
  }
  /** Calls `parse` on the text of `key`, turning a thrown message into a located InputError. */
  parsed<T>(key: string, parse: (text: string) => T, hint?: string): T | undefined {
    const v = this.get(key);
    if (!v) return undefined;
    return this.file.value(v, join(this.path, key), parse, hint);
  }
}
