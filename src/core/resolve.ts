// Price resolution: which price version bills a model at an instant, following aliases.

import { InputError, type Location } from "./errors.js";
import type { Exact } from "./exact.js";
import { formatInstantShort, type Instant } from "./instant.js";
import { displayId, lookupModel, modelKey } from "./names.js";
import { quote } from "./printable.js";
import type { AliasVersion, Fee, Model, PriceVersion, RateBook, Version } from "./types.js";

/** The outcome of resolving a model at an instant. */
export interface Resolution {
  /** The id that was asked for. */
  model: string;
  /** The id whose prices apply, when aliases were followed; else null. */
  billedAs: string | null;
  version: PriceVersion;
  currency: string;
  /** The priced model's per-request fees, by id. */
  fees?: Record<string, Fee>;
  /** The rate the prices were converted at (report currency per card unit), when converted with --fx. */
  fx?: Exact;
  /** The card's own currency, when the report is in another one. */
  cardCurrency?: string;
}

/** The version in force at `t`: the one with the latest `from` <= t. */
export function versionAt(model: Model, t: Instant): Version | undefined {
  let found: Version | undefined;
  for (const v of model.versions) {
    if (v.from <= t) found = v;
    else break;
  }
  return found;
}

/**
 * Looks a model up by any of its names (`provider/id`, bare id, snapshot id), failing with the
 * closest known names, or with the qualified choices when the name is ambiguous.
 */
export function findModel(book: RateBook, id: string, prefer?: string): Model {
  return lookupModel(book, id, prefer);
}

/** The most aliases a model may be billed through before a priced model; cards with longer chains are refused. */
export const MAX_ALIAS_HOPS = 64;

/** The error for a chain of more than MAX_ALIAS_HOPS aliases from `id` at `t` (a chain can grow with time: later alias versions). */
export function tooManyAliases(id: string, t: Instant, where?: Location): InputError {
  return new InputError(`model ${quote(id, 60)} is billed through more than ${MAX_ALIAS_HOPS} aliases at ${formatInstantShort(t)}`, "point billed_as at the priced model (or a near alias of it)", where);
}

/** The model an alias version bills as: its `billed_as` id, read first among the alias's own provider's models. */
export function aliasTarget(book: RateBook, model: Model, v: AliasVersion): Model {
  return findModel(book, v.billedAs, model.provider);
}

/** Resolves `id` at `t`: follows aliases, fails on retirement or an instant before any price. */
export function resolvePrice(book: RateBook, id: string, t: Instant): Resolution {
  return resolveSpan(book, id, t).res;
}

/**
 * resolvePrice, and the span [from, until) of instants around `t` that resolve the same way: the
 * same version of every model on the alias path (so the same resolution, for caching it).
 */
export function resolveSpan(book: RateBook, id: string, t: Instant): { res: Resolution; from: Instant; until: Instant } {
  let from = -Infinity;
  let until = Infinity;
  const seen = new Set<string>(); // in walk order, for the message
  let model = findModel(book, id);
  const asked = model;
  for (;;) {
    const current = displayId(book, model);
    if (seen.has(modelKey(model))) {
      throw new InputError(`model aliases form a loop: ${[...seen, modelKey(model)].join(" -> ")}`, "fix billed_as in the rate card");
    }
    seen.add(modelKey(model));
    const v = versionAt(model, t);
    // versionAt stops at the first version after t: every instant between the latest start before it and its start finds v too.
    for (const w of model.versions) {
      if (w.from > t) {
        until = Math.min(until, w.from);
        break;
      }
      from = Math.max(from, w.from);
    }
    if (!v) {
      const first = model.versions[0];
      throw new InputError(
        `no price for "${current}" at ${formatInstantShort(t)}: its first price is from ${first ? formatInstantShort(first.from) : "never"}`,
        first ? `use --as-of ${formatInstantShort(first.from).replace(" UTC", "").replace(" ", "T")} or later` : "add a version to its rate card",
      );
    }
    if (v.kind === "retired") {
      const repl = v.replacement ? `; use "${v.replacement}" instead` : "";
      throw new InputError(
        `model "${current}" was retired at ${formatInstantShort(v.from)}${repl}`,
        `price it with --as-of before ${formatInstantShort(v.from)}, or pick another model`,
      );
    }
    if (v.kind === "alias") {
      if (seen.size > MAX_ALIAS_HOPS) throw tooManyAliases(id, t);
      model = aliasTarget(book, model, v);
      continue;
    }
    return { res: { model: id, billedAs: model === asked ? null : current, version: v, currency: model.currency, ...(model.fees ? { fees: model.fees } : {}) }, from, until };
  }
}

/**
 * The ids a default estimate covers: models neither alias nor retired with a price at `t`, except
 * those of built-in cards priced only on request (every card but DeepSeek's; see cards/builtin.ts).
 */
export function defaultModels(book: RateBook, t: Instant): string[] {
  const ids: string[] = [];
  for (const model of book.models.values()) {
    if (model.byDefault !== false && versionAt(model, t)?.kind === "price") ids.push(displayId(book, model));
  }
  return ids.sort();
}

/**
 * The model `id` names and every model it is billed as at any date, each once. A stack, not
 * recursion: a card may chain thousands of aliases over time (each a day long, say).
 */
export function billedModels(book: RateBook, id: string): Model[] {
  const first = findModel(book, id);
  const seen = new Set<Model>([first]);
  const todo = [first];
  while (todo.length > 0) {
    const model = todo.pop()!;
    for (const v of model.versions) {
      if (v.kind !== "alias") continue;
      const next = aliasTarget(book, model, v);
      if (!seen.has(next)) {
        seen.add(next);
        todo.push(next);
      }
    }
  }
  return [...seen];
}

/**
 * Whether a model (or any model it is billed as, at any date) has long-context tiers: its cost then
 * jumps where a request's input crosses a threshold, so it is not a polynomial along a range.
 */
export function hasTiers(book: RateBook, id: string): boolean {
  return billedModels(book, id).some((m) => m.versions.some((v) => v.kind === "price" && (v.tiers?.length ?? 0) > 0));
}
