// Token cells -> the usage report: groups by the --by dimensions, each line tokens x rate, exact sums.

import { InputError } from "../core/errors.js";
import { Exact, sum } from "../core/exact.js";
import type { Instant } from "../core/instant.js";
import { compareNames } from "../core/order.js";
import type { Resolution } from "../core/resolve.js";
import { billedLine, compareRetentions, feeVersionPrice, RateSheet, versionRetention } from "../core/pricing.js";
import type { PriceSet, RateBook, Window, Workload } from "../core/types.js";
import { escapeControl } from "../core/printable.js";
import { OFF_PEAK, PEAK, type Cell, type Sums } from "./cell.js";
import { dayIndex, dayPeriod, HOUR, monthPeriod, weekPeriod, type Period } from "./periods.js";
import type { LocalClock } from "./zone.js";

import type { Dimension, GroupKey, SkipSummary, TokenCounts, UsageBucket, UsageGroup, UsageLine, UsageReport } from "./types.js";

const BUCKETS: UsageBucket[] = ["input_cache_hit", "input_cache_miss", "input_cache_write", "output", "request_fee"];
const LOG: Workload = { name: "usage log", calls: Exact.ONE, cachedPrefix: Exact.ZERO, miss: Exact.ZERO, reply: Exact.ZERO, reasoning: Exact.ZERO };
const WINDOW_ORDER: Record<string, number> = { peak: 0, "off-peak": 1, flat: 2 };

/** The group of records without a sessionId (--by session) or without a cwd and a folder (--by project). */
const NO_TAG = "(none)";

/** Everything besides the cells that the report carries. */
interface SummaryFacts {
  by: Dimension[];
  /** The zone groups are read in, and whether cells are keyed by local hour (else local day). */
  clock: LocalClock;
  hours: boolean;
  /** The (session, project) of each cell tag, when grouped by either. */
  tags: { session: string | undefined; project: string | undefined }[];
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
  synthetic: number;
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
  s.writeDefault += c.writeDefault;
  s.write5m += c.write5m;
  s.write1h += c.write1h;
  s.search += c.search;
}

function emptySums(): Sums {
  return { records: 0, hit: 0n, miss: 0n, output: 0n, reasoning: 0n, writeDefault: 0n, write5m: 0n, write1h: 0n, search: 0n };
}

function tokenCounts(s: Sums): TokenCounts {
  const writes = s.writeDefault + s.write5m + s.write1h;
  return {
    input_cache_hit: Exact.int(s.hit), input_cache_miss: Exact.int(s.miss), output: Exact.int(s.output), reasoning: Exact.int(s.reasoning),
    ...(writes !== 0n ? { input_cache_write: Exact.int(writes) } : {}),
  };
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
    else if (d === "session" || d === "project") {
      const v = f.tags[c.tag]?.[d];
      key[d] = v === undefined ? NO_TAG : escapeControl(v); // from the file: never printed raw
    }
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

/**
 * The priced lines of a group's cells: one per (model, billed as, version, window, tier and
 * service tier, bucket, retention, fee), priced by the core's rate sheet like an estimate.
 */
function linesOf(book: RateBook, cells: Cell[], convert?: (res: Resolution) => Resolution): UsageLine[] {
  const merged = new Map<string, { cell: Cell; sums: Sums }>();
  const fees = new Map<string, { cell: Cell; count: bigint }>();
  for (const c of cells) {
    const res = c.span.res!;
    const version = `${c.span.model}\u0000${res.billedAs ?? ""}\u0000${res.version.from}\u0000${res.version.card}`;
    const k = `${version}\u0000${c.window}\u0000${c.variant.tier}\u0000${c.variant.serviceTier ?? ""}`;
    let m = merged.get(k);
    if (!m) merged.set(k, (m = { cell: c, sums: emptySums() }));
    addTo(m.sums, c);
    if (c.search !== 0n) {
      const fk = `${version}\u0000${c.variant.fee}`;
      const f = fees.get(fk);
      if (f) f.count += c.search;
      else fees.set(fk, { cell: c, count: c.search });
    }
  }
  const lines: UsageLine[] = [];
  for (const { cell, sums } of merged.values()) {
    const res = cell.span.res!;
    const priced = convert ? convert(res) : res; // in the report currency (--currency, --fx)
    const v = res.version;
    const variant = cell.variant;
    const tier = variant.tier >= 0 ? priced.version.tiers![variant.tier] : undefined;
    const mods = variant.modifiers.map((m) => priced.version.modifiers?.[m.name] ?? m);
    const sheet = new RateSheet(priceSetOf(cell, priced), tier, mods, priced);
    const base = {
      model: cell.span.model,
      billedAs: res.billedAs,
      priceFrom: v.from,
      card: v.card,
      provider: book.cards.find((c) => c.file === v.card)?.provider,
      window: windowOf(cell.window),
    };
    const push = (bucket: "input_cache_hit" | "input_cache_miss" | "input_cache_write" | "output", tokens: bigint, retention?: string) => {
      if (tokens === 0n) return;
      const t = Exact.int(tokens);
      const named = retention === undefined ? {} : { retention: { key: retention, name: retention === "" ? (v.defaultRetention ?? null) : retention } };
      lines.push({ ...base, ...billedLine({ bucket, priced: bucket, tokens: t, ...named }, base.window, t, sheet), bucket });
    };
    push("input_cache_hit", sums.hit);
    push("input_cache_miss", sums.miss);
    const writes = new Map<string, bigint>();
    for (const [key, n] of [["", sums.writeDefault], ["5m", sums.write5m], ["1h", sums.write1h]] as const) {
      if (n === 0n) continue;
      const k = versionRetention(LOG, res, key); // checked per record: known here
      writes.set(k, (writes.get(k) ?? 0n) + n);
    }
    for (const [k, n] of [...writes].sort(([a], [b]) => compareRetentions(a, b))) push("input_cache_write", n, k);
    push("output", sums.output);
  }
  for (const { cell, count: n } of fees.values()) {
    const res = cell.span.res!;
    const priced = convert ? convert(res) : res;
    const fv = res.fees!.search!.versions[cell.variant.fee]!;
    const price = feeVersionPrice(fv, res.currency, priced.currency, priced.fx);
    if (!price) throw new InputError(`the "search" fee of "${cell.span.model}" has no published ${priced.currency} price`, `give --fx RATE to convert from ${res.currency}`);
    const count = Exact.int(n);
    lines.push({
      model: cell.span.model, billedAs: res.billedAs, priceFrom: res.version.from, card: res.version.card,
      provider: book.cards.find((c) => c.file === res.version.card)?.provider, window: null,
      bucket: "request_fee", tokens: Exact.ZERO, rate: price, cost: count.mul(price).div(fv.per!), fee: "search", count, per: fv.per!,
    });
  }
  return lines.sort(
    (a, b) =>
      compareNames(a.model, b.model) ||
      a.priceFrom - b.priceFrom ||
      WINDOW_ORDER[a.window ?? "flat"]! - WINDOW_ORDER[b.window ?? "flat"]! ||
      cmp(a.tier ?? "", b.tier ?? "") ||
      cmp((a.modifiers ?? []).join(), (b.modifiers ?? []).join()) ||
      BUCKETS.indexOf(a.bucket) - BUCKETS.indexOf(b.bucket), // stable: the default retention stays first
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
    synthetic: facts.synthetic,
    outsidePeriod: facts.outsidePeriod,
    ...(facts.clock.timeZone !== "UTC" ? { timeZone: facts.clock.timeZone } : {}),
  };
}
