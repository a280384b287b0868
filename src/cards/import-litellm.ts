// LiteLLM's model_prices_and_context_window.json (per-token prices) -> rate-card YAML with exact per-1M decimals from the JSON text.

import { InputError, type Location } from "../core/errors.js";
import { DigitLimitError, Exact, MAX_DIGITS, MAX_EXPONENT } from "../core/exact.js";
import { MODEL_ID } from "./parse-card.js";

/** How to convert: the date the prices start, and optionally which LiteLLM providers to keep. */
export interface LitellmOptions {
  /** YYYY-MM-DD: `from` of every version and the card's `checked` date. */
  from: string;
  providers?: string[];
}

/** The card text, and what the user should know about it (also written into the card as comments). */
export interface LitellmImport {
  yaml: string;
  models: number;
  warnings: string[];
}

const MILLION = Exact.int(1_000_000);
/** The per-token fields a version carries, by the card key they become. */
const BASE = { input_cache_miss: "input_cost_per_token", output: "output_cost_per_token", input_cache_hit: "cache_read_input_token_cost" } as const;
const WRITE = "cache_creation_input_token_cost";
const WRITE_1H = "cache_creation_input_token_cost_above_1hr";
/** A long-context tier field: `<base field>_above_<N>k_tokens`. */
const TIER_FIELD = /^(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost|cache_creation_input_token_cost_above_1hr)_above_(\d+)k_tokens$/;
/** Fields carried as limits, and fields that are facts about the model, not prices (never listed as not carried). */
const LIMITS = ["max_input_tokens", "max_output_tokens"];
/** A field that prices something: any `*cost*` or `*price*` key. */
const PRICED = /cost|price/;

/** Line and column of offset `at` in `text` (1-based). */
function lineCol(text: string, at: number): { line: number; col: number } {
  const before = text.slice(0, at).split("\n");
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

/** Best-effort location of `"key"` (and then `"field"` after it) in the JSON text. */
function locate(text: string, file: string, key: string, field?: string): Location {
  let at = text.search(new RegExp(`${escapeRegExp(JSON.stringify(key))}\\s*:`));
  if (at >= 0 && field) {
    const f = text.slice(at).search(new RegExp(`${escapeRegExp(JSON.stringify(field))}\\s*:`));
    at = f >= 0 ? at + f : at;
  }
  return at >= 0 ? { file, ...lineCol(text, at) } : { file };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A per-token price as an exact per-1M decimal: the number's JSON source text (2.8e-07, or
 * 0.00000300000000000000001, which no float holds) scaled by 1,000,000 exactly (0.28), never
 * through a float. Undefined when the text is not a decimal; throws DigitLimitError past MAX_DIGITS.
 */
export function perMillion(literal: string): string | undefined {
  return Exact.parseDecimal(literal)?.mul(MILLION).toDecimal();
}

/** Characters that continue a JSON number after its first one. */
function inNumber(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45; // 0-9 . e E + -
}

/**
 * The source text of every number directly inside each top-level object: entry -> field -> the
 * literal as written, and the offset where it starts. One pass over text JSON.parse has accepted
 * (so whitespace, colons and the letters of true/false/null can be stepped over); a later
 * duplicate key wins, as in JSON.parse.
 */
function numberTexts(text: string): Map<string, Map<string, { literal: string; at: number }>> {
  const out = new Map<string, Map<string, { literal: string; at: number }>>();
  // One frame per open container: whether it is an object, its current key, and whether a key comes next.
  const stack: { obj: boolean; key: string; expectKey: boolean }[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 34) {
      // a string: a key when an object expects one, else a value to step over
      let j = i + 1;
      let escaped = false;
      for (let d = text.charCodeAt(j); d !== 34 && j < n; d = text.charCodeAt(j)) {
        if (d === 92) {
          escaped = true;
          j += 2;
        } else j++;
      }
      if (top?.obj && top.expectKey) {
        const raw = text.slice(i, j + 1);
        top.key = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        top.expectKey = false;
      }
      i = j + 1;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      let j = i + 1;
      while (j < n && inNumber(text.charCodeAt(j))) j++;
      if (stack.length === 2 && stack[0]!.obj && top!.obj) out.get(stack[0]!.key)!.set(top!.key, { literal: text.slice(i, j), at: i });
      i = j;
    } else {
      if (c === 123 || c === 91) {
        // { or [; an object directly under a top-level key starts that entry afresh
        if (stack.length === 1 && top!.obj && c === 123) out.set(top!.key, new Map());
        stack.push({ obj: c === 123, key: "", expectKey: c === 123 });
      } else if (c === 125 || c === 93) stack.pop();
      else if (c === 44 && top?.obj) top.expectKey = true;
      i++;
    }
  }
  return out;
}

