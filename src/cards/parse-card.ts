// One rate-card YAML file -> validated card data (models, versions, calendars), numbers exact.

import { isMap, isScalar, type Node } from "yaml";
import { InputError } from "../core/errors.js";
import { isKnownTimeZone } from "../core/calendar.js";
import { CURRENCY_CODE } from "../core/currency.js";
import { parseHours } from "../core/hours.js";
import { parseInstant, type Instant } from "../core/instant.js";
import type { Calendar, CalendarRule, CardInfo, Fee, Model, PriceVersion, Provenance, Version, VersionPrices } from "../core/types.js";
import { YamlFile, type Fields } from "../yaml/document.js";
import { feeRecord, readFees } from "./parse-fees.js";
import {
  BASE_PRICE_KEYS, PRICE_KEYS, WRITE_KEY, confidenceOf, parseTokenCount, readCurrencies, readDefaultRetention, readModifiers, readPriceMap, readPrices, readTiers,
} from "./parse-pricing.js";

/** What one card file contributes before merging. */
export interface CardData {
  info: CardInfo;
  models: Model[];
  calendars: Calendar[];
  /** Per model, the ids of its fees that name no unit (theirs is the default): merging keeps an earlier card's unit for them. */
  unitless?: UnitlessFees[];
}

/** A model's fees that name no unit. */
interface UnitlessFees {
  model: string;
  fees: string[];
}

const CARD_KEYS = ["provider", "currency", "checked", "source", "note", "calendars", "fees", "models"] as const;
const MODEL_KEYS = ["name", "note", "snapshots", "fees", "versions"] as const;
const VERSION_KEYS = [
  "from", ...PRICE_KEYS, "calendar", "peak", "off_peak", "billed_as", "retired", "replacement",
  "source", "confidence", "note", "currencies", "default_retention", "context_window", "max_output", "tiers", "modifiers",
] as const;
/** Version keys that only go with prices (not with billed_as or retired). */
const PRICED_ONLY = ["currencies", "default_retention", "context_window", "max_output", "tiers", "modifiers"] as const;
const CALENDAR_KEYS = ["time_zone", "holidays", "holidays_known_until", "rules", "source", "note"] as const;
const RULE_KEYS = ["from", "peak_hours", "off_peak_hours", "days", "holidays", "note"] as const;

/** What a model id may look like: letters, digits and . _ : / @ + - (not starting with a symbol). */
export const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/;

function parseDate(text: string): Instant {
  return parseInstant(text);
}

function provenance(f: Fields, card: string): Provenance {
  return { card, source: f.text("source"), note: f.text("note"), confidence: confidenceOf(f), where: f.file.loc(f.node) };
}

/**
 * Reads `currencies:` of a price version: per ISO code, the same prices as published in that
 * currency, in the version's own shape (three prices, or peak and off_peak).
 */
function readVersionCurrencies(y: YamlFile, f: Fields, windowed: boolean, cardCurrency: string): Map<string, VersionPrices> {
  return readCurrencies(y, f, cardCurrency, (node, path): VersionPrices => {
    if (!windowed) return { flat: readPriceMap(y, node, path) };
    const wf = y.map(node, path, ["peak", "off_peak"]);
    const peak = readPriceMap(y, wf.required("peak", "add peak: with the three prices"), wf.pathOf("peak"));
    const offPeak = readPriceMap(y, wf.required("off_peak", "add off_peak: with the three prices"), wf.pathOf("off_peak"));
    return { peak, offPeak };
  });
}

/** Reads a price version's v2 parts: default retention, limits, tiers (flat only) and modifiers. */
function readExtras(y: YamlFile, f: Fields, v: PriceVersion, currency: string): PriceVersion {
  const out: PriceVersion = { ...v };
  const retention = readDefaultRetention(y, f, v.flat ?? v.peak);
  if (retention) out.defaultRetention = retention;
  if (f.has("context_window")) out.contextWindow = f.parsed("context_window", parseTokenCount);
  if (f.has("max_output")) out.maxOutput = f.parsed("max_output", parseTokenCount);
  if (f.has("tiers")) {
    if (!v.flat) y.fail(f.get("tiers"), `${f.pathOf("tiers")}: long-context tiers only go with flat prices`, "split peak/off-peak prices and tiers into separate models");
    out.tiers = readTiers(y, f, v.flat, currency);
  }
  if (f.has("modifiers")) out.modifiers = readModifiers(y, f, v.flat, currency);
  return out;
}

