// Model names: provider-qualified ids (`openai/gpt-6.2-sol`), bare ids when unambiguous, dated snapshot ids.

import { InputError } from "./errors.js";
import { didYouMean } from "./suggest.js";
import type { Model, RateBook } from "./types.js";

/** The key a model has in the book: `provider/id`, or the bare id when its card names no provider. */
export function modelKey(m: Model): string {
  return m.provider ? `${m.provider}/${m.id}` : m.id;
}

/** Builds the name index of a book: every bare id and snapshot id -> the keys that answer to it. */
export function indexNames(models: Map<string, Model>): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const add = (name: string, key: string) => {
    const keys = names.get(name);
    if (!keys) names.set(name, [key]);
    else if (!keys.includes(key)) keys.push(key);
  };
  for (const [key, m] of models) {
    add(m.id, key);
    for (const s of m.snapshots ?? []) add(s, key);
  }
  return names;
}

/** How reports name a model: its bare id when that names no other loaded model, else `provider/id`. */
export function displayId(book: RateBook, m: Model): string {
  const found = candidates(book, m.id);
  return found.length === 1 && found[0] === m ? m.id : modelKey(m);
}

/**
 * The models a name could mean: the model with that key, models with that id or snapshot id, or
 * (for `provider/rest`) that provider's model answering to `rest`. A model's own key or id beats
 * a snapshot id; then `prefer`'s provider beats others.
 */
function candidates(book: RateBook, name: string, prefer?: string): Model[] {
  const exact = book.models.get(name);
  let found = (book.names.get(name) ?? []).map((k) => book.models.get(k)!);
  if (exact && !found.includes(exact)) found.unshift(exact);
  const slash = name.indexOf("/");
  if (found.length === 0 && slash > 0) {
    const provider = name.slice(0, slash);
    found = (book.names.get(name.slice(slash + 1)) ?? []).map((k) => book.models.get(k)!).filter((m) => m.provider === provider);
  }
  if (found.length > 1) {
    const own = found.filter((m) => m.id === name || modelKey(m) === name);
    if (own.length > 0) found = own;
  }
  if (found.length > 1 && prefer !== undefined) {
    const same = found.filter((m) => m.provider === prefer);
    if (same.length > 0) found = same;
  }
  return found;
}

/** Looks a model up by any of its names; an InputError when unknown (with did-you-mean) or ambiguous (with the qualified choices). */
export function tryLookupModel(book: RateBook, name: string, prefer?: string): Model | InputError {
  const found = candidates(book, name, prefer);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    const keys = found.map((m) => displayId(book, m)).sort();
    return new InputError(`model "${name}" is ambiguous: ${keys.length} loaded models answer to it`, `write one of ${keys.map((k) => `"${k}"`).join(", ")}`);
  }
  const models = [...book.models.values()];
  const ids = models.map((m) => (name.includes("/") ? modelKey(m) : displayId(book, m)));
  const hint = didYouMean(name, ids) ?? didYouMean(name, models.flatMap((m) => m.snapshots ?? []));
  return new InputError(`unknown model "${name}"`, hint ?? "run `ratecard rates` to list the models");
}

/** Looks a model up by any of its names, throwing the InputError of `tryLookupModel`. */
export function lookupModel(book: RateBook, name: string, prefer?: string): Model {
  const m = tryLookupModel(book, name, prefer);
  if (m instanceof InputError) throw m;
  return m;
}
