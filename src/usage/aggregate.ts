// Accumulates priced usage records: integer token sums per (UTC day, price span, window), skips per reason.

import { inCurrency } from "../core/currency.js";
import { holidaysUnknownFrom, holidayWarning } from "../core/calendar.js";
import { InputError } from "../core/errors.js";
import type { Exact } from "../core/exact.js";
import type { Resolution } from "../core/resolve.js";
import type { Instant } from "../core/instant.js";
import type { Calendar, RateBook } from "../core/types.js";
import { FLAT, OFF_PEAK, PEAK, type Cell } from "./cell.js";
import { SeenKeys } from "./dedup.js";
import { dayIndex, HOUR } from "./periods.js";
import { LocalClock } from "./zone.js";

import { summarize } from "./summarize.js";
import { PriceTimeline, type Span } from "./timeline.js";
import { Variants } from "./variants.js";
import { SKIP_REASONS, type Dimension, type SkipReason, type SkipSummary, type UsageRecord, type UsageReport } from "./types.js";

/**
 * A cell being filled: its counts gather first in `pending`, one safe-integer partial sum per count
 * (no BigInt made per record), and fold into the cell's exact sums before a partial could pass
 * 2^53 - 1, and when the cells are read.
 */
interface OpenCell extends Cell {
  pending: Float64Array;
}

/** The Sums counts in `pending` slot order. */
const SUM_KEYS = ["hit", "miss", "output", "reasoning", "writeDefault", "write5m", "write1h", "search"] as const;

/** Adds the safe integer `v` to count `k` of the cell: exact, since a partial never passes 2^53 - 1. */
function count(cell: OpenCell, k: number, v: number): void {
  const s = cell.pending[k]! + v; // exact when the true sum is a safe integer; >= 2^53 (so > MAX_SAFE) when it is not
  if (s <= Number.MAX_SAFE_INTEGER) cell.pending[k] = s;
  else {
    cell[SUM_KEYS[k]!] += BigInt(cell.pending[k]!) + BigInt(v);
    cell.pending[k] = 0;
  }
}

/** Folds the cell's partial sums into its exact sums. */
function fold(cell: OpenCell): Cell {
  for (let k = 0; k < SUM_KEYS.length; k++) {
    if (cell.pending[k] !== 0) cell[SUM_KEYS[k]!] += BigInt(cell.pending[k]!);
    cell.pending[k] = 0;
  }
  return cell;
}

/** The days of one (span, window, variant): cells by UTC day, with the last day used kept at hand. */
interface Days {
  lastDay: number;
  last: OpenCell | undefined;
  byDay: Map<number, OpenCell>;
}

/** How many positions each skip reason keeps. */
const FIRST_POSITIONS = 5;

/** What the aggregator needs besides the records. */
interface AggregateOptions {
  by: Dimension[];
  since?: Instant;
  until?: Instant;
  /** The report currency and conversion rate (--currency, --fx): the cards' published prices in it, or converted. */
  currency?: string;
  fx?: Exact;
  /** The zone that hours, days, weeks and months are grouped in (default UTC). */
  tz?: string;
  /** The instant of records that carry none. */
  asOf?: Instant;
  /** The project of a log file's records that have no cwd: its folder's name (undefined for stdin). */
  folderOf?: (file: string) => string | undefined;
}

/** A cell's key with a tag: day x 2^24 + tag (hours to the year 9999 stay below 2^27: the key is a safe integer). */
const TAG_SPACE = 2 ** 24;

/** Prices records one by one at their own instants and keeps exact sums; `report()` groups them. */
export class UsageAggregator {
  private readonly timeline: PriceTimeline;
  /** Cells by (span id x 3 + window), then variant id, then UTC day (dense arrays: a sparse one would turn into a slow dictionary). */
  private readonly cells: Days[][] = [];
  private readonly skips = new Map<SkipReason, SkipSummary>();
  private readonly seen = new SeenKeys();
  private readonly variants = new Variants();
  private syntheticRecords = 0;
  private holidayWarning: string | undefined;
  private cutoffCalendar: Calendar | undefined;
  private cutoff = Number.POSITIVE_INFINITY;
  private readonly byTime: boolean;
  /** Cells are keyed by local hour (else by local day). */
  private readonly byHour: boolean;
  /** Cells are keyed by (session, project) too: each pair is a tag, its values in `tags`. */
  private readonly tagged: boolean;
  private readonly bySession: boolean;
  private readonly byProject: boolean;
  private readonly tagIndex = new Map<string, number>();
  private readonly tags: { session: string | undefined; project: string | undefined }[] = [];
  private folderFile: string | undefined;
  private lastTagSession: string | undefined;
  private lastTagProject: string | undefined;
  private lastTag = -1;
  private folder: string | undefined;
  private readonly clock: LocalClock;
  private readonly zoned: boolean;
  private currency: string | undefined;
  private first = Number.POSITIVE_INFINITY;
  private last = Number.NEGATIVE_INFINITY;
  private firstSkipped: { at: string; reason: SkipReason; detail: string } | undefined;
  private duplicates = 0;
  private ignoredLines = 0;
  private outside = 0;

