// Log lines -> records in each dialect: token buckets, model, instant, dedup ids, and why a line is skipped.
import { describe, expect, it } from "vitest";
import { BLANK, IGNORED, RECORD, RecordReader, SKIP } from "../../../src/usage/record.js";
import type { Dialect } from "../../../src/usage/types.js";

function read(line: string, dialect: Dialect = "auto") {
  const r = new RecordReader(dialect);
  const kind = r.read(line);
  return { kind, record: { ...r.record }, reason: r.reason, detail: r.detail };
}

const T0 = Date.parse("2026-08-17T02:00:00Z");

describe("chat-completion dialect", () => {
  it("reads DeepSeek's hit/miss fields; reasoning is a part of completion_tokens, not added", () => {
    const r = read(`{"model":"deepseek-v4-flash","created":${T0 / 1000},"usage":{"prompt_tokens":800,"completion_tokens":100,"prompt_cache_hit_tokens":600,"prompt_cache_miss_tokens":200,"completion_tokens_details":{"reasoning_tokens":40}}}`);
    expect(r.kind).toBe(RECORD);
    expect(r.record).toMatchObject({ model: "deepseek-v4-flash", instant: T0, hit: 600, miss: 200, output: 100, reasoning: 40, dedup: false });
  });

  it("reads the OpenAI form: cached_tokens are hits, the rest of prompt_tokens misses", () => {
    const r = read(`{"model":"m","created":1,"usage":{"prompt_tokens":800,"completion_tokens":5,"prompt_tokens_details":{"cached_tokens":600}}}`);
    expect(r.record).toMatchObject({ hit: 600, miss: 200, output: 5, reasoning: 0, instant: 1000 });
    expect(read(`{"model":"m","created":1,"usage":{"prompt_tokens":800}}`).record).toMatchObject({ hit: 0, miss: 800, output: 0 });
  });

  it("completes a missing hit or miss count from prompt_tokens", () => {
    expect(read(`{"model":"m","created":1,"usage":{"prompt_tokens":800,"prompt_cache_hit_tokens":600}}`).record).toMatchObject({ hit: 600, miss: 200 });
  });

  it("skips usage it cannot split into hits and misses, or whose breakdown exceeds its total", () => {
    expect(read(`{"model":"m","created":1,"usage":{"prompt_cache_hit_tokens":600,"completion_tokens":1}}`)).toMatchObject({ kind: SKIP, reason: "bad-usage" });
    expect(read(`{"model":"m","created":1,"usage":{"prompt_tokens":5,"prompt_tokens_details":{"cached_tokens":6}}}`)).toMatchObject({ kind: SKIP, reason: "bad-usage" });
    expect(read(`{"model":"m","created":1,"usage":{"prompt_tokens":5,"completion_tokens":3,"completion_tokens_details":{"reasoning_tokens":4}}}`)).toMatchObject({ kind: SKIP, reason: "bad-usage" });
  });

  it("skips counts that are not whole numbers >= 0", () => {
    for (const v of ["-1", "1.5", '"7"', "1e400", "true", "[1]"]) {
      expect(read(`{"model":"m","created":1,"usage":{"prompt_tokens":${v},"completion_tokens":1}}`), v).toMatchObject({ kind: SKIP, reason: "bad-usage" });
    }
    expect(read(`{"model":"m","created":1,"usage":{"prompt_tokens":1e3,"completion_tokens":2.0}}`).record).toMatchObject({ miss: 1000, output: 2 });
  });
});

describe("Anthropic dialect", () => {
  it("reads cache reads as hits, input as misses and cache writes apart (default retention), at the timestamp", () => {
    const r = read(`{"type":"message","model":"deepseek-v4-flash","timestamp":"2026-08-17T02:00:00Z","usage":{"input_tokens":150,"cache_creation_input_tokens":50,"cache_read_input_tokens":600,"output_tokens":100}}`);
    expect(r.record).toMatchObject({ hit: 600, miss: 150, writeDefault: 50, write5m: 0, write1h: 0, output: 100, reasoning: 0, instant: T0 });
  });

  it("takes `created` when there is no timestamp, and null counts as absent", () => {
    const r = read(`{"model":"m","created":${T0 / 1000},"usage":{"input_tokens":1,"cache_read_input_tokens":null,"output_tokens":2}}`);
    expect(r.record).toMatchObject({ hit: 0, miss: 1, output: 2, instant: T0 });
  });
});

describe("Claude Code session dialect", () => {
  const line = (id: string, req: string) =>
    `{"type":"assistant","timestamp":"2026-08-17T02:00:00.250Z","requestId":"${req}","message":{"id":"${id}","model":"deepseek-v4-pro","usage":{"input_tokens":10,"cache_read_input_tokens":20,"output_tokens":5}}}`;

  it("reads message.model and message.usage, and fingerprints message.id + requestId", () => {
    const a = read(line("msg_1", "req_1"));
    expect(a.record).toMatchObject({ model: "deepseek-v4-pro", instant: T0 + 250, hit: 20, miss: 10, output: 5, dedup: true });
    const again = read(line("msg_1", "req_1"));
    const other = read(line("msg_1", "req_2"));
    expect([again.record.dedupA, again.record.dedupB]).toEqual([a.record.dedupA, a.record.dedupB]);
    expect([other.record.dedupA, other.record.dedupB]).not.toEqual([a.record.dedupA, a.record.dedupB]);
  });

  it("gives the same fingerprint to ids written with escapes (the JSON.parse path)", () => {
    const plain = read(line("msg_1", "req_1")).record;
    const escaped = read(line("msg\\u005f1", "req_1")).record;
    expect([escaped.dedupA, escaped.dedupB]).toEqual([plain.dedupA, plain.dedupB]);
  });

  it("ignores session events without usage (user, summary) rather than skipping them", () => {
    expect(read(`{"type":"user","message":{"role":"user","content":"hi"},"timestamp":"2026-08-17T02:00:00Z"}`).kind).toBe(IGNORED);
    expect(read(`{"type":"summary","summary":"x","leafUuid":"u"}`).kind).toBe(IGNORED);
    expect(read(`{"type":"assistant","message":{"model":"m"}}`)).toMatchObject({ kind: SKIP, reason: "no-usage" });
  });
});

