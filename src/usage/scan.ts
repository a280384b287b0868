// A validating JSON skim over a line's UTF-8 bytes that reads only the fields usage records need.
//
// It walks the line's whole structure (so a "usage" key inside another object, or inside a
// string, never counts) as one loop over local state, skips strings by looking for the closing
// quote byte (UTF-8 continuation bytes are never a quote or a backslash), and captures values
// only at the paths listed in fields.ts, without making a string of the line. Anything it does
// not expect (an escaped key, a repeated key, a grammar error, deep nesting) makes it give up; the caller then
// falls back to JSON.parse, which has the last word. The one leniency: escapes and control
// characters inside skipped strings are not checked.

import { hashBytes } from "./dedup.js";
import { ABSENT, boundedTag, INVALID, MESSAGE_USAGE, ROOT_USAGE, T, TAG_MAX, type RawFields } from "./fields.js";
import { bytesInstant, recordInstant } from "./timestamp.js";

// Contexts of open containers. Usage-like contexts come in two copies: top-level and under message.
const SKIP = 0;
const ARRAY = 1;
const ROOT = 2;
const MESSAGE = 3;
const USAGE_R = 4;
const USAGE_M = 5;
const PROMPT_DETAILS_R = 6;
const PROMPT_DETAILS_M = 7;
const COMPLETION_DETAILS_R = 8;
const COMPLETION_DETAILS_M = 9;
const CACHE_CREATION_R = 10;
const CACHE_CREATION_M = 11;
const SERVER_TOOL_R = 12;
const SERVER_TOOL_M = 13;
const INPUT_DETAILS_R = 14;
const INPUT_DETAILS_M = 15;
const OUTPUT_DETAILS_R = 16;
const OUTPUT_DETAILS_M = 17;
/** The `response` object of a Responses API stream event: read like the top level. */
const RESPONSE = 18;

// Fields a key captures; 0..29 are token slots (top-level usage 0..14, message.usage 15..29).
const NONE = -1;
const F_MODEL = 100;
const F_TYPE = 101;
const F_REQUEST_ID = 102;
const F_CREATED = 103;
const F_TIMESTAMP = 104;
const F_USAGE = 105;
const F_MESSAGE = 106;
const F_MESSAGE_MODEL = 107;
const F_MESSAGE_ID = 108;
const F_MESSAGE_USAGE = 109;
const F_PROMPT_DETAILS_R = 110;
const F_PROMPT_DETAILS_M = 111;
const F_COMPLETION_DETAILS_R = 112;
const F_COMPLETION_DETAILS_M = 113;
const F_ROOT_TIER = 114;
const F_USAGE_TIER_R = 115;
const F_USAGE_TIER_M = 116;
const F_CACHE_CREATION_R = 117;
const F_CACHE_CREATION_M = 118;
const F_SERVER_TOOL_R = 119;
const F_SERVER_TOOL_M = 120;
const F_INPUT_DETAILS_R = 121;
const F_INPUT_DETAILS_M = 122;
const F_OUTPUT_DETAILS_R = 123;
const F_OUTPUT_DETAILS_M = 124;
const F_RESPONSE = 125;
const F_SESSION_ID = 126;
const F_CWD = 127;

// Parser states.
const VALUE = 0;
const AFTER_VALUE = 1;
const KEY = 2;
const FIRST_KEY = 3;
const FIRST_ITEM = 4;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SHORT = 48; // strings are searched byte by byte this far, then with Buffer#indexOf

/** The index of the quote closing the JSON string whose content starts at `a` (escaped quotes skipped), or -1 before `n`. */
function stringEnd(b: Buffer, a: number, n: number): number {
  let q = a;
  for (;;) {
    const lim = q + SHORT < n ? q + SHORT : n;
    while (q < lim && b[q] !== QUOTE) q++;
    if (q === lim) {
      if (lim === n) return -1;
      q = b.indexOf(QUOTE, lim);
      if (q < 0 || q >= n) return -1;
    }
    let k = q - 1;
    while (k >= a && b[k] === BACKSLASH) k--;
    if (((q - 1 - k) & 1) === 0) return q;
    q++;
  }
}
const MAX_DEPTH = 64;

