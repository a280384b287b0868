// Merges parsed cards into one rate book: later cards add models, versions, holidays and rules.

import { InputError } from "../core/errors.js";
import { formatInstantShort } from "../core/instant.js";
import { indexNames, modelKey, tryLookupModel } from "../core/names.js";
import { quote } from "../core/printable.js";
import { MAX_ALIAS_HOPS, tooManyAliases, versionAt } from "../core/resolve.js";
import { didYouMean } from "../core/suggest.js";
import type { Calendar, Fee, Model, RateBook } from "../core/types.js";
import type { CardData } from "./parse-card.js";
import { feeRecord } from "./parse-fees.js";

/** Two dated timelines as one, sorted by `from`: an entry of `add` replaces the one of `into` that starts at its instant. */
function mergeByFrom<T extends { from: number }>(into: readonly T[], add: readonly T[]): T[] {
  const byFrom = new Map<number, T>(into.map((v) => [v.from, v]));
  for (const v of add) byFrom.set(v.from, v);
  return [...byFrom.values()].sort((a, b) => a.from - b.from);
}

function mergeModel(into: Model, add: Model, file: string, unitless: readonly string[] | undefined): Model {
  if (into.currency !== add.currency) {
    throw new InputError(
      `"${add.id}" is priced in ${into.currency} by an earlier card but in ${add.currency} here`,
      "put versions in another currency in a card of that currency under another model id",
      { file },
    );
  }
  const snapshots = [...new Set([...(into.snapshots ?? []), ...(add.snapshots ?? [])])];
  const fees = mergeFees(into.fees, add.fees, unitless);
  return {
    ...into,
    name: add.name ?? into.name,
    ...(snapshots.length ? { snapshots } : {}),
    ...(fees ? { fees } : {}),
    versions: mergeByFrom(into.versions, add.versions), // a later card's version takes precedence
  };
}

/**
 * Merges fee timelines by id: a later card's version wins from its `from`, its name and unit
 * where it writes them (a fee in `unitless` wrote no unit and keeps the earlier one).
 */
function mergeFees(into: Record<string, Fee> | undefined, add: Record<string, Fee> | undefined, unitless: readonly string[] | undefined): Record<string, Fee> | undefined {
  if (!into || !add) return into ?? add;
  const out = feeRecord(into);
  for (const [id, fee] of Object.entries(add)) {
    const prev = Object.hasOwn(out, id) ? out[id] : undefined; // a fee may be called "constructor"
    out[id] = prev
      ? { ...prev, name: fee.name ?? prev.name, unit: unitless?.includes(id) ? prev.unit : fee.unit, versions: mergeByFrom(prev.versions, fee.versions) }
      : fee;
  }
  return out;
}

function mergeCalendar(into: Calendar, add: Calendar): Calendar {
  return {
    name: into.name,
    timeZone: add.timeZone,
    holidays: new Set([...into.holidays, ...add.holidays]),
    rules: mergeByFrom(into.rules, add.rules),
  };
}

/** Checks that no name means two models of one provider (a snapshot id claimed twice, or one that is another model's id). */
function checkNames(book: RateBook): void {
  for (const [name, keys] of book.names) {
    const models = keys.map((k) => book.models.get(k)!);
    const providers = models.map((m) => m.provider ?? "");
    const clash = providers.find((p, i) => providers.indexOf(p) !== i);
    if (clash === undefined) continue;
    const both = models.filter((m) => (m.provider ?? "") === clash).map(modelKey);
    throw new InputError(`"${name}" names two models of one card's provider (${both.join(" and ")})`, "keep each id and snapshot id on one model");
  }
}

/** Checks every reference inside the merged book (calendars, alias targets, replacements), except in the models `skip` holds. */
function checkReferences(book: RateBook, skip: Set<Model>): void {
  checkNames(book);
  for (const model of book.models.values()) {
    if (skip.has(model)) continue;
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
      if (target !== undefined) {
        const found = tryLookupModel(book, target, model.provider);
        if (found instanceof InputError) {
          throw new InputError(`"${model.id}" refers to ${found.message}`, found.hint ?? "define that model too", at);
        }
      }
    }
  }
}