function readVersion(y: YamlFile, node: Node, path: string, card: string, currency: string): Version {
  const f = y.map(node, path, VERSION_KEYS, WRITE_KEY);
  const from = f.file.value(f.required("from", "add from: YYYY-MM-DD or a UTC date-time"), f.pathOf("from"), parseDate);
  const base = { from, ...provenance(f, card) };
  const flat = f.keys().filter((k) => (PRICE_KEYS as readonly string[]).includes(k) || WRITE_KEY.test(k));
  if (flat.length > 0 && !BASE_PRICE_KEYS.some((k) => f.has(k))) {
    y.fail(node, `${path} has cache-write prices but no input_cache_hit, input_cache_miss or output`, "add the three token prices");
  }
  const kinds = [
    flat.length > 0 && "prices",
    (f.has("peak") || f.has("off_peak") || f.has("calendar")) && "peak/off-peak prices",
    f.has("billed_as") && "billed_as",
    f.has("retired") && "retired",
  ].filter(Boolean);
  if (kinds.length !== 1) {
    y.fail(node, `${path} must have exactly one of: prices, peak/off-peak prices, billed_as, retired (found ${kinds.length ? kinds.join(" and ") : "none"})`,
      "split it into separate versions");
  }
  if (f.has("replacement") && !f.has("retired")) y.fail(f.get("replacement"), `${f.pathOf("replacement")} only goes with retired: true`);
  for (const key of PRICED_ONLY) {
    if (f.has(key) && (f.has("billed_as") || f.has("retired"))) {
      y.fail(f.get(key), `${f.pathOf(key)} only goes with prices`, "remove it: this version has no prices of its own");
    }
  }
  const currencies = f.has("currencies") ? { currencies: readVersionCurrencies(y, f, flat.length === 0, currency) } : {};
  if (flat.length > 0) return readExtras(y, f, { kind: "price", ...base, flat: readPrices(f), ...currencies }, currency);
  if (f.has("billed_as")) {
    const target = f.text("billed_as")!;
    return { kind: "alias", ...base, billedAs: target };
  }
  if (f.has("retired")) {
    if (f.text("retired") !== "true") y.fail(f.get("retired"), `${f.pathOf("retired")} must be true`, "remove the version instead");
    return { kind: "retired", ...base, replacement: f.text("replacement") };
  }
  const calendar = f.text("calendar");
  if (!calendar) y.fail(node, `${path} has peak/off-peak prices but no calendar`, "add calendar: <name of a calendar>");
  const peak = readPriceMap(y, f.required("peak"), f.pathOf("peak"));
  const offPeak = readPriceMap(y, f.required("off_peak"), f.pathOf("off_peak"));
  return readExtras(y, f, { kind: "price", ...base, calendar, peak, offPeak, ...currencies }, currency);
}

/** Reads `snapshots:`, the dated ids that resolve to the model. */
function readSnapshots(y: YamlFile, f: Fields, id: string): string[] {
  const nodes = y.seq(f.get("snapshots")!, f.pathOf("snapshots"));
  if (nodes.length === 0) y.fail(f.get("snapshots"), `${f.pathOf("snapshots")} is empty`, "list dated ids, or remove the key");
  const out = new Set<string>();
  nodes.forEach((n, i) => {
    const s = y.text(n, `${f.pathOf("snapshots")}[${i}]`);
    if (!MODEL_ID.test(s) || s.includes("/")) y.fail(n, `"${s}" is not a snapshot id (letters, digits and . _ : @ + -)`);
    if (s === id || out.has(s)) y.fail(n, `${f.pathOf("snapshots")} repeats "${s}"`, "list each dated id once, and not the model's own id");
    out.add(s);
  });
  return [...out];
}

/** The card's own fees, and the ids of those that name no unit. */
interface CardFees {
  fees?: Record<string, Fee>;
  unitless: ReadonlySet<string>;
}

