// Build-time entry: parses the built-in YAML cards with the real loader and returns their snapshot.
import { BUILTIN_CARDS, parseBuiltin } from "../src/cards/builtin.js";
import { mergeCards } from "../src/cards/merge.js";
import { toSnapshot, type SnapshotEntry } from "../src/cards/snapshot.js";

/** The pre-parsed built-in cards, checked by merging them with every reference check (the CLI skips those of unchanged built-in models). */
export function builtinSnapshot(): SnapshotEntry[] {
  const cards = BUILTIN_CARDS.map(parseBuiltin);
  mergeCards(cards, { checkBuiltIn: true });
  return toSnapshot(cards);
}
