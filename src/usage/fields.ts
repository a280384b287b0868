// The few fields a usage record needs, as read from one log line (by the scanner or from a parsed object).

import { hashBytes } from "./dedup.js";
import { recordInstant } from "./timestamp.js";

/** Token fields of a usage object, in the order of `RawFields.tokens` slots. */
const TOKEN_KEYS = [
  "prompt_cache_hit_tokens",
  "prompt_cache_miss_tokens",
  "prompt_tokens",
  "cached_tokens", // under prompt_tokens_details
  "completion_tokens",
  "reasoning_tokens", // under completion_tokens_details
  "input_tokens",
  "output_tokens",
  "cache_read_input_tokens",
  "cache_creation_input_tokens",
  "ephemeral_5m_input_tokens", // under cache_creation
  "ephemeral_1h_input_tokens", // under cache_creation
  "web_search_requests", // under server_tool_use
  "cached_tokens", // under input_tokens_details (Responses API)
  "reasoning_tokens", // under output_tokens_details (Responses API)
] as const;

/** Slot indexes into a usage's token fields. */
export const T = {
  hit: 0,
  miss: 1,
  prompt: 2,
  cached: 3,
  completion: 4,
  reasoning: 5,
  input: 6,
  output: 7,
  cacheRead: 8,
  cacheCreation: 9,
  write5m: 10,
  write1h: 11,
  search: 12,
  inputCached: 13,
  outputReasoning: 14,
} as const;

/** A token slot with no value (key absent or null). */
export const ABSENT = -1;
/** A token slot whose value is not a non-negative safe integer. */
export const INVALID = -2;

/** Where a usage object sat: at the top level (slots 0..14) or under `message` (slots 15..29). */
export const ROOT_USAGE = 0;
export const MESSAGE_USAGE = TOKEN_KEYS.length;

/** The fields read from one line; reused line after line to avoid allocation. */
export interface RawFields {
  model: string | undefined;
  messageModel: string | undefined;
  /** Whether message.id / requestId were non-empty strings; their hashes are in `ids`. */
  hasMessageId: boolean;
  hasRequestId: boolean;
  /** Hashes: message.id in slots 0-1, requestId in slots 2-3 (see dedup.ts). */
  ids: Uint32Array;
  type: string | undefined;
  /** Whether to read sessionId and cwd (only --by session / project needs them: they cost time on every line). */
  wantTags: boolean;
  /** Claude Code's sessionId and cwd (strings at the top level), cut to TAG_MAX bytes. */
  sessionId: string | undefined;
  cwd: string | undefined;
  /** The instants of `created` and `timestamp`, resolved; NaN when present but not an instant. */
  created: number | undefined;
  timestamp: number | undefined;
  /** The raw text of `created` / `timestamp` when it is not an instant, for the skip detail. */
  badCreated: string | undefined;
  badTimestamp: string | undefined;
  /** Whether a usage object (not null) was found at the top level / under message. */
  rootUsage: boolean;
  messageUsage: boolean;
  /** `service_tier` at the top level (OpenAI), inside the top-level usage, inside message.usage (Anthropic). */
  rootTier: string | undefined;
  usageTier: string | undefined;
  messageTier: string | undefined;
  /** 30 slots: top-level usage then message.usage, each ABSENT, INVALID or a count. */
  tokens: Float64Array;
}

/** A fresh, empty set of fields. */
export function newFields(): RawFields {
  return {
    model: undefined,
    messageModel: undefined,
    hasMessageId: false,
    hasRequestId: false,
    ids: new Uint32Array(4),
    type: undefined,
    wantTags: true,
    sessionId: undefined,
    cwd: undefined,
    created: undefined,
    timestamp: undefined,
    badCreated: undefined,
    badTimestamp: undefined,
    rootUsage: false,
    messageUsage: false,
    rootTier: undefined,
    usageTier: undefined,
    messageTier: undefined,
    tokens: new Float64Array(2 * TOKEN_KEYS.length).fill(ABSENT),
  };
}

/** Empties `f` for the next line. */
function resetFields(f: RawFields): void {
  f.model = f.messageModel = f.type = f.sessionId = f.cwd = undefined;
  f.hasMessageId = f.hasRequestId = false;
  f.created = f.timestamp = undefined;
  f.badCreated = f.badTimestamp = undefined;
  f.rootUsage = f.messageUsage = false;
  f.rootTier = f.usageTier = f.messageTier = undefined;
  f.tokens.fill(ABSENT);
}

