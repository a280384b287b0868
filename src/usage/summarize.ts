// Token cells -> the usage report: groups by the --by dimensions, each line tokens x rate, exact sums.

import { Exact, sum } from "../core/exact.js";
import type { Instant } from "../core/instant.js";
import { compareNames } from "../core/order.js";
import type { Resolution } from "../core/resolve.js";
import type { PriceSet, RateBook, Window } from "../core/types.js";
import { OFF_PEAK, PEAK, type Cell, type Sums } from "./cell.js";
import { dayIndex, dayPeriod, monthPeriod, weekPeriod, type Period } from "./periods.js";
import type { LocalClock } from "./zone.js";

const HOUR = 3600000;
import type { Dimension, GroupKey, SkipSummary, TokenCounts, UsageBucket, UsageGroup, UsageLine, UsageReport } from "./types.js";

const MILLION = Exact.int(1000000);
const BUCKETS: UsageBucket[] = ["input_cache_hit", "input_cache_miss", "input_cache_write", "output"];
const WINDOW_ORDER: Record<string, number> = { peak: 0, "off-peak": 1, flat: 2 };

/** Everything besides the cells that the report carries. */
interface SummaryFacts {
  by: Dimension[];
  /** The zone groups are read in, and whether cells are keyed by local hour (else local day). */
  clock: LocalClock;
  hours: boolean;
  currency: string;
  /** Prices a resolution in the report currency (--currency / --fx), when it is not the cards'. */
  convert?: (res: Resolution) => Resolution;
  since?: Instant;
  until?: Instant;
  first?: Instant;
  last?: Instant;
  skipped: SkipSummary[];
  duplicates: number;
  ignored: number;
  outsidePeriod: number;
}

function windowOf(code: number): Window {
  return code === PEAK ? "peak" : code === OFF_PEAK ? "off-peak" : null;
}

function addTo(s: Sums, c: Sums): void {
  s.records += c.records;
  s.hit += c.hit;
  s.miss += c.miss;
  s.output += c.output;
  s.reasoning += c.reasoning;
  s.write += c.write;
}

function emptySums(): Sums {
  return { records: 0, hit: 0n, miss: 0n, output: 0n, reasoning: 0n, write: 0n };
}

function tokenCounts(s: Sums): TokenCounts {
  return { input_cache_hit: Exact.int(s.hit), input_cache_miss: Exact.int(s.miss), output: Exact.int(s.output), reasoning: Exact.int(s.reasoning) };
}

const PERIODS: Record<"day" | "week" | "month", (day: number) => Period> = { day: dayPeriod, week: weekPeriod, month: monthPeriod };

/** The local hour `h` (hours since a local 1970-01-01): "2026-08-16 16:00". */
function hourPeriod(h: number): Period {
  const iso = new Date(h * HOUR).toISOString();
  return { label: `${iso.slice(0, 10)} ${iso.slice(11, 13)}:00`, start: h * HOUR, end: (h + 1) * HOUR };
}

/** The group key of a cell, and its time span (UTC instants) when a time dimension is asked for. */
function keyOf(c: Cell, f: SummaryFacts): { key: GroupKey; start: Instant | null; end: Instant | null } {
  const key: GroupKey = {};
  let start: Instant | null = null;
  let end: Instant | null = null;
  for (const d of f.by) {
    if (d === "model") key.model = c.span.model;
    else if (d === "window") key.window = windowOf(c.window) ?? "flat";
    else {
      const p = d === "hour" ? hourPeriod(c.day) : PERIODS[d](f.hours ? Math.floor(c.day / 24) : c.day);
      key[d] = p.label;
      const [s, e] = [f.clock.toUtc(p.start), f.clock.toUtc(p.end)];
      start = start === null ? s : Math.max(start, s);
      end = end === null ? e : Math.min(end, e);
    }
  }
  return { key, start, end };
}

function priceSetOf(c: Cell, res: Resolution): PriceSet {
  const v = res.version;
  return c.window === PEAK ? v.peak! : c.window === OFF_PEAK ? v.offPeak! : v.flat!;
}