describe("skips and forced dialects", () => {
  it("names each reason", () => {
    expect(read(`{"model":"m","usage":{"prompt_tokens":1`)).toMatchObject({ kind: SKIP, reason: "malformed-json" });
    expect(read(`[1]`)).toMatchObject({ kind: SKIP, reason: "malformed-json", detail: "not a JSON object" });
    expect(read(`{"model":"m","created":1}`)).toMatchObject({ kind: SKIP, reason: "no-usage" });
    expect(read(`{"created":1,"usage":{"prompt_tokens":1}}`)).toMatchObject({ kind: SKIP, reason: "no-model" });
    expect(read(`{"model":"m","created":"yesterday","usage":{"prompt_tokens":1}}`)).toMatchObject({ kind: SKIP, reason: "bad-instant", detail: '"yesterday" is not an instant' });
    expect(read(`{"model":"m","timestamp":"2026-02-30T00:00:00Z","usage":{"input_tokens":1}}`)).toMatchObject({ kind: SKIP, reason: "bad-instant" });
  });

  it("says why a line is not JSON without quoting any of it", () => {
    // JSON.parse quotes the line in these ("Unexpected token 's', "sk-SECRET0123" is not valid JSON")
    for (const line of ['sk-SECRET0123', '{"usage":{"input_tokens":5,"api_key": sk-SECRET0123456789abcdef}}', '{"a": tru}']) {
      expect(read(line)).toMatchObject({ kind: SKIP, reason: "malformed-json", detail: "not valid JSON" });
    }
    // and not in these, which stay as useful as they are
    expect(read(`{"model":"m","usage":{"prompt_tokens":1 "x":2}}`).detail).toBe("Expected ',' or '}' after property value in JSON at position 40");
    expect(read(`{"model":"m","usage":{"prompt_tokens":1`).detail).toBe("Expected ',' or '}' after property value in JSON at position 39");
    expect(read(`{"model":"m"}}`).detail).toBe("Unexpected non-whitespace character after JSON at position 13");
  });

  it("leaves the instant unset when a record has none (the aggregator applies --as-of)", () => {
    expect(read(`{"model":"m","usage":{"prompt_tokens":1}}`)).toMatchObject({ kind: RECORD, record: { instant: undefined } });
  });

  it("treats blank lines as nothing", () => {
    expect(read("").kind).toBe(BLANK);
    expect(read("  \t").kind).toBe(BLANK);
  });

  it("reads only the forced dialect's shape", () => {
    const anthropic = `{"model":"m","created":1,"usage":{"input_tokens":1,"output_tokens":1}}`;
    expect(read(anthropic, "chat")).toMatchObject({ kind: SKIP, reason: "no-usage", detail: "no chat usage" });
    expect(read(anthropic, "anthropic").kind).toBe(RECORD);
    expect(read(anthropic, "claude-code").kind).toBe(SKIP);
  });
});

describe("sessionId and cwd", () => {
  const line = (extra: string) => `{${extra}"type":"assistant","timestamp":"2026-08-17T02:00:00Z","message":{"model":"deepseek-v4-flash","usage":{"input_tokens":1,"output_tokens":1}}}`;
  it("are read only when asked for (--by session / project), by the skim and by the JSON.parse fallback alike", () => {
    for (const [extra, session, cwd] of [
      ['"sessionId":"s1","cwd":"/w",', "s1", "/w"],
      ['"sessionId":"s\\u00e91","cwd":"/w\\n",', "s\u00e91", "/w\n"], // escaped: decoded
      ['"sessionId":"","cwd":5,', undefined, undefined], // empty or not a string: none
      ['"sessionId":"s1",', "s1", undefined], // no cwd
    ] as const) {
      const asked = new RecordReader("auto", true);
      expect(asked.read(line(extra)), extra).toBe(RECORD);
      expect([asked.record.session, asked.record.cwd], extra).toEqual([session, cwd]);
      const plain = new RecordReader("auto");
      expect(plain.read(line(extra))).toBe(RECORD);
      expect([plain.record.session, plain.record.cwd]).toEqual([undefined, undefined]);
    }
    const fallback = new RecordReader("auto", true);
    expect(fallback.read(line('"s\\u0065ssionId":"esc-key","cwd":"/p",'))).toBe(RECORD); // an escaped key: JSON.parse reads the line
    expect([fallback.record.session, fallback.record.cwd]).toEqual(["esc-key", "/p"]);
  });
});