/** The value of a token field: ABSENT for null, INVALID unless a non-negative safe integer. */
function tokenValue(v: unknown): number {
  if (v === null || v === undefined) return ABSENT;
  return typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? v : INVALID;
}

function text(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/** The most UTF-8 bytes of a sessionId or cwd kept: a longer one is cut there and marked "...". */
export const TAG_MAX = 512;

/** A sessionId or cwd value within TAG_MAX bytes (a cut never splits a character). */
export function boundedTag(v: string): string {
  if (v.length <= TAG_MAX / 4) return v; // at most 4 bytes a character: fits
  const b = Buffer.from(v, "utf8");
  if (b.length <= TAG_MAX) return v;
  let end = TAG_MAX;
  while (end > 0 && (b[end]! & 0xc0) === 0x80) end--;
  return `${b.toString("utf8", 0, end)}...`;
}

/** Resolves an instant field of a parsed line into `f` (NaN and the raw text when invalid). */
function when(f: RawFields, v: unknown, isTimestamp: boolean): number | undefined {
  if (typeof v !== "string" && typeof v !== "number") return undefined;
  const t = recordInstant(v, isTimestamp);
  if (t !== undefined) return t;
  if (isTimestamp) f.badTimestamp = JSON.stringify(v);
  else f.badCreated = JSON.stringify(v);
  return Number.NaN;
}

/** Hashes a non-empty string id into ids[slot..slot+1]; false for anything else. */
function idHash(v: unknown, ids: Uint32Array, slot: number): boolean {
  if (typeof v !== "string" || v === "") return false;
  const b = Buffer.from(v, "utf8");
  hashBytes(b, 0, b.length, ids, slot);
  return true;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const obj = (v: unknown): Record<string, unknown> => (isObject(v) ? v : {});

function readUsage(u: Record<string, unknown>, tokens: Float64Array, base: number): void {
  const sources: Record<string, unknown>[] = [
    u, u, u, obj(u.prompt_tokens_details), u, obj(u.completion_tokens_details), u, u, u, u,
    obj(u.cache_creation), obj(u.cache_creation), obj(u.server_tool_use), obj(u.input_tokens_details), obj(u.output_tokens_details),
  ];
  TOKEN_KEYS.forEach((k, i) => {
    tokens[base + i] = tokenValue(sources[i]![k]);
  });
}

/** Fills `f` from a line already parsed by JSON.parse (the scanner's fallback). */
export function fieldsFromObject(o: unknown, f: RawFields): void {
  resetFields(f);
  if (!isObject(o)) return;
  f.type = text(o.type);
  if (f.wantTags) {
    const session = text(o.sessionId);
    const cwd = text(o.cwd);
    f.sessionId = session === undefined ? undefined : boundedTag(session);
    f.cwd = cwd === undefined ? undefined : boundedTag(cwd);
  }
  f.hasRequestId = idHash(o.requestId, f.ids, 2);
  f.timestamp = when(f, o.timestamp, true);
  // Keys that a Responses API stream event's `response` also carries are read in order, the later winning, as the skim does.
  const top = (key: string, v: unknown, inResponse: boolean): void => {
    switch (key) {
      case "model":
        f.model = text(v);
        return;
      case "created":
      case "created_at":
        if (key === "created" && inResponse) return;
        f.badCreated = undefined;
        f.created = when(f, v, false);
        return;
      case "service_tier":
        f.rootTier = text(v);
        return;
      case "usage":
        f.rootUsage = false;
        f.usageTier = undefined;
        f.tokens.fill(ABSENT, ROOT_USAGE, MESSAGE_USAGE);
        if (isObject(v)) {
          f.rootUsage = true;
          readUsage(v, f.tokens, ROOT_USAGE);
          f.usageTier = text(v.service_tier);
        }
        return;
      case "response":
        if (!inResponse && isObject(v)) for (const [k, x] of Object.entries(v)) top(k, x, true);
    }
  };
  for (const [k, v] of Object.entries(o)) top(k, v, false);
  if (isObject(o.message)) {
    const m = o.message;
    f.messageModel = text(m.model);
    f.hasMessageId = idHash(m.id, f.ids, 0);
    if (isObject(m.usage)) {
      f.messageUsage = true;
      readUsage(m.usage, f.tokens, MESSAGE_USAGE);
      f.messageTier = text(m.usage.service_tier);
    }
  }
}