/** Reads one model; the ids of its fees that name no unit go into `unitless`. */
function readModel(y: YamlFile, node: Node, id: string, card: string, currency: string, provider: string | undefined, cardFees: CardFees, unitless: UnitlessFees[]): Model {
  const path = `models.${id}`;
  const f = y.map(node, path, MODEL_KEYS);
  const snapshots = f.has("snapshots") ? { snapshots: readSnapshots(y, f, id) } : {};
  const versions = y.seq(f.required("versions", "add versions: with at least one price"), f.pathOf("versions")).map((v, i) =>
    readVersion(y, v, `${path}.versions[${i}]`, card, currency),
  );
  if (versions.length === 0) y.fail(f.get("versions"), `${path}.versions is empty`, "add at least one version");
  const byFrom = new Map<number, Version>();
  for (const v of versions) {
    const clash = byFrom.get(v.from);
    if (clash) {
      y.fail(undefined, `conflicting versions of "${id}": two start at the same instant (lines ${clash.where?.line} and ${v.where?.line})`,
        "keep one version per from instant in a card");
    }
    byFrom.set(v.from, v);
  }
  versions.sort((a, b) => a.from - b.from);
  const ownUnitless = new Set<string>();
  const own = f.has("fees") ? readFees(y, f.get("fees")!, f.pathOf("fees"), card, currency, ownUnitless) : undefined;
  const fees = cardFees.fees || own ? { fees: feeRecord(cardFees.fees, own) } : {};
  const noUnit = Object.keys(fees.fees ?? {}).filter((k) => (own && Object.hasOwn(own, k) ? ownUnitless : cardFees.unitless).has(k));
  if (noUnit.length) unitless.push({ model: id, fees: noUnit });
  return { id, name: f.text("name"), ...(provider ? { provider } : {}), ...snapshots, currency, versions, ...fees };
}