const stack = new Uint8Array(MAX_DEPTH);

/**
 * The line (a counter) in which each field last took a value. A field that takes a second value in
 * one line (a repeated key, or two keys feeding one field, like created and created_at) makes the
 * skim give up: JSON.parse keeps a repeated key's last value at its first key's place, and
 * fieldsFromObject then decides which key wins.
 */
const seenIn = new Uint32Array(128);
let lineNo = 0;

/** Whether the line being skimmed reads sessionId and cwd (RawFields.wantTags). */
let wantTags = false;

/** Recent strings by their bytes (model names and types repeat on nearly every line). */
const internBytes: Buffer[] = [];
const internText: string[] = [];

function intern(b: Buffer, a: number, z: number): string {
  const len = z - a;
  if (len > 64) return b.toString("utf8", a, z);
  outer: for (let i = 0; i < internBytes.length; i++) {
    const k = internBytes[i]!;
    if (k.length !== len) continue;
    for (let j = 0; j < len; j++) if (k[j] !== b[a + j]) continue outer;
    return internText[i]!;
  }
  const text = b.toString("utf8", a, z);
  if (internBytes.length >= 32) {
    internBytes.shift();
    internText.shift();
  }
  internBytes.push(Buffer.from(b.subarray(a, z)));
  internText.push(text);
  return text;
}

/** The last sessionId and cwd read, by their bytes (they repeat on every line of a session). */
const lastTagBytes: (Buffer | undefined)[] = [undefined, undefined];
const lastTagText: string[] = ["", ""];

/** The unescaped sessionId (slot 0) or cwd (slot 1) b[a, z), cut to TAG_MAX bytes as boundedTag does. */
function tagOf(b: Buffer, a: number, z: number, slot: number): string {
  if (z - a > TAG_MAX) {
    let end = a + TAG_MAX;
    while (end > a && (b[end]! & 0xc0) === 0x80) end--;
    return `${b.toString("utf8", a, end)}...`;
  }
  const k = lastTagBytes[slot];
  if (k !== undefined && k.length === z - a) {
    let same = true;
    for (let j = 0; j < k.length; j++) {
      if (k[j] !== b[a + j]) {
        same = false;
        break;
      }
    }
    if (same) return lastTagText[slot]!;
  }
  const text = b.toString("utf8", a, z);
  lastTagBytes[slot] = Buffer.from(b.subarray(a, z));
  lastTagText[slot] = text;
  return text;
}

function hasBackslash(b: Buffer, a: number, z: number): boolean {
  for (let i = a; i < z; i++) if (b[i] === BACKSLASH) return true;
  return false;
}

/** Whether b[ks..] spells `key` (the caller has checked the length). */
function at(b: Buffer, ks: number, key: string): boolean {
  for (let i = 0; i < key.length; i++) if (b[ks + i] !== key.charCodeAt(i)) return false;
  return true;
}

