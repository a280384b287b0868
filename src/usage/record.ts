// One log line -> a usage record in its dialect, or the reason it cannot be one.

import { pairFingerprint } from "./dedup.js";
import { ABSENT, fieldsFromObject, INVALID, MESSAGE_USAGE, newFields, ROOT_USAGE, T, type RawFields } from "./fields.js";
import { scanLine } from "./scan.js";
import type { Dialect, SkipReason, UsageRecord } from "./types.js";

/** What a line turned out to be: a record, a skip, a session event without usage (not a record), blank. */
export const RECORD = 0;
export const SKIP = 1;
export const IGNORED = 2;
export const BLANK = 3;
/** A zero-usage `<synthetic>` record of Claude Code (an error or interruption shown in the session). */
export const SYNTHETIC = 4;
const SYNTHETIC_MODEL = "<synthetic>";

/** A record with no model, instant or tokens: the one object a reader fills line after line. */
export function emptyRecord(): UsageRecord {
  return {
    model: "", instant: undefined, hit: 0, miss: 0, output: 0, reasoning: 0,
    writeDefault: 0, write5m: 0, write1h: 0, search: 0, serviceTier: undefined,
    dedup: false, dedupA: 0, dedupB: 0, session: undefined, cwd: undefined,
  };
}

/** Types of lines that are API responses and so must carry usage. */
const RESPONSE_TYPES = new Set(["assistant", "message"]);

function isBlank(b: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10) return false;
  }
  return true;
}

/**
 * JSON.parse's complaint about a line, kept only in the forms that quote nothing from the line
 * ("Expected ',' or '}' after property value in JSON at position 6"); the forms that do
 * (`Unexpected token 's', "sk-SECRET..." is not valid JSON`) become "not valid JSON". A log line
 * can hold anything, keys included, and this detail is shown in every format.
 */