const JSON_NUMBER = /([:,[]\s*)(-?)(\d+)(?:\.(\d+))?[eE]([+-]?\d+)/g;

/**
 * Fails on a number JSON.parse would silently turn into 0 (1e-400) or Infinity (1e400): a price
 * must never become $0 on the way in. Only numbers with an exponent can get there.
 */
function checkFloatRange(text: string, file: string): void {
  for (const m of text.matchAll(JSON_NUMBER)) {
    const literal = m[0].slice(m[1]!.length);
    const v = Number(literal);
    const nonZero = /[1-9]/.test(m[3]! + (m[4] ?? ""));
    if (Number.isFinite(v) && (v !== 0 || !nonZero)) continue;
    const where = { file, ...lineCol(text, m.index! + m[1]!.length) };
    const shown = literal.length <= 40 ? literal : `a number of ${literal.length} characters`;
    throw new InputError(
      `${shown} is ${v === 0 ? "too small" : "too large"} for a JSON number: it would be read as ${v === 0 ? "0" : "infinity"}`,
      "write it within float range, like 2.8e-07 per token",
      where,
    );
  }
}

/** A YAML key or scalar: plain when it is safe, else double-quoted (JSON strings are valid YAML). */
function yamlText(s: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(s) && !/^(true|false|null|yes|no|on|off|~)$/i.test(s) ? s : JSON.stringify(s);
}

/** A positive whole number of tokens from a LiteLLM limit field, or undefined. */
function limitOf(v: unknown): string | undefined {
  return typeof v === "number" && Number.isSafeInteger(v) && v > 0 ? String(v) : undefined;
}

/**
 * The v2 lines of a version (YAML under the version, without indent): cache writes
 * (`cache_creation_input_token_cost` at the default retention, `..._above_1hr` as 1h; the default
 * retention is then named 5m, Anthropic's), long-context tiers from every `*_above_<N>k_tokens`
 * field, the batch modifier from `*_batches`, and limits. Marks each field it carries in `carried`.
 */
function versionExtras(
  id: string,
  e: Record<string, unknown>,
  price: (field: string) => string | undefined,
  base: { hit: string; miss: string; output: string },
  carried: Set<string>,
  comments: string[],
  warnings: string[],
): string[] {
  const out: string[] = [];
  const write = price(WRITE);
  const write1h = price(WRITE_1H);
  const writes: [string, string][] = [];
  if (write !== undefined) {
    carried.add(WRITE);
    if (write === "0") comments.push(`${WRITE} is 0: cache writes are billed at the cache-miss price (no write fee)`);
    else writes.push(["input_cache_write", write]);
  }
  if (write1h !== undefined && write1h !== "0") {
    carried.add(WRITE_1H);
    writes.push(["input_cache_write_1h", write1h]);
  }
  for (const [k, v] of writes) out.push(`${k}: ${v}`);
  if (writes.some(([k]) => k === "input_cache_write") && write1h !== undefined) out.push("default_retention: 5m");
  const window = limitOf(e.max_input_tokens);
  const maxOut = limitOf(e.max_output_tokens);
  for (const [k, v, f] of [["context_window", window, LIMITS[0]!], ["max_output", maxOut, LIMITS[1]!]] as const) {
    if (v) {
      out.push(`${k}: ${v}`);
      carried.add(f);
    }
  }
  // Long-context tiers: every bucket of a request above N thousand input tokens at the tier's prices.
  const tiers = new Map<number, Map<string, string>>();
  for (const k of Object.keys(e)) {
    const m = TIER_FIELD.exec(k);
    const v = m ? price(k) : undefined;
    if (!m || v === undefined) continue;
    carried.add(k);
    const n = Number(m[2]) * 1000;
    if (!tiers.has(n)) tiers.set(n, new Map());
    tiers.get(n)!.set(m[1]!, v);
  }
  if (tiers.size) out.push("tiers:");
  for (const [n, t] of [...tiers].sort(([a], [b]) => a - b)) {
    const miss = t.get(BASE.input_cache_miss);
    const tierMiss = miss ?? base.miss;
    const gaps: string[] = [];
    const get = (field: string, fallback: string) => {
      const v = t.get(field);
      if (v === undefined) gaps.push(field);
      return v ?? fallback;
    };
    const lines = [
      `  - above: ${n}`,
      `    input_cache_hit: ${get(BASE.input_cache_hit, tierMiss)}`,
      `    input_cache_miss: ${get(BASE.input_cache_miss, base.miss)}`,
      `    output: ${get(BASE.output, base.output)}`,
      ...writes.map(([k]) => `    ${k}: ${get(k === "input_cache_write" ? WRITE : WRITE_1H, tierMiss)}`),
    ];
    if (gaps.length) {
      comments.push(`FLAG: the tier above ${n} has no ${gaps.map((g) => `${g}_above_${n / 1000}k_tokens`).join(", ")}: cache hits and writes there at the tier's input price, input and output at the base price`);
      warnings.push(`"${id}": the tier above ${n} tokens lacks ${gaps.join(", ")} (flagged in the card)`);
    }
    out.push(...lines);
  }
  // Batch: a multiplier when input and output are discounted alike (LiteLLM's usual 50%), else explicit prices.
  const bIn = price("input_cost_per_token_batches");
  const bOut = price("output_cost_per_token_batches");
  if (bIn !== undefined && bOut !== undefined) {
    carried.add("input_cost_per_token_batches").add("output_cost_per_token_batches");
    const [bm, bo] = [Exact.parseDecimal(base.miss)!, Exact.parseDecimal(base.output)!];
    const rIn = bm.isZero() ? undefined : Exact.parseDecimal(bIn)!.div(bm);
    const rOut = bo.isZero() ? undefined : Exact.parseDecimal(bOut)!.div(bo);
    out.push("modifiers:", "  batch:");
    if (rIn && rOut && rIn.eq(rOut) && rIn.terminates() && !rIn.isZero()) {
      out.push(`    multiplier: ${rIn.toDecimal()}`);
    } else {
      out.push("    prices:", `      input_cache_hit: ${bIn}`, `      input_cache_miss: ${bIn}`, `      output: ${bOut}`, ...writes.map(([k]) => `      ${k}: ${bIn}`));
      comments.push("FLAG: batch input and output are discounted differently: batch cache hits and writes at the batch input price");
    }
  }
  return out;
}

/** Converts LiteLLM's price file; `file` names it in messages and in the card's `source`. */
export function importLitellm(text: string, file: string, opts: LitellmOptions): LitellmImport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // Node's message quotes the text around the fault: only the position is kept (the file may be anything).
    const msg = (err as Error).message;
    const pos = /at position (\d+)/.exec(msg);
    const what = msg.replace(/ in JSON at position \d+.*$/, "").replace(/,? *"[^]*"(\.\.\.)? is not valid JSON.*$/, "").replace(/ '[^]'/, "");
    throw new InputError(`not valid JSON: ${what}`, "LiteLLM's file is model_prices_and_context_window.json", pos ? { file, ...lineCol(text, Number(pos[1])) } : { file });
  }
  checkFloatRange(text, file);
  const literals = numberTexts(text);
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new InputError("expected a JSON object of model names to prices", "LiteLLM's file is model_prices_and_context_window.json", { file });
  }
  const warnings: string[] = [];
  const blocks: string[] = [];
  let notCarried = 0;
  for (const [id, entry] of Object.entries(data as Record<string, unknown>)) {
    if (id === "sample_spec") continue; // LiteLLM's documentation entry
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      throw new InputError(`"${id}" must be an object of prices`, undefined, locate(text, file, id));
    }
    const e = entry as Record<string, unknown>;
    const provider = typeof e.litellm_provider === "string" ? e.litellm_provider : undefined;
    if (opts.providers && !(provider !== undefined && opts.providers.includes(provider))) continue;
    const price = (field: string): string | undefined => {
      const v = e[field];
      if (v === undefined || v === null) return undefined;
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
        throw new InputError(`"${id}".${field}: ${JSON.stringify(v)} is not a price per token`, "write a non-negative number like 2.8e-07", locate(text, file, id, field));
      }
      const n = literals.get(id)?.get(field);
      if (!n) throw new Error(`no source text for "${id}".${field}`); // JSON.parse read a number the scan did not: a bug
      let per: string | undefined;
      try {
        per = perMillion(n.literal);
      } catch (err) {
        if (!(err instanceof DigitLimitError)) throw err;
      }
      if (per === undefined) {
        const shown = n.literal.length <= 40 ? n.literal : `a number of ${n.literal.length} characters`;
        throw new InputError(`"${id}".${field}: ${shown} is too long to read exactly`, `write it with at most ${MAX_DIGITS} digits and an exponent within ±${MAX_EXPONENT}, like 2.8e-07`, { file, ...lineCol(text, n.at) });
      }
      return per;
    };
    const miss = price("input_cost_per_token");
    const output = price("output_cost_per_token");
    const hit = price("cache_read_input_token_cost");
    if (!MODEL_ID.test(id)) {
      warnings.push(`skipped "${id}": not a usable model id (letters, digits and . _ : / @ + -)`);
      continue;
    }
    if (miss === undefined || output === undefined) {
      if (miss !== undefined || output !== undefined || e.mode === "chat" || e.mode === "completion") {
        warnings.push(`skipped "${id}": no ${miss === undefined ? "input_cost_per_token" : "output_cost_per_token"}`);
      }
      continue; // image, audio, rerank... models priced per unit, not per token
    }
    const comments: string[] = [];
    if (hit === undefined) {
      comments.push("FLAG: LiteLLM has no cache_read_input_token_cost for this model: cache hits are priced as cache misses here");
      warnings.push(`"${id}" has no cache_read_input_token_cost: its cache hits are priced as cache misses (flagged in the card)`);
    }
    const carried = new Set<string>([BASE.input_cache_miss, BASE.output, BASE.input_cache_hit, "litellm_provider", "mode"]);
    if (hit !== undefined && price("input_cost_per_token_cache_hit") === hit) carried.add("input_cost_per_token_cache_hit"); // DeepSeek's copy of it
    const v2 = versionExtras(id, e, price, { hit: hit ?? miss, miss, output }, carried, comments, warnings);
    const uncarried = Object.keys(e).filter((k) => !carried.has(k) && PRICED.test(k) && e[k] !== 0 && e[k] !== null);
    if (uncarried.length > 0) {
      comments.push(`not carried (a rate card has no place for them): ${uncarried.join(", ")}`);
      notCarried += uncarried.length;
    }
    const note = [provider && `LiteLLM provider ${provider}`, typeof e.mode === "string" && `mode ${e.mode}`].filter(Boolean).join(", ");
    blocks.push(
      [
        ...comments.map((c) => `  # ${c}`),
        `  ${yamlText(id)}:`,
        ...(note ? [`    note: ${JSON.stringify(note)}`] : []),
        `    versions:`,
        `      - from: ${opts.from}`,
        `        input_cache_hit: ${hit ?? miss}`,
        `        input_cache_miss: ${miss}`,
        `        output: ${output}`,
        ...v2.map((l) => `        ${l}`),
      ].join("\n"),
    );
  }
  if (notCarried > 0) warnings.push(`${notCarried} price field${notCarried === 1 ? "" : "s"} not carried (listed in the card's comments above each model)`);
  if (blocks.length === 0) {
    throw new InputError("no model with per-token input and output prices", opts.providers ? "check --provider against litellm_provider" : undefined, { file });
  }
  const header = [
    `# Converted by \`ratecard import litellm\` from ${file} (LiteLLM's per-token prices, USD).`,
    "# Each price per 1M tokens is LiteLLM's per-token price, as written in the file, times 1,000,000 exactly.",
    "# Models marked FLAG have no cache-hit price in LiteLLM: add the real one before trusting cached estimates.",
    `provider: litellm`,
    `currency: USD`,
    `checked: ${opts.from}`,
    `source: ${JSON.stringify(file)}`,
    `models:`,
  ];
  return { yaml: `${[...header, ...blocks].join("\n")}\n`, models: blocks.length, warnings };
}
