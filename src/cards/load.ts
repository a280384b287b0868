// Builds the rate book from the built-in cards plus user card texts (already read by the caller).

import type { RateBook } from "../core/types.js";
import { builtinCards } from "./builtin.js";
import { mergeCards } from "./merge.js";
import { parseCard } from "./parse-card.js";

/** A card's text and the name messages give it (its path). */
export interface CardSource {
  file: string;
  text: string;
}

/** Parses and merges the built-in cards (unless `builtIn` is false) and then `sources`, in order. */
export function loadRateCards(sources: CardSource[] = [], opts: { builtIn?: boolean } = {}): RateBook {
  const builtIn = opts.builtIn === false ? [] : builtinCards();
  return mergeCards([...builtIn, ...sources.map((s) => parseCard(s.text, s.file))]);
}
