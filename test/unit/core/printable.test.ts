// Control characters never reach the screen raw; plain text passes unchanged.
import { describe, expect, it } from "vitest";
import { escapeControl, isQuotable } from "../../../src/core/printable.js";

describe("escapeControl", () => {
  it("escapes ESC, BEL, newlines, C1 and bidi overrides", () => {
    expect(escapeControl("a\x1b]52;c;aGk=\x07b")).toBe("a\\x1b]52;c;aGk=\\x07b");
    expect(escapeControl("x\ny\r\tz")).toBe("x\\ny\\r\\tz");
    expect(escapeControl("\u009b2J")).toBe("\\x9b2J");
    expect(escapeControl("\u202eevil")).toBe("\\u202eevil");
  });
  it("leaves printable text alone", () => {
    expect(escapeControl("DeepSeek-V4-Flash ¥ 日本")).toBe("DeepSeek-V4-Flash ¥ 日本");
  });
});

describe("isQuotable", () => {
  it("accepts short printable text and rejects long or control-bearing text", () => {
    expect(isQuotable("deepseek-flash")).toBe(true);
    expect(isQuotable("a\x1bb")).toBe(false);
    expect(isQuotable("x".repeat(81))).toBe(false);
  });
});