/** Expands "2026-02-15..2026-02-23" (or one date) into its dates. */
function parseDateRange(text: string): string[] {
  const [a, b = a] = text.split("..").map((s) => s.trim()) as [string, string?];
  const start = parseInstant(a);
  const end = parseInstant(b!);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(a) || !/^\d{4}-\d{2}-\d{2}$/.test(b!)) throw new Error(`"${text}" must be dates (YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD)`);
  if (end < start) throw new Error(`"${text}" ends before it starts`);
  if (end - start > 366 * 86400000) throw new Error(`"${text}" spans more than a year`);
  const out: string[] = [];
  for (let t = start; t <= end; t += 86400000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

function readRule(y: YamlFile, node: Node, path: string): CalendarRule {
  const f = y.map(node, path, RULE_KEYS);
  const from = f.file.value(f.required("from"), f.pathOf("from"), parseDate);
  const peakHours = f.get("peak_hours");
  const offHours = f.get("off_peak_hours");
  if (!!peakHours === !!offHours) y.fail(node, `${path} needs exactly one of peak_hours and off_peak_hours`);
  const key = peakHours ? "peak_hours" : "off_peak_hours";
  const windows = y.seq((peakHours ?? offHours)!, f.pathOf(key)).map((n, i) => y.value(n, `${f.pathOf(key)}[${i}]`, parseHours));
  const days = f.parsed("days", (t) => {
    if (t !== "every-day" && t !== "weekdays") throw new Error(`"${t}" must be every-day or weekdays`);
    return t;
  }) ?? "every-day";
  const holidays = f.parsed("holidays", (t) => {
    if (t !== "off-peak" && t !== "normal") throw new Error(`"${t}" must be off-peak or normal`);
    return t;
  }) ?? "normal";
  return { from, windows, windowsAre: peakHours ? "peak" : "off-peak", days, holidaysOffPeak: holidays === "off-peak" };
}

function readCalendar(y: YamlFile, node: Node, name: string): Calendar {
  const path = `calendars.${name}`;
  const f = y.map(node, path, CALENDAR_KEYS);
  const timeZone = f.parsed("time_zone", (t) => {
    if (!isKnownTimeZone(t)) throw new Error(`"${t}" is not a known time zone (write an IANA name like Asia/Shanghai or UTC)`);
    return t;
  }) ?? y.fail(node, `${path}.time_zone is missing`, "add time_zone: UTC or an IANA zone name");
  const holidays = new Set<string>();
  if (f.has("holidays")) {
    y.seq(f.get("holidays")!, f.pathOf("holidays")).forEach((n, i) => {
      for (const d of y.value(n, `${f.pathOf("holidays")}[${i}]`, parseDateRange)) holidays.add(d);
    });
  }
  const rules = y.seq(f.required("rules"), f.pathOf("rules")).map((n, i) => readRule(y, n, `${f.pathOf("rules")}[${i}]`));
  rules.sort((a, b) => a.from - b.from);
  for (let i = 1; i < rules.length; i++) {
    if (rules[i]!.from === rules[i - 1]!.from) y.fail(f.get("rules"), `${path} has two rules starting at the same instant`);
  }
  const until = f.parsed("holidays_known_until", (t) => {
    if (!/^\d{4}$/.test(t)) throw new Error(`"${t}" must be a year like 2026`);
    return Number(t);
  });
  return { name, timeZone, holidays, rules, ...(until !== undefined ? { holidaysKnownUntil: until } : {}) };
}

const NOT_A_CARD = "is not a rate card (a YAML mapping with provider:, currency: and models:)";

/** The error for a file that is not a rate card; it never quotes the file's content. */
function notACard(file: string): InputError;
/** Runs `read`, turning a YAML syntax error into "not a rate card" (its message could quote the content). */
function notACard<T>(file: string, read: () => T): T;
function notACard<T>(file: string, read?: () => T): T | InputError {
  const err = new InputError(NOT_A_CARD, "name a rate card file; see rates/ for examples", { file });
  if (!read) return err;
  try {
    return read();
  } catch (e) {
    if (e instanceof InputError && /^YAML syntax error/.test(e.message)) throw new InputError(`${NOT_A_CARD}: YAML syntax error`, "fix the YAML syntax", e.where);
    throw e;
  }
}

/** Parses one rate card. `file` names it in messages; nothing is read from disk here. */
export function parseCard(text: string, file: string, builtIn = false): CardData {
  const y = notACard(file, () => new YamlFile(text, file));
  const root = y.root;
  if (!isMap(root) || !root.items.some((p) => isScalar(p.key) && (CARD_KEYS as readonly unknown[]).includes(p.key.value))) {
    throw notACard(file);
  }
  const f = y.map(y.root, "", CARD_KEYS);
  const currency = f.parsed("currency", (t) => {
    if (!CURRENCY_CODE.test(t)) throw new Error(`"${t}" is not a currency code (write USD, CNY, EUR...)`);
    return t;
  }) ?? y.fail(y.root, `"currency" is missing`, "add currency: USD");
  const checked = f.parsed("checked", (t) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) throw new Error(`"${t}" must be a date YYYY-MM-DD`);
    return parseInstant(t);
  });
  const calendars: Calendar[] = [];
  if (f.has("calendars")) {
    const cf = y.map(f.get("calendars")!, "calendars", []);
    for (const name of cf.keys()) calendars.push(readCalendar(y, cf.get(name)!, name));
  }
  const provider = f.parsed("provider", (t) => {
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(t)) throw new Error(`"${t}" is not a provider name (lower-case letters, digits and . _ -, like openai)`);
    return t;
  });
  const cardUnitless = new Set<string>();
  const cardFees = { fees: f.has("fees") ? readFees(y, f.get("fees")!, "fees", file, currency, cardUnitless) : undefined, unitless: cardUnitless };
  const unitless: UnitlessFees[] = [];
  const models: Model[] = [];
  const mf = f.has("models") ? y.map(f.get("models")!, "models", []) : undefined;
  for (const id of mf?.keys() ?? []) {
    if (!MODEL_ID.test(id)) y.fail(mf!.get(id), `"${id}" is not a model id (letters, digits and . _ : / @ + -)`);
    models.push(readModel(y, mf!.get(id)!, id, file, currency, provider, cardFees, unitless));
  }
  return {
    info: { file, provider, currency, checked, source: f.text("source"), builtIn },
    models,
    calendars,
    ...(unitless.length ? { unitless } : {}),
  };
}
