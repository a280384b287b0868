// Rate-card v2 per-request fees: `fees:` of a card or a model, each with its own dated price timeline.

import type { Node } from "yaml";
import { Exact } from "../core/exact.js";
import { parseInstant } from "../core/instant.js";
import type { Fee, FeeVersion } from "../core/types.js";
import type { YamlFile } from "../yaml/document.js";
import { confidenceOf, parsePrice, parseTokenCount, readCurrencies } from "./parse-pricing.js";

const FEE_KEYS = ["name", "unit", "versions"] as const;
const FEE_VERSION_KEYS = ["from", "price", "per", "currencies", "removed", "confidence", "source", "note"] as const;
/** What a fee id may look like (`search`, `code_exec`). */
export const FEE_ID = /^[a-z][a-z0-9_-]*$/;

/** Parses a fee's `per`: a positive whole number of units. */
function parsePer(text: string): Exact {
  return parseTokenCount(text, { what: "units", like: "1000" });
}

function readFeeVersion(y: YamlFile, node: Node, path: string, card: string, cardCurrency: string): FeeVersion {
  const f = y.map(node, path, FEE_VERSION_KEYS);
  const from = y.value(f.required("from", "add from: YYYY-MM-DD or a UTC date-time"), f.pathOf("from"), parseInstant);
  const base = { from, card, confidence: confidenceOf(f), source: f.text("source"), note: f.text("note"), where: y.loc(node) };
  if (f.has("removed")) {
    if (f.text("removed") !== "true") y.fail(f.get("removed"), `${f.pathOf("removed")} must be true`, "remove the version instead");
    const stray = ["price", "per", "currencies"].find((k) => f.has(k));
    if (stray) y.fail(f.get(stray), `${f.pathOf(stray)} does not go with removed: true`, "remove it, or split the version");
    return { ...base, removed: true };
  }
  const price = y.value(f.required("price", "add price: <price per `per` units>, or removed: true"), f.pathOf("price"), parsePrice);
  const per = f.parsed("per", parsePer) ?? Exact.ONE;
  const version: FeeVersion = { ...base, removed: false, price, per };
  if (f.has("currencies")) version.currencies = Object.fromEntries(readCurrencies(y, f, cardCurrency, (n, p) => y.value(n, p, parsePrice)));
  return version;
}

/**
 * Fees by id in a record without a prototype, `parts` copied in order: looking up a fee id such as
 * "constructor" finds the fee or nothing, never an inherited Object property.
 */
export function feeRecord(...parts: (Record<string, Fee> | undefined)[]): Record<string, Fee> {
  return Object.assign(Object.create(null) as Record<string, Fee>, ...parts);
}

/**
 * Reads a `fees:` mapping (at `path`, "fees" or "models.X.fees") into fees by id. A fee without
 * `unit:` gets the default, "request", and its id goes into `unitless` (a merge keeps an earlier unit).
 */
export function readFees(y: YamlFile, node: Node, path: string, card: string, cardCurrency: string, unitless: Set<string>): Record<string, Fee> {
  const ff = y.map(node, path, []);
  const out = feeRecord();
  for (const id of ff.keys()) {
    const fpath = ff.pathOf(id);
    if (!FEE_ID.test(id)) y.fail(ff.get(id), `"${id}" in ${path} is not a fee id`, "use lower-case letters, digits, - and _ (search, fetch)");
    const f = y.map(ff.get(id)!, fpath, FEE_KEYS);
    const versions = y.seq(f.required("versions", "add versions: with at least one price"), f.pathOf("versions")).map((n, i) =>
      readFeeVersion(y, n, `${f.pathOf("versions")}[${i}]`, card, cardCurrency),
    );
    if (versions.length === 0) y.fail(f.get("versions"), `${f.pathOf("versions")} is empty`, "add at least one version");
    versions.sort((a, b) => a.from - b.from);
    for (let i = 1; i < versions.length; i++) {
      if (versions[i]!.from === versions[i - 1]!.from) y.fail(f.get("versions"), `${f.pathOf("versions")} has two versions starting at the same instant`, "keep one version per from instant");
    }
    const unit = f.text("unit");
    if (unit === undefined) unitless.add(id);
    out[id] = { id, name: f.text("name"), unit: unit ?? "request", versions };
  }
  if (ff.keys().length === 0) y.fail(node, `${path} is empty`, "add a fee, or remove the key");
  return out;
}
