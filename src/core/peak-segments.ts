// A calendar flattened to UTC: the stretches of time that are peak or off-peak, DST and holidays included.

import { peakUnder, type LocalTime } from "./calendar.js";
import { localAt, ZoneClock } from "./forms/zone-clock.js";
import type { Instant } from "./instant.js";
import type { Calendar } from "./types.js";

const MINUTE = 60000;
const DAY = 86400000;

/** A stretch [start, end) of UTC time that one calendar bills wholly at peak or wholly off-peak. */
export interface PeakSegment {
  start: Instant;
  end: Instant;
  peak: boolean;
}

/**
 * The spans of [from, to) over which the zone's UTC offset is constant, each with its offset (ms),
 * as a ZoneClock finds them: probed once a day, a change found by bisection to the minute.
 */
function offsetSpans(from: Instant, to: Instant, timeZone: string): { start: Instant; end: Instant; offset: number }[] {
  const spans: { start: Instant; end: Instant; offset: number }[] = [];
  const zone = new ZoneClock(timeZone);
  for (let t = from; t < to; ) {
    const { offset, until } = zone.stretch(t);
    const end = Math.min(until, to);
    const last = spans[spans.length - 1];
    if (last && last.offset === offset) last.end = end;
    else spans.push({ start: t, end, offset });
    t = end;
  }
  return spans;
}

/**
 * Cuts [from, to) into maximal stretches that are all peak or all off-peak under `cal`, in time
 * order, as a generator (memory stays flat over any range). The candidate cuts are local
 * midnights, every rule's window edges (taken mod 24 h, so a window like 16:30-00:30 cuts at 16:30
 * and 00:30), offset changes (DST) and rule starts; between two consecutive candidates the local
 * date, the rule and the side of every window edge are fixed, so one evaluation per candidate
 * decides the stretch. Cost: a few candidates per local day; stretches with the same answer merge.
 */
export function* peakSegments(cal: Calendar, from: Instant, to: Instant): Generator<PeakSegment> {
  if (!(from < to)) return;
  const edges = new Set<number>([0]);
  for (const r of cal.rules) for (const [s, e] of r.windows) edges.add(s % 1440).add(e % 1440);
  const minutes = [...edges].sort((a, b) => a - b);
  const ruleStarts = cal.rules.map((r) => r.from).filter((t) => t > from && t < to);
  const local: LocalTime = { date: "", weekday: 0, minute: 0 };
  let ruleIndex = -1;
  const peakAt = (t: Instant, offset: number): boolean => {
    while (ruleIndex + 1 < cal.rules.length && cal.rules[ruleIndex + 1]!.from <= t) ruleIndex++;
    const rule = ruleIndex < 0 ? undefined : cal.rules[ruleIndex]!;
    return rule ? peakUnder(rule, localAt(t, offset, local), cal.holidays) : true; // before the first rule: peak, as isPeak says
  };
  let pending: PeakSegment | undefined;
  let last = -Infinity; // the latest cut taken
  let nextRule = 0;
  for (const span of offsetSpans(from, to, cal.timeZone)) {
    const offset = span.offset;
    // each cut opens a stretch that the next cut (or the span's end) closes
    let open: Instant | undefined;
    let openPeak = false;
    const cutsOf = function* (): Generator<Instant> {
      yield span.start;
      const firstDay = Math.floor((span.start + offset) / DAY);
      const lastDay = Math.floor((span.end - 1 + offset) / DAY);
      for (let d = firstDay; d <= lastDay; d++) {
        for (const m of minutes) {
          const t = d * DAY + m * MINUTE - offset;
          if (t <= span.start || t >= span.end) continue;
          while (nextRule < ruleStarts.length && ruleStarts[nextRule]! < t) yield ruleStarts[nextRule++]!;
          yield t;
        }
      }
      while (nextRule < ruleStarts.length && ruleStarts[nextRule]! < span.end) yield ruleStarts[nextRule++]!;
    };
    for (const cut of cutsOf()) {
      if (cut <= last) continue;
      last = cut;
      if (open !== undefined) {
        const seg = { start: open, end: cut, peak: openPeak };
        if (pending && pending.peak === seg.peak && pending.end === seg.start) pending.end = seg.end;
        else {
          if (pending) yield pending;
          pending = seg;
        }
      }
      open = cut;
      openPeak = peakAt(cut, offset);
    }
    if (open !== undefined) {
      if (pending && pending.peak === openPeak && pending.end === open) pending.end = span.end;
      else {
        if (pending) yield pending;
        pending = { start: open, end: span.end, peak: openPeak };
      }
    }
  }
  if (pending) yield pending;
}
