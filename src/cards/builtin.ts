// The built-in rate cards: YAML embedded as text, or (in the bundle) pre-parsed at build time.

import anthropic from "../../rates/anthropic.yaml?raw";
import deepseek from "../../rates/deepseek.yaml?raw";
import google from "../../rates/google.yaml?raw";
import openai from "../../rates/openai.yaml?raw";
import { parseCard, type CardData } from "./parse-card.js";
import { fromSnapshot, type SnapshotEntry } from "./snapshot.js";

/** Set by the bundler to the pre-parsed built-in cards (see scripts/build.mjs); absent in tests. */
declare const RATECARD_BUILTIN_SNAPSHOT: SnapshotEntry[] | undefined;

/** A built-in card: `file` is how messages name it; `byDefault` says whether `estimate` prices its models unasked. */
export interface BuiltinCard {
  file: string;
  text: string;
  byDefault: boolean;
}

/**
 * Each built-in card. DeepSeek is the reference provider: `estimate` without -m, a plan's or the
 * config's models prices its models; the other providers' models are priced when named.
 */
export const BUILTIN_CARDS: readonly BuiltinCard[] = [
  { file: "rates/deepseek.yaml", text: deepseek, byDefault: true },
  { file: "rates/anthropic.yaml", text: anthropic, byDefault: false },
  { file: "rates/openai.yaml", text: openai, byDefault: false },
  { file: "rates/google.yaml", text: google, byDefault: false },
];

/**
 * Parses one built-in card with the real loader. Built-in cards merge first, so no earlier card
 * has a fee unit to keep: the list of fees without one is dropped (it would only grow the snapshot).
 */
export function parseBuiltin(c: BuiltinCard): CardData {
  const { unitless: _, ...card } = parseCard(c.text, c.file, true);
  if (c.byDefault) return card;
  return { ...card, models: card.models.map((m) => ({ ...m, byDefault: false })) };
}

/** The built-in cards, parsed: from the build-time snapshot when bundled, else from the YAML. */
export function builtinCards(): CardData[] {
  if (typeof RATECARD_BUILTIN_SNAPSHOT !== "undefined") return fromSnapshot(RATECARD_BUILTIN_SNAPSHOT);
  return BUILTIN_CARDS.map(parseBuiltin);
}
