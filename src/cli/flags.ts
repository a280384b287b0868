// Flag values -> typed values, failing as usage errors that name the flag.

import { InvalidArgumentError, Option } from "commander";
import { UsageError } from "../core/errors.js";
import { parseInstant, type Instant } from "../core/instant.js";
import { formatsOf, type Reported } from "../render/reporters.js";

/** Runs a parser on a flag's text; its message becomes "--flag: message". */
export function flagValue<T>(flag: string, text: string, parse: (t: string) => T, hint?: string): T {
  try {
    return parse(text);
  } catch (err) {
    throw new UsageError(`${flag}: ${(err as Error).message}`, hint);
  }
}

/**
 * Rewrites `--cache-write-<retention> N` (and `=N`) into the hidden `--cache-write-by-retention
 * <retention>=N`, so any retention a card knows has its flag; arguments after `--` stay as they are.
 */
export function expandRetentionFlags(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") return [...out, ...argv.slice(i)];
    const m = /^--cache-write-([a-z0-9]+)(?:=(.*))?$/.exec(a);
    if (!m) {
      out.push(a);
      continue;
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new UsageError(`${a} needs a token count`, `e.g. ${a} 5000`);
    out.push("--cache-write-by-retention", `${m[1]}=${value}`);
  }
  return out;
}

/** Collects a repeatable flag; commas also separate values ("-m a,b"). An empty value is an error, never "all". */
export function collect(value: string, previous: string[] = []): string[] {
  const items = value.split(",").map((v) => v.trim());
  if (items.some((v) => v === "")) throw new InvalidArgumentError(value.trim() === "" ? "it is empty" : "the list has an empty item");
  return [...previous, ...items];
}

/** The --format option of a command, limited to the formats its reporter has. */
export function formatOption(command: Reported): Option {
  return new Option("-f, --format <format>", "output format").choices(formatsOf(command)).default("table");
}

/** The repeatable --rates option: extra rate-card files or folders, after the built-in cards. */
export function ratesOption(): Option {
  return new Option("--rates <path>", "extra rate card file or folder (repeatable)").argParser(collect).default([]);
}

/** The repeatable -m/--model option, the same in every command. */
export function modelOption(): Option {
  return new Option("-m, --model <id>", "model to price (repeatable or comma-separated; default: the plan's models, else every current model)").argParser(collect);
}

const AS_OF_HELP = "price at this instant: YYYY-MM-DD, an ISO date-time (UTC unless an offset is given), today, yesterday or now (default: the plan's as_of, else now)";

/** The --as-of option (or a side's --base-as-of / --head-as-of), the same in every command. */
export function asOfOption(flags = "--as-of <date>", help = AS_OF_HELP): Option {
  return new Option(flags, help);
}

/** The --peak-share option, the same in every command. */
export function peakShareOption(): Option {
  return new Option("--peak-share <share>", "share of calls made in peak hours (0..1 or 25%), instead of the calendar's typical week or a schedule");
}

/** The --currency and --fx options of every command that prints money. */
export function currencyOptions(): Option[] {
  return [
    new Option("--currency <code>", "report currency: the card's published prices in it, or converted with --fx"),
    new Option("--fx <rate>", "convert card prices: units of --currency per 1 unit of the card's currency"),
  ];
}

const DAY = 86400000;
const AS_OF_HINT = "write YYYY-MM-DD, an ISO date-time like 2026-08-16T16:00Z, today, yesterday or now";

/** Parses an instant flag: a date or date-time, or `today` / `yesterday` (00:00 UTC of the clock's day) or `now`. */
export function instantFlag(flag: string, text: string, now: number): Instant {
  const word = text.trim().toLowerCase();
  if (word === "now") return now;
  if (word === "today") return Math.floor(now / DAY) * DAY;
  if (word === "yesterday") return Math.floor(now / DAY) * DAY - DAY;
  return flagValue(flag, text, parseInstant, AS_OF_HINT);
}

/** Parses --as-of, falling back to the file's instant and then to now. */
export function asOfFrom(flag: string | undefined, fromFile: Instant | undefined, now: number): Instant {
  if (flag !== undefined) return instantFlag("--as-of", flag, now);
  return fromFile ?? now;
}

const DATE_ONLY = /^\s*\d{4}-\d{2}-\d{2}\s*$/;

/** An end flag (--until, --to): an instant (excluded), or a bare date meaning the end of that UTC day. */
export function untilFlag(flag: string, text: string): Instant {
  const t = flagValue(flag, text, parseInstant);
  return DATE_ONLY.test(text) ? t + 86400000 : t;
}