  constructor(
    private readonly book: RateBook,
    private readonly opts: AggregateOptions,
  ) {
    this.timeline = new PriceTimeline(book);
    this.byTime = opts.by.some((d) => d === "hour" || d === "day" || d === "week" || d === "month");
    this.byHour = opts.by.includes("hour");
    this.bySession = opts.by.includes("session");
    this.byProject = opts.by.includes("project");
    this.tagged = this.bySession || this.byProject;
    this.clock = new LocalClock(opts.tz ?? "UTC");
    this.zoned = this.clock.timeZone !== "UTC";
  }

  /** Counts a record that cannot be priced, keeping its position among the first few. */
  skip(reason: SkipReason, detail: string, file: string, line: number): void {
    let s = this.skips.get(reason);
    if (!s) this.skips.set(reason, (s = { reason, count: 0, first: [] }));
    s.count++;
    if (s.first.length < FIRST_POSITIONS) s.first.push({ at: `${file}:${line}`, detail });
    this.firstSkipped ??= { at: `${file}:${line}`, reason, detail };
  }

  /** Counts a line that is a session event, not a record. */
  ignore(): void {
    this.ignoredLines++;
  }

  /** Counts a zero-usage `<synthetic>` record. */
  synthetic(): void {
    this.syntheticRecords++;
  }

  /** Prices one record at its instant (or --as-of) and adds it to its cell; skips what cannot be priced. */
  add(r: UsageRecord, file: string, line: number): void {
    if (r.dedup && this.seen.seen(r.dedupA, r.dedupB)) {
      this.duplicates++;
      return;
    }
    const t = r.instant ?? this.opts.asOf;
    if (t === undefined) return this.skip("no-instant", "no timestamp or created field (give --as-of)", file, line);
    if ((this.opts.since !== undefined && t < this.opts.since) || (this.opts.until !== undefined && t >= this.opts.until)) {
      this.outside++;
      return;
    }
    const span = this.timeline.lookup(r.model, t);
    if (span.skip) return this.skip(span.skip.reason, span.skip.detail, file, line);
    const variant = this.variants.of(r, span, t);
    if (!variant) return this.skip(this.variants.skip.reason, this.variants.skip.detail, file, line);
    const window = span.calendar ? (this.timeline.isPeak(span, t) ? PEAK : OFF_PEAK) : FLAT;
    if (span.calendar !== undefined && this.holidayWarning === undefined && t >= this.holidaysUnknownFrom(span.calendar)) this.holidayWarning = holidayWarning(span.calendar, t);
    const local = this.zoned ? this.clock.toLocal(t) : t; // UTC: no lookup on the hot path
    const day = this.byTime ? (this.byHour ? Math.floor(local / HOUR) : dayIndex(local)) : 0;
    const tag = this.tagged ? this.tagOf(r, file) : 0;
    const key = tag === 0 ? day : day * TAG_SPACE + tag;
    const slot = span.id * 3 + window;
    const variants = this.cells[slot] ?? (this.cells[slot] = []);
    let days = variants[variant.id];
    if (!days) {
      this.checkCurrency(span, file, line);
      days = variants[variant.id] = { lastDay: Number.NaN, last: undefined, byDay: new Map() };
    }
    let cell = days.lastDay === key ? days.last : days.byDay.get(key);
    if (!cell) {
      cell = { day, tag, span, window, variant, records: 0, hit: 0n, miss: 0n, output: 0n, reasoning: 0n, writeDefault: 0n, write5m: 0n, write1h: 0n, search: 0n, pending: new Float64Array(SUM_KEYS.length) };
      days.byDay.set(key, cell);
    }
    days.lastDay = key;
    days.last = cell;
    cell.records++;
    if (r.hit !== 0) count(cell, 0, r.hit);
    if (r.miss !== 0) count(cell, 1, r.miss);
    if (r.output !== 0) count(cell, 2, r.output);
    if (r.reasoning !== 0) count(cell, 3, r.reasoning);
    if (r.writeDefault !== 0) count(cell, 4, r.writeDefault);
    if (r.write5m !== 0) count(cell, 5, r.write5m);
    if (r.write1h !== 0) count(cell, 6, r.write1h);
    if (r.search !== 0) count(cell, 7, r.search);
    if (t < this.first) this.first = t;
    if (t > this.last) this.last = t;
  }