/**
 * Fails on aliases that lead back to themselves, and on chains of more than MAX_ALIAS_HOPS
 * aliases. A loop, if any, is in force at the start of its latest-starting alias version, so
 * checking at each alias version's start finds every loop. A loop made by a user card passes
 * through a model it changed, so models in `skip` (unchanged built-in ones, checked at build) are
 * not starting points. Each model's hops to the end of its chain are remembered per instant: a
 * long chain is walked once per instant, not once from each of its aliases.
 */
function checkAliasLoops(book: RateBook, skip: Set<Model>): void {
  const hopsAt = new Map<number, Map<Model, number>>();
  for (const model of book.models.values()) {
    if (skip.has(model)) continue;
    for (const v of model.versions) {
      if (v.kind !== "alias") continue;
      let hops = hopsAt.get(v.from);
      if (!hops) hopsAt.set(v.from, (hops = new Map()));
      if (hops.has(model)) continue;
      const path = [model];
      const onPath = new Set(path);
      let from = model;
      let target = v.billedAs;
      let tail = 1; // hops from the last model on the path to the end of the chain
      for (;;) {
        const next = tryLookupModel(book, target, from.provider);
        if (next instanceof InputError) break; // checkReferences names unknown targets
        const known = hops.get(next);
        if (known !== undefined) {
          tail = 1 + known;
          break;
        }
        if (onPath.has(next)) {
          const loop = [...path.slice(path.indexOf(next)), next].map((m) => quote(m.id, 60)).join(" -> ");
          throw new InputError(`model aliases form a loop at ${formatInstantShort(v.from)}: ${loop}`, "fix billed_as so the chain ends at a priced model", v.where);
        }
        path.push(next);
        onPath.add(next);
        const at = versionAt(next, v.from);
        if (at?.kind !== "alias") {
          tail = 0;
          break;
        }
        from = next;
        target = at.billedAs;
      }
      for (let i = path.length - 1; i >= 0; i--, tail++) hops.set(path[i]!, tail);
      if (hops.get(model)! > MAX_ALIAS_HOPS) throw tooManyAliases(model.id, v.from, v.where);
    }
  }
}

/**
 * Merges cards in order (built-in first, then user cards) into a checked rate book. Models of
 * built-in cards that no later card changes were checked when the bundle was built: their
 * versions are not read here (the bundle parses them on first use) unless `checkBuiltIn`.
 */
export function mergeCards(cards: CardData[], opts: { checkBuiltIn?: boolean } = {}): RateBook {
  const book: RateBook = { models: new Map(), names: new Map(), calendars: new Map(), cards: [] };
  const unchanged = new Set<Model>(); // built-in models as their card has them
  const byId = new Map<string, string[]>(); // bare id -> keys, for cards without a provider
  for (const card of cards) {
    book.cards.push(card.info);
    const unitless = new Map(card.unitless?.map((u) => [u.model, u.fees]));
    for (const cal of card.calendars) {
      const prev = book.calendars.get(cal.name);
      book.calendars.set(cal.name, prev ? mergeCalendar(prev, cal) : cal);
    }
    for (const model of card.models) {
      let key = modelKey(model);
      if (!book.models.has(key) && !model.provider) {
        // A card without a provider adds versions to the one loaded model with that id.
        const same = byId.get(model.id) ?? [];
        if (same.length > 1) {
          throw new InputError(`"${model.id}" is defined by several providers' cards (${same.join(", ")})`, "add provider: to this card to say which one it extends", { file: card.info.file });
        }
        if (same.length === 1) key = same[0]!;
      }
      const prev = book.models.get(key);
      if (!prev) byId.set(model.id, [...(byId.get(model.id) ?? []), key]);
      const merged = prev ? mergeModel(prev, model, card.info.file, unitless.get(model.id)) : model;
      if (!prev && card.info.builtIn && !opts.checkBuiltIn) unchanged.add(merged);
      book.models.set(key, merged);
    }
  }
  book.names = indexNames(book.models);
  checkReferences(book, unchanged);
  checkAliasLoops(book, unchanged);
  return book;
}
