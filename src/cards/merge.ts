// Merges parsed cards into one rate book: later cards add models, versions, holidays and rules.

import { InputError } from "../core/errors.js";
import { formatInstantShort } from "../core/instant.js";
import { didYouMean } from "../core/suggest.js";
import type { Calendar, Model, RateBook, Version } from "../core/types.js";
import type { CardData } from "./parse-card.js";

function mergeModel(into: Model, add: Model, file: string): Model {
  if (into.currency !== add.currency) {
    throw new InputError(
      `"${add.id}" is priced in ${into.currency} by an earlier card but in ${add.currency} here`,
      "put versions in another currency in a card of that currency under another model id",
      { file },
    );
  }
  const byFrom = new Map<number, Version>(into.versions.map((v) => [v.from, v]));
  for (const v of add.versions) byFrom.set(v.from, v); // a later card's version takes precedence
  return { ...into, name: add.name ?? into.name, versions: [...byFrom.values()].sort((a, b) => a.from - b.from) };
}

function mergeCalendar(into: Calendar, add: Calendar): Calendar {
  const rules = new Map(into.rules.map((r) => [r.from, r]));
  for (const r of add.rules) rules.set(r.from, r);
  return {
    name: into.name,
    timeZone: add.timeZone,
    holidays: new Set([...into.holidays, ...add.holidays]),
    rules: [...rules.values()].sort((a, b) => a.from - b.from),
  };
}

/** Checks every reference inside the merged book: calendars, alias targets, replacements. */
function checkReferences(book: RateBook): void {
  for (const model of book.models.values()) {
    for (const v of model.versions) {
      const at = v.where;
      if (v.kind === "price" && v.calendar) {
        const cal = book.calendars.get(v.calendar);
        if (!cal) throw new InputError(`unknown calendar "${v.calendar}" in "${model.id}"`, didYouMean(v.calendar, book.calendars.keys()) ?? "define it under calendars:", at);
        if (!cal.rules.some((r) => r.from <= v.from)) {
          throw new InputError(`calendar "${v.calendar}" has no rule in force at ${formatInstantShort(v.from)}, when "${model.id}" starts using it`, "add a rule starting at or before the version", at);
        }
      }
      const target = v.kind === "alias" ? v.billedAs : v.kind === "retired" ? v.replacement : undefined;
      if (target !== undefined && !book.models.has(target)) {
        throw new InputError(`"${model.id}" refers to unknown model "${target}"`, didYouMean(target, book.models.keys()) ?? "define that model too", at);
      }
    }
  }
}

/** Merges cards in order (built-in first, then user cards) into a checked rate book. */
export function mergeCards(cards: CardData[]): RateBook {
  const book: RateBook = { models: new Map(), calendars: new Map(), cards: [] };
  for (const card of cards) {
    book.cards.push(card.info);
    for (const cal of card.calendars) {
      const prev = book.calendars.get(cal.name);
      book.calendars.set(cal.name, prev ? mergeCalendar(prev, cal) : cal);
    }
    for (const model of card.models) {
      const prev = book.models.get(model.id);
      book.models.set(model.id, prev ? mergeModel(prev, model, card.info.file) : model);
    }
  }
  checkReferences(book);
  return book;
}
