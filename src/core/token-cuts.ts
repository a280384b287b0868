// Counting a text's DeepSeek V3 tokens segment by segment, cut only where the tokenizer itself splits.

/** True for A-Z and a-z. */
function asciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * True when cutting `text` before index `i` cannot change any token: the tokenizer's own
 * pre-tokenizer always splits there and no earlier piece looks past it. Two places qualify:
 *   - after a line feed, before an ASCII letter ("...\n|word"), and
 *   - between an ASCII letter and a space followed by an ASCII letter ("word| word").
 * Why, for DeepSeek V3's pipeline (added tokens, then the Split pre-tokenizers `\p{N}{1,3}`,
 * the CJK runs, and the word regex, then byte-level BPE per piece): no added token contains a
 * space or a line feed; no digit or CJK run contains these characters; and no alternative of
 * the word regex matches across them (`[\r\n]*` and `\s*[\r\n]+` stop before a letter, letter
 * runs stop before a space, and ` ?`/`[^\r\n\p{L}\p{P}\p{S}]?` start the next word at the space),
 * while every match ending there reads the same whether a letter or the end of the text follows.
 * A fast-check test checks the claim against the one-shot count.
 */
export function safeCut(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const at = text.charCodeAt(i);
  if (at === 32) return i + 1 < text.length && asciiLetter(text.charCodeAt(i - 1)) && asciiLetter(text.charCodeAt(i + 1));
  return text.charCodeAt(i - 1) === 10 && asciiLetter(at);
}

/** Segments up to this length are remembered (words, short lines); longer ones are counted each time. */
const REMEMBERED_LENGTH = 64;
/** Remembered segments before the memory is cleared (keeps memory flat on any text). */
const REMEMBERED_SEGMENTS = 1 << 17;

/** `count` with short segments remembered: a word seen before costs one map lookup. */
export function rememberCounts(count: (segment: string) => number): (segment: string) => number {
  const seen = new Map<string, number>();
  return (segment) => {
    if (segment.length > REMEMBERED_LENGTH) return count(segment);
    let n = seen.get(segment);
    if (n === undefined) {
      n = count(segment);
      if (seen.size >= REMEMBERED_SEGMENTS) seen.clear();
      seen.set(segment, n);
    }
    return n;
  };
}

/**
 * Counts one text's tokens fed in parts (blocks of a file, or one whole string): the text is cut
 * at every safe cut (see `safeCut`) and each segment counted on its own by `count` (the whole
 * tokenizer, best wrapped by `rememberCounts`). The total equals `count` of the whole text;
 * memory holds the segment being read.
 */
export class TokenTally {
  private pending = "";
  /** The next index of `pending` to test as a cut. */
  private next = 1;
  private total = 0;

  constructor(private readonly count: (segment: string) => number) {}

  /** Adds the next part of the text. */
  push(part: string): void {
    const s = this.pending + part;
    let start = 0;
    // The last character waits for the next part: a cut before a space needs the character after it.
    for (let i = this.next; i < s.length - 1; i++) {
      const c = s.charCodeAt(i);
      if ((c === 32 || (c <= 122 && s.charCodeAt(i - 1) === 10)) && safeCut(s, i)) {
        this.total += this.count(s.slice(start, i));
        start = i;
      }
    }
    this.pending = start === 0 ? s : s.slice(start);
    this.next = Math.max(1, this.pending.length - 1);
  }

  /** The token count of the whole text, once every part is pushed. */
  result(): number {
    return this.total + (this.pending ? this.count(this.pending) : 0);
  }
}