/** The field a key captures in an object context, dispatching on length and first byte. */
function match(b: Buffer, ctx: number, ks: number, len: number): number {
  const c = b[ks];
  switch (ctx) {
    case ROOT:
      if (len === 5) return c === 109 && at(b, ks, "model") ? F_MODEL : c === 117 && at(b, ks, "usage") ? F_USAGE : NONE;
      if (len === 7) return c === 99 && at(b, ks, "created") ? F_CREATED : c === 109 && at(b, ks, "message") ? F_MESSAGE : NONE;
      if (len === 9) {
        if (c === 116) return at(b, ks, "timestamp") ? F_TIMESTAMP : NONE;
        if (c === 114) return at(b, ks, "requestId") ? F_REQUEST_ID : NONE;
        return c === 115 && wantTags && at(b, ks, "sessionId") ? F_SESSION_ID : NONE;
      }
      if (len === 3) return wantTags && at(b, ks, "cwd") ? F_CWD : NONE;
      if (len === 10) return at(b, ks, "created_at") ? F_CREATED : NONE;
      if (len === 12) return at(b, ks, "service_tier") ? F_ROOT_TIER : NONE;
      if (len === 8) return at(b, ks, "response") ? F_RESPONSE : NONE;
      return len === 4 && at(b, ks, "type") ? F_TYPE : NONE;
    case RESPONSE:
      if (len === 5) return c === 109 && at(b, ks, "model") ? F_MODEL : c === 117 && at(b, ks, "usage") ? F_USAGE : NONE;
      if (len === 10) return at(b, ks, "created_at") ? F_CREATED : NONE;
      return len === 12 && at(b, ks, "service_tier") ? F_ROOT_TIER : NONE;
    case MESSAGE:
      if (len === 5) return c === 109 && at(b, ks, "model") ? F_MESSAGE_MODEL : c === 117 && at(b, ks, "usage") ? F_MESSAGE_USAGE : NONE;
      return len === 2 && at(b, ks, "id") ? F_MESSAGE_ID : NONE;
    case USAGE_R:
    case USAGE_M: {
      const base = ctx === USAGE_R ? ROOT_USAGE : MESSAGE_USAGE;
      const r = ctx === USAGE_R;
      switch (len) {
        case 12:
          return c === 105 && at(b, ks, "input_tokens") ? base + T.input : c === 115 && at(b, ks, "service_tier") ? (r ? F_USAGE_TIER_R : F_USAGE_TIER_M) : NONE;
        case 14:
          return at(b, ks, "cache_creation") ? (r ? F_CACHE_CREATION_R : F_CACHE_CREATION_M) : NONE;
        case 15:
          return at(b, ks, "server_tool_use") ? (r ? F_SERVER_TOOL_R : F_SERVER_TOOL_M) : NONE;
        case 20:
          return at(b, ks, "input_tokens_details") ? (r ? F_INPUT_DETAILS_R : F_INPUT_DETAILS_M) : NONE;
        case 13:
          return c === 112 && at(b, ks, "prompt_tokens") ? base + T.prompt : c === 111 && at(b, ks, "output_tokens") ? base + T.output : NONE;
        case 17:
          return at(b, ks, "completion_tokens") ? base + T.completion : NONE;
        case 21:
          if (c === 111) return at(b, ks, "output_tokens_details") ? (r ? F_OUTPUT_DETAILS_R : F_OUTPUT_DETAILS_M) : NONE;
          return at(b, ks, "prompt_tokens_details") ? (r ? F_PROMPT_DETAILS_R : F_PROMPT_DETAILS_M) : NONE;
        case 23:
          return c === 112 && at(b, ks, "prompt_cache_hit_tokens") ? base + T.hit : c === 99 && at(b, ks, "cache_read_input_tokens") ? base + T.cacheRead : NONE;
        case 24:
          return at(b, ks, "prompt_cache_miss_tokens") ? base + T.miss : NONE;
        case 25:
          return at(b, ks, "completion_tokens_details") ? (ctx === USAGE_R ? F_COMPLETION_DETAILS_R : F_COMPLETION_DETAILS_M) : NONE;
        case 27:
          return at(b, ks, "cache_creation_input_tokens") ? base + T.cacheCreation : NONE;
        default:
          return NONE;
      }
    }
    case PROMPT_DETAILS_R:
    case PROMPT_DETAILS_M:
      return len === 13 && at(b, ks, "cached_tokens") ? (ctx === PROMPT_DETAILS_R ? ROOT_USAGE : MESSAGE_USAGE) + T.cached : NONE;
    case COMPLETION_DETAILS_R:
    case COMPLETION_DETAILS_M:
      return len === 16 && at(b, ks, "reasoning_tokens") ? (ctx === COMPLETION_DETAILS_R ? ROOT_USAGE : MESSAGE_USAGE) + T.reasoning : NONE;
    default:
      return ctx >= CACHE_CREATION_R ? matchNested(b, ctx, ks, len) : NONE;
  }
}

