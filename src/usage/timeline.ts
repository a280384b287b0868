// Price lookups for records: each model's resolution cached per span of time it holds for.

import { isPeak, peakUnder, ruleAt, zoneOffset, type LocalTime } from "../core/calendar.js";
import { localAt } from "../core/forms/zone-clock.js";
import { formatInstantShort, type Instant } from "../core/instant.js";
import { MAX_ALIAS_HOPS, resolvePrice, versionAt, type Resolution } from "../core/resolve.js";
import { InputError } from "../core/errors.js";
import { displayId, tryLookupModel } from "../core/names.js";
import type { Calendar, RateBook } from "../core/types.js";
import type { SkipReason } from "./types.js";

/** A stretch of time over which one model resolves the same way. */
export interface Span {
  /** Small integer id, unique per span (for accumulator keys). */
  id: number;
  model: string;
  from: Instant;
  until: Instant;
  /** The resolution, when the model has a price over the span. */
  res: Resolution | undefined;
  calendar: Calendar | undefined;
  /** The calendar's memo of peak hours, shared by every span on that calendar. */
  peak: PeakMemo | undefined;
  skip: { reason: SkipReason; detail: string } | undefined;
}

const NEVER = Number.POSITIVE_INFINITY;
const EVER = Number.NEGATIVE_INFINITY;

/** Resolves every model at every record instant with resolvePrice, once per span. */
export class PriceTimeline {
  private readonly spans = new Map<string, Span[]>();
  private readonly last = new Map<string, Span>();
  private readonly peak = new Map<Calendar, PeakMemo>();
  private nextId = 0;
  /** Every span created, by id. */
  readonly byId: Span[] = [];

  constructor(private readonly book: RateBook) {}

  /** The span of `model` holding `t`. */
  lookup(model: string, t: Instant): Span {
    const hot = this.last.get(model);
    if (hot && t >= hot.from && t < hot.until) return hot;
    let list = this.spans.get(model);
    if (!list) this.spans.set(model, (list = []));
    let span = list.find((s) => t >= s.from && t < s.until);
    if (!span) {
      span = this.build(model, t);
      list.push(span);
      this.byId.push(span);
    }
    this.last.set(model, span);
    return span;
  }

  /** Whether `t` is peak under a windowed span's calendar. */
  isPeak(span: Span, t: Instant): boolean {
    return span.peak!.isPeak(t);
  }

  /** Follows aliases at `t`, bounding the span by every version boundary met on the way. */
  private build(model: string, t: Instant): Span {
    let from = EVER;
    let until = NEVER;
    let current = model;
    let prefer: string | undefined;
    const span = (skip?: Span["skip"], res?: Resolution): Span => {
      const calendarName = res?.version.calendar;
      const calendar = calendarName ? this.book.calendars.get(calendarName) : undefined;
      let peak: PeakMemo | undefined;
      if (calendar) {
        peak = this.peak.get(calendar);
        if (!peak) this.peak.set(calendar, (peak = new PeakMemo(calendar)));
      }
      return { id: this.nextId++, model, from, until, res, calendar, peak, skip };
    };
    for (let hops = 0; ; hops++) {
      const m = tryLookupModel(this.book, current, prefer);
      if (m instanceof InputError) {
        const via = current === model ? "" : ` (billed as "${current}")`;
        const what = m.message.replace(`"${current}"`, `"${model}"${via}`);
        return span({ reason: "unknown-model", detail: `${what}${m.hint && !m.hint.startsWith("run ") ? ` (${m.hint})` : ""}` });
      }
      prefer = m.provider;
      const shown = displayId(this.book, m);
      const v = versionAt(m, t);
      const i = v ? m.versions.indexOf(v) : -1;
      if (v) from = Math.max(from, v.from);
      const next = m.versions[i + 1];
      if (next) until = Math.min(until, next.from);
      if (!v) return span({ reason: "before-first-price", detail: `"${shown}" has no price before ${formatInstantShort(m.versions[0]!.from)}` });
      if (v.kind === "retired") return span({ reason: "retired-model", detail: `"${shown}" was retired at ${formatInstantShort(v.from)}${v.replacement ? `; use "${v.replacement}"` : ""}` });
      if (v.kind === "price" || hops >= MAX_ALIAS_HOPS) break; // resolvePrice reports an alias loop or a chain too long
      current = v.billedAs;
    }
    return span(undefined, resolvePrice(this.book, model, t));
  }
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

const MINUTE = 60000;
const UNSTABLE = 2;

/**
 * isPeak memoised per UTC block of G minutes, G the gcd of the day, every window boundary and
 * every rule start (60 for DeepSeek's calendar). Exact: a block whose zone offset is the same at
 * its start and at the next block's start, and a multiple of G, maps onto G whole local minutes of one local day,
 * all inside or all outside each window, under one rule. Any other block (a DST change inside it,
 * an odd offset, a rule starting off the grid) is marked unstable and asks isPeak per record.
 */
class PeakMemo {
  private readonly blockMinutes: number;
  private readonly memo = new Map<number, number>();
  private readonly offGrid = new Set<number>();

  constructor(private readonly cal: Calendar) {
    let g = 1440;
    for (const r of cal.rules) {
      for (const [a, b] of r.windows) g = gcd(gcd(g, a), b);
      if (r.from % MINUTE === 0) g = gcd(g, r.from / MINUTE);
    }
    this.blockMinutes = g;
    for (const r of cal.rules) if (r.from % MINUTE !== 0) this.offGrid.add(Math.floor(r.from / (g * MINUTE)));
  }

  /** The zone's offsets at the last two instants asked for: consecutive blocks share a boundary. */
  private readonly offsetAt: Instant[] = [Number.NaN, Number.NaN];
  private readonly offsets: number[] = [0, 0];
  private readonly local: LocalTime = { date: "", weekday: 0, minute: 0 };

  /** Local wall clock minus UTC, in ms, at the minute holding `t`. */
  private offset(t: Instant): number {
    const i = this.offsetAt.indexOf(t);
    if (i >= 0) return this.offsets[i]!;
    this.offsetAt.unshift(t);
    this.offsetAt.length = 2;
    this.offsets.unshift(zoneOffset(t, this.cal.timeZone));
    this.offsets.length = 2;
    return this.offsets[0]!;
  }

  private lastBlock = Number.NaN;
  private lastValue = 0;

  isPeak(t: Instant): boolean {
    const block = Math.floor(t / (this.blockMinutes * MINUTE));
    if (block === this.lastBlock && this.lastValue !== UNSTABLE) return this.lastValue === 1;
    let v = this.memo.get(block);
    if (v === undefined) {
      // The offset at the block's start and at the next block's start (which that block asks for again):
      // a change at the boundary itself only costs that block the per-record path.
      const start = block * this.blockMinutes * MINUTE;
      const off = this.offset(start);
      const stable = !this.offGrid.has(block) && (off / MINUTE) % this.blockMinutes === 0 && off === this.offset(start + this.blockMinutes * MINUTE);
      const rule = ruleAt(this.cal, start);
      v = stable ? (!rule || peakUnder(rule, localAt(start, off, this.local), this.cal.holidays) ? 1 : 0) : UNSTABLE;
      if (this.memo.size >= 1 << 16) this.memo.clear();
      this.memo.set(block, v);
    }
    this.lastBlock = block;
    this.lastValue = v;
    return v === UNSTABLE ? isPeak(this.cal, t) : v === 1;
  }
}
