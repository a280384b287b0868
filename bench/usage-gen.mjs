// Generates usage logs for bench/usage.mjs: one JSONL file per dialect, records spread over 2026-08..10.
import { createWriteStream } from "node:fs";
import { once } from "node:events";

const START = Date.parse("2026-08-01T00:00:00Z");
const SPAN = Date.parse("2026-11-01T00:00:00Z") - START;
const FLASH_FROM = Date.parse("2026-09-10T04:00:00Z");
const WORDS = "the quick brown fox jumps over the lazy dog while a careful model prices every token exactly".split(" ");

function text(i, words) {
  let s = "";
  for (let k = 0; k < words; k++) s += (k ? " " : "") + WORDS[(i * 7 + k * 3) % WORDS.length];
  return s;
}

function model(i, t) {
  const m = i % 10;
  if (m < 6) return "deepseek-v4-flash";
  if (m < 8) return "deepseek-v4-pro";
  return t >= FLASH_FROM ? "deepseek-flash" : "deepseek-v4-flash";
}

function chat(i, t) {
  const hit = 1024 + (i % 4096);
  const miss = 50 + (i % 700);
  const out = 20 + (i % 900);
  const reasoning = i % 3 === 0 ? Math.floor(out / 2) : 0;
  return `{"id":"chatcmpl-${i.toString(16)}","object":"chat.completion","created":${Math.floor(t / 1000)},"model":"${model(i, t)}","choices":[{"index":0,"message":{"role":"assistant","content":"${text(i, 24)}"},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":${hit + miss},"completion_tokens":${out},"total_tokens":${hit + miss + out},"prompt_tokens_details":{"cached_tokens":${hit}},"completion_tokens_details":{"reasoning_tokens":${reasoning}},"prompt_cache_hit_tokens":${hit},"prompt_cache_miss_tokens":${miss}},"system_fingerprint":"fp_8802369eaa_prod0425fp8"}`;
}

function anthropic(i, t) {
  return `{"id":"msg_${i.toString(36).padStart(12, "0")}","type":"message","role":"assistant","model":"${model(i, t)}","timestamp":"${new Date(t).toISOString()}","content":[{"type":"text","text":"${text(i, 24)}"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":${50 + (i % 700)},"cache_creation_input_tokens":${i % 5 === 0 ? 256 : 0},"cache_read_input_tokens":${1024 + (i % 4096)},"output_tokens":${20 + (i % 900)}}}`;
}

/** Claude Code session lines: each API message is logged twice (two content blocks), as the agent does. */
function claudeCode(i, t) {
  const msg = Math.floor(i / 2);
  const block = i % 2 === 0 ? `{"type":"thinking","thinking":"${text(i, 16)}","signature":""}` : `{"type":"text","text":"${text(i, 24)}"}`;
  return `{"parentUuid":"${(i + 7).toString(16).padStart(8, "0")}-0000-4000-8000-000000000000","isSidechain":false,"userType":"external","cwd":"/home/dev/project","sessionId":"5b1f0c2e-0000-4000-8000-000000000001","version":"2.0.14","gitBranch":"main","message":{"id":"msg_${msg.toString(36).padStart(16, "0")}","type":"message","role":"assistant","model":"${model(msg, t)}","content":[${block}],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":${50 + (msg % 700)},"cache_creation_input_tokens":${msg % 5 === 0 ? 256 : 0},"cache_read_input_tokens":${1024 + (msg % 4096)},"output_tokens":${20 + (msg % 900)},"service_tier":"standard"}},"requestId":"req_${msg.toString(36).padStart(16, "0")}","type":"assistant","uuid":"${i.toString(16).padStart(8, "0")}-0000-4000-8000-000000000000","timestamp":"${new Date(t).toISOString()}"}`;
}

/** The line makers by dialect name. */
export const DIALECTS = { chat, anthropic, "claude-code": claudeCode };

/** Writes `count` records of `dialect` to `path`, in time order. */
export async function generate(dialect, count, path) {
  const make = DIALECTS[dialect];
  const w = createWriteStream(path);
  const step = SPAN / count;
  let batch = "";
  for (let i = 0; i < count; i++) {
    batch += make(i, Math.floor(START + i * step)) + "\n";
    if (batch.length > 1 << 20) {
      if (!w.write(batch)) await once(w, "drain");
      batch = "";
    }
  }
  w.end(batch);
  await once(w, "finish");
}