/** `match` for the objects nested in a usage (kept apart so `match` stays small enough to inline). */
function matchNested(b: Buffer, ctx: number, ks: number, len: number): number {
  const base = (ctx & 1) === 0 ? ROOT_USAGE : MESSAGE_USAGE; // the _R contexts are even, the _M ones odd
  switch (ctx) {
    case CACHE_CREATION_R:
    case CACHE_CREATION_M:
      if (len !== 25) return NONE;
      return at(b, ks, "ephemeral_5m_input_tokens") ? base + T.write5m : at(b, ks, "ephemeral_1h_input_tokens") ? base + T.write1h : NONE;
    case SERVER_TOOL_R:
    case SERVER_TOOL_M:
      return len === 19 && at(b, ks, "web_search_requests") ? base + T.search : NONE;
    case INPUT_DETAILS_R:
    case INPUT_DETAILS_M:
      return len === 13 && at(b, ks, "cached_tokens") ? base + T.inputCached : NONE;
    case OUTPUT_DETAILS_R:
    case OUTPUT_DETAILS_M:
      return len === 16 && at(b, ks, "reasoning_tokens") ? base + T.outputReasoning : NONE;
    default:
      return NONE;
  }
}

/** The context an object value opens under each field (index field - 100; SKIP for fields that are not objects to read). */
const CHILD = new Uint8Array(32);
CHILD[F_USAGE - 100] = USAGE_R;
CHILD[F_MESSAGE_USAGE - 100] = USAGE_M;
CHILD[F_MESSAGE - 100] = MESSAGE;
CHILD[F_PROMPT_DETAILS_R - 100] = PROMPT_DETAILS_R;
CHILD[F_PROMPT_DETAILS_M - 100] = PROMPT_DETAILS_M;
CHILD[F_COMPLETION_DETAILS_R - 100] = COMPLETION_DETAILS_R;
CHILD[F_COMPLETION_DETAILS_M - 100] = COMPLETION_DETAILS_M;
CHILD[F_CACHE_CREATION_R - 100] = CACHE_CREATION_R;
CHILD[F_CACHE_CREATION_M - 100] = CACHE_CREATION_M;
CHILD[F_SERVER_TOOL_R - 100] = SERVER_TOOL_R;
CHILD[F_SERVER_TOOL_M - 100] = SERVER_TOOL_M;
CHILD[F_INPUT_DETAILS_R - 100] = INPUT_DETAILS_R;
CHILD[F_INPUT_DETAILS_M - 100] = INPUT_DETAILS_M;
CHILD[F_OUTPUT_DETAILS_R - 100] = OUTPUT_DETAILS_R;
CHILD[F_OUTPUT_DETAILS_M - 100] = OUTPUT_DETAILS_M;
CHILD[F_RESPONSE - 100] = RESPONSE;

function childContext(field: number): number {
  return field >= 100 ? CHILD[field - 100]! : SKIP;
}

/** Stores a string value b[a, z) (z at the closing quote) into its field; false when it is not decodable. */
function captureString(f: RawFields, field: number, b: Buffer, a: number, z: number): boolean {
  const escaped = hasBackslash(b, a, z);
  let text: string | undefined;
  if (escaped) {
    try {
      text = JSON.parse(b.toString("utf8", a - 1, z + 1)) as string;
    } catch {
      return false;
    }
  }
  switch (field) {
    case F_MODEL:
      f.model = text ?? intern(b, a, z);
      return true;
    case F_TYPE:
      f.type = text ?? intern(b, a, z);
      return true;
    case F_MESSAGE_MODEL:
      f.messageModel = text ?? intern(b, a, z);
      return true;
    case F_ROOT_TIER:
    case F_USAGE_TIER_R:
    case F_USAGE_TIER_M:
      setTier(f, field, text ?? intern(b, a, z));
      return true;
    case F_SESSION_ID:
      f.sessionId = text !== undefined ? boundedTag(text) : tagOf(b, a, z, 0);
      return true;
    case F_CWD:
      f.cwd = text !== undefined ? boundedTag(text) : tagOf(b, a, z, 1);
      return true;
    case F_REQUEST_ID:
    case F_MESSAGE_ID: {
      const slot = field === F_MESSAGE_ID ? 0 : 2;
      let has: boolean;
      if (text === undefined) {
        has = z > a;
        if (has) hashBytes(b, a, z, f.ids, slot);
      } else {
        const bytes = Buffer.from(text, "utf8");
        has = bytes.length > 0;
        if (has) hashBytes(bytes, 0, bytes.length, f.ids, slot);
      }
      if (field === F_MESSAGE_ID) f.hasMessageId = has;
      else f.hasRequestId = has;
      return true;
    }
    case F_CREATED:
    case F_TIMESTAMP: {
      const isTimestamp = field === F_TIMESTAMP;
      const t = text === undefined ? bytesInstant(b, a, z) : recordInstant(text, isTimestamp);
      setInstant(f, isTimestamp, t, t === undefined ? b.toString("utf8", a - 1, z + 1) : undefined);
      return true;
    }
    default:
      return true; // a string where a count or an object belongs: already cleared (absent or invalid)
  }
}

