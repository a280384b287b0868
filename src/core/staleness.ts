// Staleness: warn when prices are used long after their card was last checked against its source.

import { daysBetween, utcDate, type Instant } from "./instant.js";
import type { RateBook } from "./types.js";

/** Days after a card's `checked` date beyond which its prices count as stale. */
export const STALE_AFTER_DAYS = 60;

/** One warning per card used at `asOf` whose `checked` date is more than 60 days earlier. */
export function staleWarnings(book: RateBook, usedCards: Iterable<string>, asOf: Instant): string[] {
  const used = new Set(usedCards);
  const out: string[] = [];
  for (const card of book.cards) {
    if (!used.has(card.file) || card.checked === undefined) continue;
    const days = daysBetween(card.checked, asOf);
    if (days > STALE_AFTER_DAYS) {
      out.push(
        `${card.file}: prices last checked ${utcDate(card.checked)}, ${days} days before ${utcDate(asOf)}; ` +
          `check them at ${card.source ?? "the provider's pricing page"} and update the card`,
      );
    }
  }
  return out;
}