function parseComplaint(err: unknown): string {
  const m = err instanceof Error ? err.message : "";
  return /^(?!Unexpected token)[A-Za-z ,:'{}[\]-]+ JSON at position \d+$|^Unexpected end of JSON input$/.test(m) ? m : "not valid JSON";
}

/** Reads one line's fields: the skim first, JSON.parse when the skim gives up; a message when malformed. */
function readFields(b: Buffer, start: number, end: number, f: RawFields): string | undefined {
  if (scanLine(b, start, end, f)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(b.toString("utf8", start, end));
  } catch (err) {
    return parseComplaint(err);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return "not a JSON object";
  fieldsFromObject(parsed, f);
  return undefined;
}

/**
 * Parses log lines of one dialect (or "auto", detected per line) into records. `read` returns
 * what the line was; the record, or the skip reason and detail, are then in the reader's fields
 * (reused line after line, so copy what you keep).
 */
export class RecordReader {
  private readonly f = newFields();
  /** The record of the last line read as RECORD. */
  readonly record: UsageRecord = emptyRecord();
  /** The reason and detail of the last line read as SKIP. */
  reason: SkipReason = "no-usage";
  detail = "";

  /** `tags`: read sessionId and cwd too (for --by session / project; else they stay undefined). */
  constructor(private readonly dialect: Dialect, tags = false) {
    this.f.wantTags = tags;
  }

  private skip(reason: SkipReason, detail: string): number {
    this.reason = reason;
    this.detail = detail;
    return SKIP;
  }

  private has(base: number, slot: number): boolean {
    return this.f.tokens[base + slot] !== ABSENT;
  }

  private get(base: number, slot: number): number {
    return this.f.tokens[base + slot]!;
  }

  /** The count in a slot, 0 when the record does not have it (a method, not a closure per record). */
  private count(base: number, slot: number): number {
    const v = this.f.tokens[base + slot]!;
    return v === ABSENT ? 0 : v;
  }

  /** The dialect of the line under --dialect, or undefined when it has no usage of any dialect. */
  private dialectOf(): Exclude<Dialect, "auto"> | undefined {
    const f = this.f;
    const b = ROOT_USAGE;
    const chat = f.rootUsage && (this.has(b, T.hit) || this.has(b, T.miss) || this.has(b, T.prompt) || this.has(b, T.completion));
    // The Responses API counts input_tokens with cached tokens inside (Anthropic counts them apart): its details objects tell it.
    const responses = f.rootUsage && (this.has(b, T.inputCached) || this.has(b, T.outputReasoning));
    const anthropic = f.rootUsage && !responses && (this.has(b, T.input) || this.has(b, T.output) || this.has(b, T.cacheRead) || this.has(b, T.cacheCreation));
    switch (this.dialect) {
      case "claude-code":
        return f.messageUsage ? "claude-code" : undefined;
      case "chat":
        return chat ? "chat" : undefined;
      case "responses":
        return f.rootUsage && (this.has(b, T.input) || this.has(b, T.output)) ? "responses" : undefined;
      case "anthropic":
        return anthropic ? "anthropic" : undefined;
      default:
        return f.messageUsage ? "claude-code" : chat ? "chat" : responses ? "responses" : anthropic ? "anthropic" : undefined;
    }
  }

  /** Chat-completion counts into `record`: DeepSeek's hit/miss fields, else OpenAI's prompt_tokens and cached_tokens. */
  private chatTokens(): string | undefined {
    const b = ROOT_USAGE;
    const prompt = this.has(b, T.prompt) ? this.get(b, T.prompt) : Number.NaN;
    let hit = this.has(b, T.hit) ? this.get(b, T.hit) : Number.NaN;
    let miss = this.has(b, T.miss) ? this.get(b, T.miss) : Number.NaN;
    if (!Number.isNaN(hit) || !Number.isNaN(miss)) {
      if (Number.isNaN(hit)) hit = prompt - miss;
      if (Number.isNaN(miss)) miss = prompt - hit;
    } else {
      hit = this.has(b, T.cached) ? this.get(b, T.cached) : Number.isNaN(prompt) ? Number.NaN : 0;
      miss = prompt - hit;
    }
    if (Number.isNaN(hit) || Number.isNaN(miss)) return "incomplete prompt counts (give prompt_cache_hit_tokens and prompt_cache_miss_tokens, or prompt_tokens)";
    if (hit < 0 || miss < 0) return "cached tokens exceed prompt_tokens";
    const output = this.has(b, T.completion) ? this.get(b, T.completion) : 0;
    const reasoning = this.has(b, T.reasoning) ? this.get(b, T.reasoning) : 0;
    if (reasoning > output) return `reasoning_tokens ${reasoning} exceed completion_tokens ${output}`;
    this.set(hit, miss, output, reasoning, this.f.rootTier);
    return undefined;
  }

  /** Sets the record's counts; no cache writes or fees unless the caller adds them. */
  private set(hit: number, miss: number, output: number, reasoning: number, tier: string | undefined): void {
    const r = this.record;
    r.hit = hit;
    r.miss = miss;
    r.output = output;
    r.reasoning = reasoning;
    r.writeDefault = r.write5m = r.write1h = r.search = 0;
    r.serviceTier = tier;
  }

  /** Responses API counts: input_tokens includes input_tokens_details.cached_tokens; output includes reasoning. */
  private responsesTokens(): string | undefined {
    const b = ROOT_USAGE;
    if (!this.has(b, T.input) && !this.has(b, T.output)) return "no input_tokens or output_tokens";
    const hit = this.count(b, T.inputCached);
    const miss = this.count(b, T.input) - hit;
    if (miss < 0) return "input_tokens_details.cached_tokens exceed input_tokens";
    const output = this.count(b, T.output);
    const reasoning = this.count(b, T.outputReasoning);
    if (reasoning > output) return `output_tokens_details.reasoning_tokens ${reasoning} exceed output_tokens ${output}`;
    this.set(hit, miss, output, reasoning, this.f.rootTier);
    return undefined;
  }

  /**
   * Anthropic-style counts into `record`: cache reads are hits, input is misses, cache writes by
   * retention (cache_creation's 5-minute and 1-hour parts; what cache_creation_input_tokens has
   * beyond them is the default retention), web searches as the `search` fee, usage.service_tier.
   */
  private anthropicTokens(b: number, tier: string | undefined): string | undefined {
    if (!this.has(b, T.input) && !this.has(b, T.output)) return "no input_tokens or output_tokens";
    const w5 = this.count(b, T.write5m);
    const w1 = this.count(b, T.write1h);
    const rest = this.has(b, T.cacheCreation) ? this.count(b, T.cacheCreation) - w5 - w1 : 0;
    if (rest < 0) return "cache_creation's ephemeral tokens exceed cache_creation_input_tokens";
    this.set(this.count(b, T.cacheRead), this.count(b, T.input), this.count(b, T.output), 0, tier);
    const r = this.record;
    r.writeDefault = rest;
    r.write5m = w5;
    r.write1h = w1;
    r.search = this.count(b, T.search);
    return undefined;
  }

  /** Whether the record is Claude Code's `<synthetic>` placeholder with no usage at all. */
  private isSynthetic(model: string | undefined): boolean {
    const r = this.record;
    return model === SYNTHETIC_MODEL && r.hit + r.miss + r.output + r.writeDefault + r.write5m + r.write1h + r.search === 0;
  }

  /** Interprets one line of text: RECORD, SKIP, IGNORED or BLANK. */
  read(line: string): number {
    const b = Buffer.from(line, "utf8");
    return this.readBytes(b, 0, b.length);
  }

  /**
   * Interprets the UTF-8 line b[start, end): RECORD, SKIP, IGNORED or BLANK. The byte at `end`,
   * if any, must be the line's end (a newline or CR), never part of JSON.
   */
  readBytes(b: Buffer, start: number, end: number): number {
    const f = this.f;
    const malformed = readFields(b, start, end, f);
    if (malformed !== undefined) return isBlank(b, start, end) ? BLANK : this.skip("malformed-json", malformed);
    const d = this.dialectOf();
    if (!d) {
      if (!f.rootUsage && !f.messageUsage && f.type !== undefined && !RESPONSE_TYPES.has(f.type)) return IGNORED;
      return this.skip("no-usage", this.dialect === "auto" ? "no usage object with token counts" : `no ${this.dialect} usage`);
    }
    const base = d === "claude-code" ? MESSAGE_USAGE : ROOT_USAGE;
    for (let i = base; i < base + MESSAGE_USAGE; i++) if (f.tokens[i] === INVALID) return this.skip("bad-usage", "a token count is not a whole number >= 0");
    const bad = d === "chat" ? this.chatTokens() : d === "responses" ? this.responsesTokens() : this.anthropicTokens(base, d === "claude-code" ? f.messageTier : f.usageTier);
    if (bad !== undefined) return this.skip("bad-usage", bad);
    const model = d === "claude-code" ? f.messageModel : f.model;
    if (model === undefined || model === "") return this.skip("no-model", d === "claude-code" ? "no message.model" : "no model");
    if (this.isSynthetic(model)) return SYNTHETIC;
    const useCreated = d === "chat" || d === "responses" ? f.created !== undefined : d === "anthropic" && f.timestamp === undefined;
    const instant = useCreated ? f.created : f.timestamp;
    if (instant !== undefined && Number.isNaN(instant)) return this.skip("bad-instant", `${useCreated ? f.badCreated : f.badTimestamp} is not an instant`);
    const r = this.record;
    r.model = model;
    r.instant = instant;
    r.session = f.sessionId || undefined; // an empty one is none
    r.cwd = f.cwd || undefined;
    r.dedup = d === "claude-code" && f.hasMessageId && f.hasRequestId;
    if (r.dedup) [r.dedupA, r.dedupB] = pairFingerprint(f.ids);
    return RECORD;
  }
}
