// The built-in rate cards: YAML embedded as text, or (in the bundle) pre-parsed at build time.

import deepseek from "../../rates/deepseek.yaml?raw";
import { parseCard, type CardData } from "./parse-card.js";
import { fromSnapshot } from "./snapshot.js";

/** Set by the bundler to the pre-parsed built-in cards (see scripts/build.mjs); absent in tests. */
declare const RATECARD_BUILTIN_SNAPSHOT: string | undefined;

/** Each built-in card as { file, text }; `file` is how messages name it. */
export const BUILTIN_CARDS: readonly { file: string; text: string }[] = [{ file: "rates/deepseek.yaml", text: deepseek }];

/** The built-in cards, parsed: from the build-time snapshot when bundled, else from the YAML. */
export function builtinCards(): CardData[] {
  if (typeof RATECARD_BUILTIN_SNAPSHOT === "string") return fromSnapshot(RATECARD_BUILTIN_SNAPSHOT);
  return BUILTIN_CARDS.map((c) => parseCard(c.text, c.file, true));
}
