// Workload keys beyond the fixed split: token fields from files, hit rates, conversations, warm-up, schedules, periods.

import { isMap, isSeq, type Node } from "yaml";
import { isKnownTimeZone } from "../core/calendar.js";
import type { Location } from "../core/errors.js";
import { Exact } from "../core/exact.js";
import { parseCallRate, parsePeriod } from "../core/forms/period.js";
import { parseHours } from "../core/hours.js";
import { MAX_TURNS_COUNT } from "../core/params.js";
import { parseCount, parseShare, SHARE_HINT } from "../core/quantity.js";
import type { Conversation, Schedule, TokenFile, Workload } from "../core/types.js";
import type { Fields, YamlFile } from "../yaml/document.js";

const COUNT_HINT = "write a non-negative whole number like 2000, 1_000_000, 1e6, 1.5M or 2k";
const TOKEN_HINT = `${COUNT_HINT}, or { file: prompt.txt } to count a file's tokens`;

/** The item keys this module reads. */
export const FORM_KEYS = ["input", "cache_hit_rate", "conversation", "distinct_prefixes", "schedule", "peak_share", "period"] as const;
/** The form keys a plan may set at its top for every item that does not set its own. */
export const DEFAULT_FORM_KEYS = ["period", "schedule", "peak_share", "distinct_prefixes"] as const;
const CONVERSATION_KEYS = ["turns", "system", "user", "reply", "reasoning", "history_cached", "system_cached"] as const;
const SCHEDULE_KEYS = ["hours", "tz", "days"] as const;

/** Gives the token count of a `{ file: path }` field written at `where` (the CLI reads and tokenizes the file). */
export type TokenCounter = (path: string, where: Location) => Exact | undefined;

/** Reads token fields of one workload, collecting those counted from files. */
export class TokenFields {
  readonly files: TokenFile[] = [];
  constructor(
    private readonly y: YamlFile,
    private readonly counter: TokenCounter,
  ) {}

  /** A token count: a number, or `{ file: path }`; absent means zero. */
  read(f: Fields, key: string): Exact {
    const node = f.get(key);
    if (!node) return Exact.ZERO;
    const n = this.y.deref(node);
    if (!isMap(n)) return this.y.value(n, f.pathOf(key), parseCount, TOKEN_HINT);
    const ff = this.y.map(n, f.pathOf(key), ["file"]);
    const pathNode = ff.required("file", "write { file: path/to/prompt.txt }");
    const path = this.y.text(pathNode, ff.pathOf("file"));
    if (path.trim() === "") this.y.fail(pathNode, `${ff.pathOf("file")} is empty`, "name a text file");
    const tokens = this.counter(path, this.y.loc(pathNode));
    if (tokens === undefined) {
      this.y.fail(pathNode, `no token count for ${path}: token counts of files are read by the CLI`, "run the file through ratecard, or write the count");
    }
    this.files.push({ field: f.pathOf(key), file: path, tokens });
    return tokens;
  }
}

/** Most turns one conversation may have (its history grows with the square of the turns). */
export const MAX_TURNS = Exact.int(MAX_TURNS_COUNT);

function readConversation(y: YamlFile, node: Node, path: string, tokens: TokenFields): Conversation {
  const f = y.map(node, path, CONVERSATION_KEYS);
  const turns = y.value(f.required("turns", "add turns: <turns per conversation>"), f.pathOf("turns"), parseCount, COUNT_HINT);
  if (turns.isZero()) y.fail(f.get("turns"), `${f.pathOf("turns")} must be at least 1`);
  if (turns.cmp(MAX_TURNS) > 0) y.fail(f.get("turns"), `${f.pathOf("turns")} is more than ${MAX_TURNS.toDecimal()} turns in one conversation`, "model longer use as more conversations (calls)");
  return {
    turns,
    system: tokens.read(f, "system"),
    user: tokens.read(f, "user"),
    reply: tokens.read(f, "reply"),
    reasoning: tokens.read(f, "reasoning"),
    historyCached: f.bool("history_cached") ?? true,
    systemCached: f.bool("system_cached") ?? true,
  };
}

function readSchedule(y: YamlFile, node: Node, path: string): Schedule {
  const f = y.map(node, path, SCHEDULE_KEYS);
  const hoursNode = y.deref(f.required("hours", 'add hours: "22:00-06:00"'));
  const hourNodes = isSeq(hoursNode) ? y.seq(hoursNode, f.pathOf("hours")) : [hoursNode];
  const windows = hourNodes.map((n, i) => y.value(n, hourNodes.length > 1 ? `${f.pathOf("hours")}[${i}]` : f.pathOf("hours"), parseHours, 'write hours: "22:00-06:00"'));
  if (windows.length === 0) y.fail(hoursNode, `${f.pathOf("hours")} is empty`, 'write hours: "22:00-06:00"');
  const timeZone = f.parsed("tz", (t) => {
    if (!isKnownTimeZone(t)) throw new Error(`"${t}" is not a known time zone`);
    return t;
  }, "write an IANA name like Europe/Berlin, Asia/Shanghai or UTC") ?? y.fail(node, `${f.pathOf("tz")} is missing`, "add tz: UTC or an IANA zone name like Europe/Berlin");
  const days = f.parsed("days", (t) => {
    if (t !== "all" && t !== "weekdays" && t !== "weekends") throw new Error(`"${t}" must be all, weekdays or weekends`);
    return t;
  }) ?? "all";
  const hoursText = hourNodes.map((n) => y.text(n, f.pathOf("hours"))).join(", ");
  return { windows, timeZone, days, text: `${hoursText} ${timeZone}${days === "all" ? "" : `, ${days}`}` };
}

