// The byte skim reads exactly what JSON.parse + fieldsFromObject read, or gives up on the line.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldsFromObject, newFields, TAG_MAX, type RawFields } from "../../../src/usage/fields.js";
import { scanLine } from "../../../src/usage/scan.js";

function scan(text: string): RawFields | false {
  const f = newFields();
  const b = Buffer.from(text, "utf8");
  return scanLine(b, 0, b.length, f) ? f : false;
}

function viaParse(text: string): RawFields {
  const f = newFields();
  fieldsFromObject(JSON.parse(text), f);
  return f;
}

function plain(f: RawFields) {
  // an id's hash slots mean something only when the id is there (a reused RawFields keeps old ones)
  return { ...f, tokens: [...f.tokens], ids: [...(f.hasMessageId ? f.ids.slice(0, 2) : []), ...(f.hasRequestId ? f.ids.slice(2, 4) : [])] };
}

/** Keys the skim cares about, and a few it must ignore, at any depth. */
const KEYS = [
  "model", "usage", "created", "timestamp", "message", "requestId", "type", "id",
  "prompt_cache_hit_tokens", "prompt_cache_miss_tokens", "prompt_tokens", "completion_tokens",
  "prompt_tokens_details", "cached_tokens", "completion_tokens_details", "reasoning_tokens",
  "input_tokens", "output_tokens", "cache_read_input_tokens", "cache_creation_input_tokens",
  "content", "toolUseResult", "mod\"el", "usage\\", "é",
  "created_at", "service_tier", "response", "cache_creation", "ephemeral_5m_input_tokens", "ephemeral_1h_input_tokens",
  "server_tool_use", "web_search_requests", "input_tokens_details", "output_tokens_details",
  "sessionId", "cwd",
];

const scalar = fc.oneof(
  fc.integer({ min: -5, max: 3_000_000 }),
  fc.constantFrom(0, 1e3, 2.5, -0, 1e16, 12345678901234567),
  fc.constantFrom("deepseek-v4-flash", "2026-08-16T16:00:00Z", "2026-08-16T16:00:00.123456Z", "2026-08-16 18:00+02:00", "not a date", "", "a\"b", "x\\y", "\u00e9\u4e2d", "\n", "\u00e9".repeat(300), "/p/" + "x".repeat(600), "\u00e9\n".repeat(200)),
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.constant(null),
);

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("obj"), fc.array(tie("any"), { maxLength: 3 })),
  obj: fc.dictionary(fc.constantFrom(...KEYS), tie("any"), { maxKeys: 6 }),
})).any;

/** Objects shaped like usage and message objects, so the interesting paths are hit often. */
const NESTED = ["cached_tokens", "reasoning_tokens", "ephemeral_5m_input_tokens", "ephemeral_1h_input_tokens", "web_search_requests", "x"];
const usageLike = fc.dictionary(fc.constantFrom(...KEYS.slice(8)), fc.oneof(scalar, fc.dictionary(fc.constantFrom(...NESTED), scalar, { maxKeys: 3 })), { maxKeys: 8 });
const messageLike = fc.dictionary(fc.constantFrom("model", "id", "usage", "content", "type"), fc.oneof(scalar, usageLike, value), { maxKeys: 5 });
const shaped = fc.record(
  {
    usage: fc.oneof(usageLike, usageLike, scalar), message: fc.oneof(messageLike, messageLike, scalar), model: scalar, created: scalar, timestamp: scalar, type: scalar, requestId: scalar,
    response: fc.oneof(fc.record({ model: scalar, usage: fc.oneof(usageLike, scalar), created_at: scalar, service_tier: scalar }, { requiredKeys: [] }), scalar),
    service_tier: scalar, created_at: scalar, sessionId: scalar, cwd: scalar,
  },
  { requiredKeys: [] },
);
const root = fc
  .tuple(fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(value, usageLike, messageLike), { maxKeys: 5 }), shaped, fc.boolean())
  .map(([extra, known, knownFirst]) => (knownFirst ? { ...known, ...extra } : { ...extra, ...known }));