/** Stores a service tier string into its field. */
function setTier(f: RawFields, field: number, text: string): void {
  if (field === F_ROOT_TIER) f.rootTier = text;
  else if (field === F_USAGE_TIER_R) f.usageTier = text;
  else f.messageTier = text;
}

/** Stores a number b[a, z) into its field: token counts and instants. */
function captureNumber(f: RawFields, field: number, b: Buffer, a: number, z: number, plain: number): void {
  if (field < 100) {
    f.tokens[field] = plain >= 0 ? plain : tokenOf(Number(b.toString("latin1", a, z)));
    return;
  }
  if (field === F_CREATED || field === F_TIMESTAMP) {
    const isTimestamp = field === F_TIMESTAMP;
    const t = recordInstant(plain >= 0 ? plain : Number(b.toString("latin1", a, z)), isTimestamp);
    setInstant(f, isTimestamp, t, t === undefined ? b.toString("latin1", a, z) : undefined);
  }
}

/** Stores an instant field: the instant, or NaN and the raw text when it is not one. */
function setInstant(f: RawFields, isTimestamp: boolean, t: number | undefined, bad: string | undefined): void {
  if (isTimestamp) {
    f.timestamp = t ?? Number.NaN;
    f.badTimestamp = bad;
  } else {
    f.created = t ?? Number.NaN;
    f.badCreated = bad;
  }
}

function tokenOf(v: number): number {
  return Number.isSafeInteger(v) && v >= 0 ? v : INVALID;
}

/**
 * Reads the usage fields of the line b[start, end) into `f`. Returns false when the line is not
 * a JSON object the skim understands; the caller then decodes it and uses JSON.parse. The byte
 * at `end`, if any, must not be part of the JSON (a newline or CR).
 */
