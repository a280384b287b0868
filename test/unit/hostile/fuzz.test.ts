// Fuzzing the input boundary: YAML loaders, number and date parsers and the log scanner, fed
// arbitrary strings and bytes, return a value or throw one of the typed input errors, nothing else.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCard } from "../../../src/cards/parse-card.js";
import { importLitellm } from "../../../src/cards/import-litellm.js";
import { parseThreshold } from "../../../src/core/diff.js";
import { InputError } from "../../../src/core/errors.js";
import { DigitLimitError, Exact } from "../../../src/core/exact.js";
import { parseInstant } from "../../../src/core/instant.js";
import { escapeControl, quote, safeLine, safeOutput } from "../../../src/core/printable.js";
import { parseAmount, parseCount, parseShare, QuantityError } from "../../../src/core/quantity.js";
import { parseAxis } from "../../../src/core/sweep-axis.js";
import { RecordReader } from "../../../src/usage/record.js";
import { recordInstant } from "../../../src/usage/timestamp.js";
import { parsePlan } from "../../../src/workload/parse-plan.js";
import { YamlFile } from "../../../src/yaml/document.js";

/** True for the errors an input may legitimately cause. */
function typed(err: unknown): boolean {
  return err instanceof InputError || err instanceof QuantityError || err instanceof DigitLimitError;
}

/** Runs `f`, failing the property on any exception but a typed input error. */
function survives(f: () => unknown): boolean {
  try {
    f();
    return true;
  } catch (err) {
    if (typed(err)) return true;
    throw err;
  }
}

const RUNS = { numRuns: 300 };

/** Text that looks like YAML plans and cards: keys, numbers, dates, anchors, aliases, nesting, escapes. */
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "calls: ", "miss: ", "cached_prefix: ", "reply: ", "models: ", "workloads:", "conversation:", "turns: ", "as_of: ",
        "budget: ", "currency: USD", "provider: x", "versions:", "from: ", "input_cache_hit: ", "billed_as: ", "schedule: ",
        "period: ", "cache_hit_rate: ", "input: ", "\n", "\n  ", "\n  - ", "- ", "&a ", "*a", "&b ", "*b", "[", "]", "{", "}",
        ", ", ": ", "#", '"', "'", "\\e", "\u001b", "\t", "\r", "1", "1e999", "1e-400", "0.5", "99%", "1,5", "-3", "2026-04-24",
        "2026-04-24T00:00+99:99", "deepseek-v4-flash", "9".repeat(1200), "~", "null", "!!binary", "%YAML 1.2\n---\n", "...",
      ),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 }), yamlish);

describe("YAML loaders", () => {
  it("parsePlan, parseCard and YamlFile take any text", () => {
    fc.assert(
      fc.property(anyText, (text) => survives(() => parsePlan(text, "p.yaml")) && survives(() => parseCard(text, "c.yaml")) && survives(() => new YamlFile(text, "y.yaml"))),
      RUNS,
    );
  });

  it("importLitellm takes any text", () => {
    const jsonish = fc.array(fc.constantFrom('{"m":', '{"input_cost_per_token":', "1e-400", "1e400", "2e-06", "}", ",", '"x"', "[", "]", "null", "-0", "0"), { maxLength: 20 }).map((p) => p.join(""));
    fc.assert(fc.property(fc.oneof(anyText, jsonish), (text) => survives(() => importLitellm(text, "l.json", { from: "2026-01-01" }))), RUNS);
  });
});

describe("number and date parsers", () => {
  const numberish = fc.oneof(
    anyText,
    fc.array(fc.constantFrom("1", "0", "9", ".", ",", "_", "e", "E", "+", "-", "%", "/", "k", "M", "$", " ", "1000"), { maxLength: 30 }).map((p) => p.join("")),
  );

  it("counts, shares, amounts, thresholds and decimals", () => {
    fc.assert(
      fc.property(numberish, (t) =>
        [parseCount, parseShare, parseAmount, parseThreshold, (x: string) => Exact.parseDecimal(x)].every((f) => survives(() => f(t))),
      ),
      RUNS,
    );
  });

  it("sweep axes", () => {
    const axis = fc.tuple(fc.constantFrom("calls", "reply", "peak-share", "as-of", "turns", "nope"), numberish).map(([p, s]) => `${p}=${s}`);
    fc.assert(fc.property(fc.oneof(axis, anyText), (t) => survives(() => parseAxis(t, 1000))), RUNS);
  });

  it("instants from text and numbers never become an invalid Date", () => {
    const dateish = fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom("", "Z", "+99:99", "-23:59", "+05:30", "T25:00", "T23:59:59.999"))
      .map(([y, m, d, z]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}${z}`);
    fc.assert(
      fc.property(fc.oneof(dateish, anyText), (t) =>
        survives(() => {
          const v = parseInstant(t);
          expect(Number.isFinite(new Date(v).getTime())).toBe(true);
        }),
      ),
      RUNS,
    );
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.constantFrom(1e15, 1e300, -1, Number.MAX_VALUE)), fc.boolean(), (v, ts) => {
        const t = recordInstant(v, ts);
        return t === undefined || Number.isFinite(new Date(t).getTime());
      }),
      RUNS,
    );
  });
});

describe("the log scanner", () => {
  const record = fc
    .array(
      fc.constantFrom(
        '{"model":', '"deepseek-v4-flash"', ',"usage":{', '"prompt_tokens":', '"completion_tokens":', '"input_tokens":', '"cache_creation_input_tokens":',
        "9007199254740991", "1e15", "-1", "0.5", "}", '"timestamp":', '"2026-05-01T00:00:00Z"', '"275760-09-13T00:00:00Z"', '"created":', ',', '"message":{',
        '"type":"assistant"', "[", "]", "\\u001b", "\u001b", '"', "null", "true",
      ),
      { maxLength: 30 },
    )
    .map((p) => p.join(""));

  it("reads any bytes as a record, a skip, an ignored or a blank line", () => {
    const reader = new RecordReader("auto");
    fc.assert(
      fc.property(fc.oneof(record.map((s) => Buffer.from(s)), fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a))), (b) => {
        const kind = reader.readBytes(b, 0, b.length);
        expect([0, 1, 2, 3]).toContain(kind);
        if (kind === 0) expect(Number.isSafeInteger(reader.record.miss) && reader.record.miss >= 0).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("echo helpers", () => {
  it("escape every control character and never quote long or unprintable text", () => {
    const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (t) => {
        expect(CONTROL.test(escapeControl(t))).toBe(false);
        expect(CONTROL.test(safeLine(t))).toBe(false);
        expect(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/.test(safeOutput(t, false).replace(/\r\n/g, "\n"))).toBe(false);
        const q = quote(t);
        expect(q.startsWith('"') ? q === `"${t}"` && t.length <= 80 && !CONTROL.test(t) : !q.includes(t) || t === "").toBe(true);
      }),
      RUNS,
    );
  });
});
