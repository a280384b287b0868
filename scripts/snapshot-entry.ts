// Build-time entry: parses the built-in YAML cards with the real loader and returns their snapshot.
import { BUILTIN_CARDS, parseBuiltin } from "../src/cards/builtin.js";
import { mergeCards } from "../src/cards/merge.js";
import { toSnapshot } from "../src/cards/snapshot.js";

/** The pre-parsed built-in cards, checked by merging them as the CLI will. */
export function builtinSnapshot(): string {
  const cards = BUILTIN_CARDS.map(parseBuiltin);
  mergeCards(cards);
  return toSnapshot(cards);
}
