// The limits' settings and the output escaping that every format passes through.
import { describe, expect, it } from "vitest";
import { configureLimits, DEFAULT_LIMITS } from "../../../src/cli/limits.js";
import { UsageError } from "../../../src/core/errors.js";
import { quote, safeLine, safeOutput } from "../../../src/core/printable.js";

describe("limits", () => {
  it("read whole numbers of bytes (k, M, G in powers of 1,024) and fall back to the defaults", () => {
    expect(configureLimits({ RATECARD_MAX_LINE_BYTES: "4k", RATECARD_MAX_YAML_BYTES: "3M" })).toMatchObject({ lineBytes: 4096, yamlBytes: 3 * 1024 * 1024 });
    expect(configureLimits({ RATECARD_MAX_GUNZIP_RATIO: "1000" }).gunzipRatio).toBe(1000);
    expect(configureLimits({})).toEqual(DEFAULT_LIMITS);
    expect(() => configureLimits({ RATECARD_MAX_TEXT_BYTES: "lots" })).toThrow(UsageError);
    expect(() => configureLimits({ RATECARD_MAX_GUNZIP_RATIO: "2k" })).toThrow(/RATECARD_MAX_GUNZIP_RATIO is not a whole number/);
    configureLimits({});
  });
});

describe("echo helpers", () => {
  const osc52 = "\u001b]52;c;ZXZpbA==\u0007";

  it("keep colour codes only when colour is on, and escape every other control", () => {
    const text = `\u001b[1mbold\u001b[22m ${osc52} a\r\nb\rc\td`;
    expect(safeOutput(text, true)).toBe("\u001b[1mbold\u001b[22m \\u001b]52;c;ZXZpbA==\\u0007 a\r\nb\\u000dc\td");
    expect(safeOutput(text, false)).toBe("\\u001b[1mbold\\u001b[22m \\u001b]52;c;ZXZpbA==\\u0007 a\r\nb\\u000dc\td");
    expect(JSON.parse(safeOutput(JSON.stringify({ name: `x\u0085y\u202ez` }), false))).toEqual({ name: "x\u0085y\u202ez" });
  });

  it("quote short printable values and describe the others", () => {
    expect(quote("deepseek-v4-flash")).toBe('"deepseek-v4-flash"');
    expect(quote(`evil${osc52}`)).toBe("the value (20 characters, with control characters)");
    expect(quote("9".repeat(20000))).toBe("the value (20000 characters)");
    expect(safeLine(`unknown model "${"x".repeat(500)}" and "ok"`)).toBe('unknown model (a value of 500 characters) and "ok"');
    expect(safeLine("two\nlines")).toBe("two\\nlines");
  });
});
