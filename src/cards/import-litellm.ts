// LiteLLM's model_prices_and_context_window.json (per-token float prices) -> rate-card YAML with exact per-1M decimals.

import { InputError, type Location } from "../core/errors.js";
import { Exact } from "../core/exact.js";
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
/** Keys of prices the rate-card format has no place for; the card notes them. */
const UNCARRIED = /^(cache_creation_input_token_cost|.*_cost_per_token_above_\d+k?_tokens|.*_cost_per_token_batches|.*_cost_per_(audio|image|character|second|query|request|pixel).*)$/;

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
 * A per-token price as an exact per-1M decimal: the float's shortest round-trip decimal
 * (what String() prints: 2.8e-7), scaled by 1,000,000 exactly (0.28), never float-multiplied.
 */
export function perMillion(perToken: number): string {
  return Exact.parseDecimal(String(perToken))!.mul(MILLION).toDecimal();
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
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new InputError("expected a JSON object of model names to prices", "LiteLLM's file is model_prices_and_context_window.json", { file });
  }
  const warnings: string[] = [];
  const blocks: string[] = [];
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
      return perMillion(v);
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
    const uncarried = Object.keys(e).filter((k) => UNCARRIED.test(k) && typeof e[k] === "number" && e[k] !== 0);
    if (uncarried.length > 0) comments.push(`not carried (a rate card has no place for them): ${uncarried.join(", ")}`);
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
      ].join("\n"),
    );
  }
  if (blocks.length === 0) {
    throw new InputError("no model with per-token input and output prices", opts.providers ? "check --provider against litellm_provider" : undefined, { file });
  }
  const header = [
    `# Converted by \`ratecard import litellm\` from ${file} (LiteLLM's per-token prices, USD).`,
    "# Each price per 1M tokens is LiteLLM's per-token price, as its shortest decimal, times 1,000,000 exactly.",
    "# Models marked FLAG have no cache-hit price in LiteLLM: add the real one before trusting cached estimates.",
    `provider: litellm`,
    `currency: USD`,
    `checked: ${opts.from}`,
    `source: ${JSON.stringify(file)}`,
    `models:`,
  ];
  return { yaml: `${[...header, ...blocks].join("\n")}\n`, models: blocks.length, warnings };
}