/** The priced lines of a group's cells: one per (model, billed as, version, window, bucket). */
function linesOf(book: RateBook, cells: Cell[], convert?: (res: Resolution) => Resolution): UsageLine[] {
  const merged = new Map<string, { cell: Cell; sums: Sums }>();
  for (const c of cells) {
    const res = c.span.res!;
    const k = `${c.span.model}\u0000${res.billedAs ?? ""}\u0000${res.version.from}\u0000${res.version.card}\u0000${c.window}`;
    let m = merged.get(k);
    if (!m) merged.set(k, (m = { cell: c, sums: emptySums() }));
    addTo(m.sums, c);
  }
  const lines: UsageLine[] = [];
  for (const { cell, sums } of merged.values()) {
    const res = cell.span.res!;
    const prices = priceSetOf(cell, convert ? convert(res) : res);
    // Cache writes are part of the misses; a version with a default cache-write price bills them on their own line.
    const write = prices.input_cache_write ? sums.write : 0n;
    const tokens = { input_cache_hit: sums.hit, input_cache_miss: sums.miss - write, input_cache_write: write, output: sums.output };
    for (const bucket of BUCKETS) {
      if (tokens[bucket] === 0n) continue;
      const t = Exact.int(tokens[bucket]);
      const rate = prices[bucket]!;
      lines.push({
        model: cell.span.model,
        billedAs: res.billedAs,
        priceFrom: res.version.from,
        card: res.version.card,
        provider: book.cards.find((c) => c.file === res.version.card)?.provider,
        window: windowOf(cell.window),
        bucket,
        tokens: t,
        rate,
        cost: t.mul(rate).div(MILLION),
      });
    }
  }
  return lines.sort(
    (a, b) =>
      compareNames(a.model, b.model) ||
      a.priceFrom - b.priceFrom ||
      WINDOW_ORDER[a.window ?? "flat"]! - WINDOW_ORDER[b.window ?? "flat"]! ||
      BUCKETS.indexOf(a.bucket) - BUCKETS.indexOf(b.bucket),
  );
}

function compareGroups(by: Dimension[]) {
  return (a: UsageGroup, b: UsageGroup): number => {
    for (const d of by) {
      const x = a.key[d]!;
      const y = b.key[d]!;
      const c = d === "window" ? WINDOW_ORDER[x]! - WINDOW_ORDER[y]! : x < y ? -1 : x > y ? 1 : 0;
      if (c !== 0) return c;
    }
    return 0;
  };
}

/** The reporting period: --since/--until, else the UTC days of the first and last records. */
function periodOf(f: SummaryFacts): UsageReport["period"] {
  const day = (t: Instant) => dayPeriod(dayIndex(f.clock.toLocal(t)));
  const start = f.since ?? (f.first !== undefined ? f.clock.toUtc(day(f.first).start) : null);
  const end = f.until ?? (f.last !== undefined ? f.clock.toUtc(day(f.last).end) : null);
  return { start, end };
}

/** Groups the cells by `facts.by` and prices each group's lines exactly; total = sum of groups. */
export function summarize(book: RateBook, cells: Cell[], facts: SummaryFacts): UsageReport {
  const byGroup = new Map<string, { key: GroupKey; start: Instant | null; end: Instant | null; cells: Cell[] }>();
  for (const c of cells) {
    const k = keyOf(c, facts);
    const id = facts.by.map((d) => k.key[d]).join("\u0000");
    let g = byGroup.get(id);
    if (!g) byGroup.set(id, (g = { ...k, cells: [] }));
    g.cells.push(c);
  }
  const total = emptySums();
  const groups: UsageGroup[] = [];
  for (const g of byGroup.values()) {
    const sums = emptySums();
    for (const c of g.cells) addTo(sums, c);
    addTo(total, sums);
    const lines = linesOf(book, g.cells, facts.convert);
    groups.push({ key: g.key, start: g.start, end: g.end, records: sums.records, tokens: tokenCounts(sums), cost: sum(lines.map((l) => l.cost)), lines });
  }
  groups.sort(compareGroups(facts.by));
  return {
    currency: facts.currency,
    by: facts.by,
    period: periodOf(facts),
    total: { records: total.records, tokens: tokenCounts(total), cost: sum(groups.map((g) => g.cost)) },
    groups,
    skipped: facts.skipped,
    duplicates: facts.duplicates,
    ignored: facts.ignored,
    outsidePeriod: facts.outsidePeriod,
    ...(facts.clock.timeZone !== "UTC" ? { timeZone: facts.clock.timeZone } : {}),
  };
}