/** Fails at the first of `keys` present in `f`, saying it cannot go with `other`. */
function exclusive(y: YamlFile, f: Fields, keys: readonly string[], other: string, hint: string): void {
  const clash = keys.find((k) => f.has(k));
  if (clash) y.fail(f.get(clash), `${f.pathOf(clash)} cannot go with ${other}`, hint);
}

/** Plan-level defaults of the form keys: `period`, `schedule`, `peak_share`, `distinct_prefixes`. */
export type FormDefaults = Pick<Workload, "period" | "schedule" | "peakShare" | "distinctPrefixes">;

/** Reads the plan-level form defaults from the top of a plan (a schedule and a peak share exclude each other). */
export function readFormDefaults(y: YamlFile, top: Fields): FormDefaults {
  const out: FormDefaults = {};
  if (top.has("period")) out.period = top.parsed("period", parsePeriod);
  if (top.has("schedule")) {
    exclusive(y, top, ["peak_share"], "schedule", "a schedule sets the peak share: give one of them");
    out.schedule = readSchedule(y, top.get("schedule")!, top.pathOf("schedule"));
  }
  if (top.has("peak_share")) out.peakShare = top.parsed("peak_share", parseShare, SHARE_HINT);
  if (top.has("distinct_prefixes")) out.distinctPrefixes = top.parsed("distinct_prefixes", parseCount, COUNT_HINT)!;
  return out;
}

/**
 * Reads calls (a count or a rate) and every form key of one workload item; `defaults` (the
 * plan's) fill the keys the item does not set. A schedule and a peak share count as one choice:
 * an item that sets either takes neither from the plan.
 */
export function readForms(y: YamlFile, f: Fields, tokens: TokenFields, defaults: FormDefaults = {}): Partial<Workload> & Pick<Workload, "calls"> {
  const rate = y.value(f.required("calls"), f.pathOf("calls"), parseCallRate, `${COUNT_HINT}, or a rate like 30000/day`);
  const out: Partial<Workload> & Pick<Workload, "calls"> = { calls: rate.calls };
  if (f.has("period")) out.period = f.parsed("period", parsePeriod);
  else if (defaults.period) out.period = defaults.period;
  if (rate.per) {
    if (!out.period) y.fail(f.get("calls"), `${f.pathOf("calls")} is a rate per ${rate.per} but there is no period`, "add period: 30d or period: 2026-12 (to the item, or to the plan for every item)");
    out.callsPer = rate.per;
  }
  if (f.has("conversation")) {
    exclusive(y, f, ["cached_prefix", "miss", "reply", "reasoning", "input", "cache_hit_rate"], "conversation", "put the tokens inside conversation:");
    out.conversation = readConversation(y, f.get("conversation")!, f.pathOf("conversation"), tokens);
  }
  if (f.has("input") || f.has("cache_hit_rate")) {
    exclusive(y, f, ["cached_prefix", "miss"], "input and cache_hit_rate", "give either input and cache_hit_rate, or cached_prefix and miss");
    if (!f.has("cache_hit_rate")) y.fail(f.get("input"), `${f.pathOf("input")} needs cache_hit_rate`, "add cache_hit_rate: 0.8 (a share 0..1 of input tokens that hit the cache)");
    if (!f.has("input")) y.fail(f.get("cache_hit_rate"), `${f.pathOf("cache_hit_rate")} needs input`, "add input: <input tokens per call>");
    out.hitRate = { input: tokens.read(f, "input"), rate: f.parsed("cache_hit_rate", parseShare, "write a share like 0.8 or 80%")! };
  }
  if (f.has("distinct_prefixes")) {
    out.distinctPrefixes = f.parsed("distinct_prefixes", parseCount, COUNT_HINT)!;
    if (!rate.per && out.distinctPrefixes.cmp(rate.calls) > 0) {
      y.fail(f.get("distinct_prefixes"), `${f.pathOf("distinct_prefixes")} is more than the calls`, "each distinct prefix is first seen by one call: lower distinct_prefixes or raise calls");
    }
  } else if (defaults.distinctPrefixes) {
    out.distinctPrefixes = defaults.distinctPrefixes;
    if (!rate.per && out.distinctPrefixes.cmp(rate.calls) > 0) {
      y.fail(f.get("calls"), `the plan's distinct_prefixes (${out.distinctPrefixes.toDecimal()}) is more than ${f.pathOf("calls")}`, "set distinct_prefixes on this item, or raise its calls");
    }
  }
  if (f.has("schedule")) {
    exclusive(y, f, ["peak_share"], "schedule", "a schedule sets the peak share: give one of them");
    out.schedule = readSchedule(y, f.get("schedule")!, f.pathOf("schedule"));
  } else if (f.has("peak_share")) {
    out.peakShare = f.parsed("peak_share", parseShare, SHARE_HINT);
  } else if (defaults.schedule) out.schedule = defaults.schedule;
  else if (defaults.peakShare) out.peakShare = defaults.peakShare;
  return out;
}