export function scanLine(b: Buffer, start: number, end: number, f: RawFields): boolean {
  f.model = f.messageModel = f.type = f.sessionId = f.cwd = undefined;
  wantTags = f.wantTags;
  f.created = f.timestamp = f.badCreated = f.badTimestamp = undefined;
  f.rootUsage = f.messageUsage = f.hasMessageId = f.hasRequestId = false;
  f.rootTier = f.usageTier = f.messageTier = undefined;
  f.tokens.fill(ABSENT);
  if (++lineNo === 0xffffffff) {
    seenIn.fill(0);
    lineNo = 1;
  }

  const n = end;
  let p = start;
  let depth = 0;
  let state = VALUE;
  let field = NONE; // what the value being read feeds
  let ctx = SKIP; // the innermost open container's context
  let first = true;

  for (;;) {
    if (depth === 0 && state === AFTER_VALUE) {
      // the root object is closed: only whitespace may follow
      for (; p < n; p++) {
        const w = b[p]!;
        if (w !== 32 && w !== 9 && w !== 10 && w !== 13) return false;
      }
      return true;
    }
    // whitespace
    let c = b[p]!;
    while ((c === 32 || c === 9 || c === 10 || c === 13) && p < n) c = b[++p]!;
    if (p >= n) return false;

    if (state === VALUE) {
      if (first) {
        if (c !== 123) return false;
        first = false;
      }
      if (field !== NONE) {
        if (seenIn[field] === lineNo) return false;
        seenIn[field] = lineNo;
      }
      if (c === QUOTE) {
        // a string value
        const a = p + 1;
        const q = stringEnd(b, a, n);
        if (q < 0) return false;
        if (field !== NONE && !captureString(f, field, b, a, q)) return false;
        if (field >= 0 && field < 100) f.tokens[field] = INVALID;
        p = q + 1;
        state = AFTER_VALUE;
      } else if (c === 123 || c === 91) {
        if (depth === MAX_DEPTH) return false;
        ctx = c === 91 ? ARRAY : depth === 0 ? ROOT : childContext(field);
        if (c === 123 && field === F_USAGE) f.rootUsage = true;
        else if (c === 123 && field === F_MESSAGE_USAGE) f.messageUsage = true;
        else if (field >= 0 && field < 100) f.tokens[field] = INVALID;
        stack[depth++] = ctx;
        p++;
        state = c === 91 ? FIRST_ITEM : FIRST_KEY;
      } else if (c === 45 || (c >= 48 && c <= 57)) {
        // a number: grammar checked; plain digits read as they go
        const a = p;
        let plain = c === 45 ? -1 : 0;
        if (c === 45) c = b[++p]!;
        if (c === 48) c = b[++p]!;
        else if (c >= 49 && c <= 57) {
          while (c >= 48 && c <= 57 && p < n) {
            if (plain >= 0) plain = plain * 10 + (c - 48);
            c = b[++p]!;
          }
        } else return false;
        if (c === 46 && p < n) {
          plain = -1;
          c = b[++p]!;
          if (!(c >= 48 && c <= 57) || p >= n) return false;
          while (c >= 48 && c <= 57 && p < n) c = b[++p]!;
        }
        if ((c === 101 || c === 69) && p < n) {
          plain = -1;
          c = b[++p]!;
          if ((c === 43 || c === 45) && p < n) c = b[++p]!;
          if (!(c >= 48 && c <= 57) || p >= n) return false;
          while (c >= 48 && c <= 57 && p < n) c = b[++p]!;
        }
        if (p > n) return false;
        if (p - a > 15) plain = -1;
        if (field !== NONE) captureNumber(f, field, b, a, p, plain);
        state = AFTER_VALUE;
      } else {
        // true, false or null
        let len = 0;
        if (c === 116 && p + 4 <= n && b[p + 1] === 114 && b[p + 2] === 117 && b[p + 3] === 101) len = 4;
        else if (c === 102 && p + 5 <= n && b[p + 1] === 97 && b[p + 2] === 108 && b[p + 3] === 115 && b[p + 4] === 101) len = 5;
        else if (c === 110 && p + 4 <= n && b[p + 1] === 117 && b[p + 2] === 108 && b[p + 3] === 108) len = 4;
        else return false;
        if (field >= 0 && field < 100 && c !== 110) f.tokens[field] = INVALID; // null leaves a count absent
        p += len;
        state = AFTER_VALUE;
      }
      field = NONE;
      continue;
    }

    if (state === AFTER_VALUE) {
      if (c === 44) {
        p++;
        state = ctx === ARRAY ? VALUE : KEY;
      } else if (c === (ctx === ARRAY ? 93 : 125)) {
        p++;
        depth--;
        ctx = depth > 0 ? stack[depth - 1]! : SKIP;
      } else return false;
      continue;
    }

    if (state === FIRST_ITEM) {
      if (c === 93) {
        p++;
        depth--;
        ctx = depth > 0 ? stack[depth - 1]! : SKIP;
        state = AFTER_VALUE;
      } else state = VALUE;
      continue;
    }

    if (state === FIRST_KEY && c === 125) {
      p++;
      depth--;
      ctx = depth > 0 ? stack[depth - 1]! : SKIP;
      state = AFTER_VALUE;
      continue;
    }

    // KEY (or FIRST_KEY): a string, a colon, then the value
    if (c !== QUOTE) return false;
    const ks = p + 1;
    const q = stringEnd(b, ks, n);
    if (q < 0) return false;
    p = q + 1;
    c = b[p]!;
    while ((c === 32 || c === 9 || c === 10 || c === 13) && p < n) c = b[++p]!;
    if (c !== 58 || p >= n) return false;
    p++;
    if (ctx !== SKIP) {
      field = match(b, ctx, ks, q - ks);
      if (field === NONE && hasBackslash(b, ks, q)) return false; // an escaped key might spell a wanted one
    }
    state = VALUE;
  }
}