describe("scanLine", () => {
  it("agrees with JSON.parse on any object, compact or indented, whenever it does not give up", () => {
    fc.assert(
      fc.property(root, fc.constantFrom(undefined, 1, "\t"), (obj, indent) => {
        const text = JSON.stringify(obj, null, indent);
        const fast = scan(text);
        if (fast) expect(plain(fast)).toEqual(plain(viaParse(text)));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads the usual records itself (no JSON.parse fallback)", () => {
    const lines = [
      '{"id":"x","object":"chat.completion","created":1786000000,"model":"deepseek-v4-flash","choices":[{"index":0,"message":{"role":"assistant","content":"he said \\"usage\\": 5"}}],"usage":{"prompt_tokens":2200,"completion_tokens":300,"prompt_tokens_details":{"cached_tokens":2000},"prompt_cache_hit_tokens":2000,"prompt_cache_miss_tokens":200,"completion_tokens_details":{"reasoning_tokens":120}}}',
      '{"type":"message","model":"deepseek-v4-flash","timestamp":"2026-09-12T02:00:00Z","usage":{"input_tokens":100,"cache_read_input_tokens":1000,"cache_creation_input_tokens":null,"output_tokens":500}}',
      '{"timestamp":"2026-09-12T08:00:00.123Z","type":"assistant","requestId":"req_1","message":{"id":"msg_1","model":"deepseek-v4-pro","usage":{"input_tokens":10,"output_tokens":5}}}',
      ' { "model" : "m" , "usage" : { "prompt_tokens" : 1 } } ',
    ];
    for (const l of lines) {
      const fast = scan(l);
      expect(fast, l).not.toBe(false);
      expect(plain(fast as RawFields)).toEqual(plain(viaParse(l)));
    }
  });

  it("ignores usage-like keys that are not at the record's own paths", () => {
    const f = scan('{"type":"user","toolUseResult":{"usage":{"input_tokens":9,"output_tokens":9},"model":"x"},"message":{"content":[{"usage":{"output_tokens":1}}]}}') as RawFields;
    expect(f.rootUsage).toBe(false);
    expect(f.messageUsage).toBe(false);
    expect(f.model).toBeUndefined();
    expect(f.type).toBe("user");
  });

  it("lets JSON.parse decide lines it does not understand", () => {
    expect(scan('{"mod\\u0065l":"deepseek-v4-flash"}')).toBe(false); // an escaped key could spell a wanted one
    expect(viaParse('{"mod\\u0065l":"deepseek-v4-flash"}').model).toBe("deepseek-v4-flash");
    expect(scan("[1,2]")).toBe(false);
    expect(scan('{"a":' + "[".repeat(100) + "]".repeat(100) + "}")).toBe(false); // deeper than the skim's stack
  });

  it("rejects what is not JSON", () => {
    for (const bad of ['{"model":"x","usage":{"prompt_tokens":1}', '{"a":1,}', '{"a" 1}', '{"a":01}', '{"a":1} x', '{"a":tru}', '{"a":"b}', '{"a":1.}', '{"a":-}', "{'a':1}", ""]) {
      expect(scan(bad), bad).toBe(false);
      expect(() => JSON.parse(bad), bad).toThrow();
    }
  });

  it("leaves lines with a repeated key, or two keys feeding one field, to JSON.parse", () => {
    for (const text of [
      '{"model":"a","usage":{"prompt_tokens":5},"model":"b","usage":null}',
      '{"model":"a","usage":{"prompt_tokens":5,"prompt_tokens":7}}',
      '{"created":1786000000,"model":"a","created_at":1786000001}',
      '{"service_tier":"flex","response":{"service_tier":"priority"},"service_tier":"default"}',
    ]) expect(scan(text), text).toBe(false);
    const f = viaParse('{"model":"a","usage":{"prompt_tokens":5},"model":"b","usage":null}');
    expect(f.model).toBe("b");
    expect(f.rootUsage).toBe(false);
  });

  it("keeps the last of repeated keys at every level, line after line with one reused RawFields", () => {
    // JSON.stringify never repeats a key, so objects are written from [key, value] pairs here.
    const write = (v: unknown): string => (Array.isArray(v) && v.length > 0 && Array.isArray(v[0]) ? `{${(v as [string, unknown][]).map(([k, x]) => `${JSON.stringify(k)}:${write(x)}`).join(",")}}` : JSON.stringify(v));
    const pairs = (keys: string[], val: fc.Arbitrary<unknown>) => fc.array(fc.tuple(fc.constantFrom(...keys), val), { minLength: 1, maxLength: 8 });
    const nested = pairs(NESTED, scalar);
    const usage = pairs(KEYS.slice(8), fc.oneof(scalar, nested));
    const message = pairs(["model", "id", "usage", "content", "type"], fc.oneof(scalar, usage));
    const line = pairs(["usage", "message", "model", "created", "created_at", "timestamp", "type", "requestId", "service_tier", "sessionId", "cwd", "response"], fc.oneof(scalar, usage, message, pairs(["model", "usage", "created_at", "service_tier"], fc.oneof(scalar, usage))));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const f = newFields();
        f.wantTags = true;
        for (const l of lines) {
          const text = write(l);
          const b = Buffer.from(text, "utf8");
          if (!scanLine(b, 0, b.length, f)) continue;
          const expected = newFields();
          expected.wantTags = true;
          fieldsFromObject(JSON.parse(text), expected);
          expect(plain(f)).toEqual(plain(expected));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("reads sessionId and cwd at the top level, cut to TAG_MAX bytes on a character boundary", () => {
    const long = "/home/" + "\u00e9".repeat(400); // 806 bytes
    const text = JSON.stringify({ sessionId: "s-1", cwd: long, message: { sessionId: "inner", cwd: "/inner" }, type: "assistant" });
    const f = scan(text) as RawFields;
    expect(f.sessionId).toBe("s-1");
    expect(f.cwd).toBe(long.slice(0, 6 + (TAG_MAX - 6) / 2) + "...");
    expect(Buffer.byteLength(f.cwd!.slice(0, -3))).toBeLessThanOrEqual(TAG_MAX);
    expect(plain(f)).toEqual(plain(viaParse(text)));
    expect((scan('{"sessionId":"a\\u001bb","cwd":7}') as RawFields).sessionId).toBe("a\u001bb"); // escapes decoded; printing escapes them again
    expect((scan('{"sessionId":"a\\u001bb","cwd":7}') as RawFields).cwd).toBeUndefined();
  });

  it("only reads the line it is given, not the bytes after it", () => {
    const b = Buffer.from('{"model":"a","usage":{"prompt_tokens":7}}\n{"model":"b"}', "utf8");
    const f = newFields();
    expect(scanLine(b, 0, b.indexOf(10), f)).toBe(true);
    expect(f.model).toBe("a");
    expect(scanLine(b, 0, 20, f)).toBe(false); // cut inside the line
  });
});

describe("skim of v2 records", () => {
  it("reads Claude Code writes by retention, searches, service tiers and Responses API events itself", async () => {
    const { readFileSync } = await import("node:fs");
    const lines = ["test/fixtures/usage/claude-code-v2.jsonl", "test/fixtures/usage/openai-v2.jsonl"].flatMap((p) => readFileSync(p, "utf8").trim().split("\n"));
    for (const l of lines) {
      const f = scan(l);
      expect(f, l).not.toBe(false);
      expect(plain(f as RawFields)).toEqual(plain(viaParse(l)));
    }
    const cc = scan(lines[1]!) as RawFields;
    expect([...cc.tokens.slice(15 + 10, 15 + 13)]).toEqual([2000, 1000, 2]); // 5m, 1h writes and searches under message.usage
    expect(cc.messageTier).toBe("standard");
    const event = scan(lines.at(-2)!) as RawFields;
    expect([event.model, event.rootTier, event.tokens[6], event.tokens[13]]).toEqual(["test-small", "auto", 2000, 0]);
  });
});