  /** The instant from which the holidays of `cal` are unknown, remembered for the last calendar asked about. */
  private holidaysUnknownFrom(cal: Calendar): Instant {
    if (cal !== this.cutoffCalendar) {
      this.cutoffCalendar = cal;
      this.cutoff = holidaysUnknownFrom(cal);
    }
    return this.cutoff;
  }

  /** The warnings of the run: holidays unknown past a calendar's last listed year (once). */
  warnings(): string[] {
    return this.holidayWarning ? [this.holidayWarning] : [];
  }

  /** The tag of a record's (session, project): project is its cwd, else its file's folder; tag 0 is the first pair seen. */
  private tagOf(r: UsageRecord, file: string): number {
    const session = this.bySession ? r.session : undefined;
    let project: string | undefined;
    if (this.byProject) {
      if (r.cwd !== undefined) project = r.cwd;
      else {
        if (file !== this.folderFile) {
          this.folderFile = file;
          this.folder = this.opts.folderOf?.(file);
        }
        project = this.folder;
      }
    }
    if (session === this.lastTagSession && project === this.lastTagProject && this.lastTag >= 0) return this.lastTag; // the same session, line after line
    const k = `${session ?? ""}\u0000${session === undefined ? 0 : 1}${project === undefined ? 0 : 1}\u0000${project ?? ""}`;
    let tag = this.tagIndex.get(k);
    if (tag === undefined) {
      if (this.tags.length >= TAG_SPACE) throw new InputError(`more than ${TAG_SPACE} sessions and projects`, "group by fewer dimensions, or split the logs");
      this.tagIndex.set(k, (tag = this.tags.length));
      this.tags.push({ session, project });
    }
    this.lastTagSession = session;
    this.lastTagProject = project;
    this.lastTag = tag;
    return tag;
  }

  private checkCurrency(span: Span, file: string, line: number): void {
    const c = span.res!.currency;
    if (this.currency === undefined) this.currency = c;
    else if (c !== this.currency) {
      throw new InputError(
        `"${span.model}" is priced in ${c}, earlier records in ${this.currency}: totals cannot mix currencies`,
        "price one currency per run (split the logs, or use --rates with cards of one currency)",
        { file, line },
      );
    }
  }

  private allCells(): Cell[] {
    return this.cells.flatMap((v) => (v ? v.flatMap((d) => (d ? [...d.byDay.values()].map(fold) : [])) : []));
  }

  /** Converts resolutions to `currency`, once per version (inCurrency fails naming one without published prices and no --fx). */
  private converter(currency: string, fx: Exact | undefined): (res: Resolution) => Resolution {
    const memo = new Map<object, Resolution>();
    return (res) => {
      let out = memo.get(res.version);
      if (!out) memo.set(res.version, (out = inCurrency(res, currency, fx).res));
      return out;
    };
  }

  /** The first record skipped, in reading order. */
  firstSkip(): { at: string; reason: SkipReason; detail: string } | undefined {
    return this.firstSkipped;
  }

  /** The latest instant of a priced record, if any (for staleness checks). */
  latest(): Instant | undefined {
    return this.last === Number.NEGATIVE_INFINITY ? undefined : this.last;
  }

  /** The cards whose prices were used. */
  cardsUsed(): string[] {
    return [...new Set(this.allCells().map((c) => c.span.res!.version.card))];
  }

  /** Builds the report: groups by the dimensions, exact costs, skips in a fixed order. */
  report(): UsageReport {
    const skipped = SKIP_REASONS.flatMap((r) => (this.skips.has(r) ? [this.skips.get(r)!] : []));
    const priced = this.latest() !== undefined;
    return summarize(this.book, this.allCells(), {
      by: this.opts.by,
      clock: this.clock,
      hours: this.byHour,
      tags: this.tags,
      currency: this.opts.currency ?? this.currency ?? this.book.cards[0]?.currency ?? "USD",
      ...(this.opts.currency !== undefined ? { convert: this.converter(this.opts.currency, this.opts.fx) } : {}),
      since: this.opts.since,
      until: this.opts.until,
      first: priced ? this.first : undefined,
      last: priced ? this.last : undefined,
      skipped,
      duplicates: this.duplicates,
      ignored: this.ignoredLines,
      synthetic: this.syntheticRecords,
      outsidePeriod: this.outside,
    });
  }
}
