// Price spans and the peak memo: the same answers as resolvePrice and isPeak, instant by instant.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadRateCards } from "../../../src/cards/load.js";
import { isPeak } from "../../../src/core/calendar.js";
import { resolvePrice } from "../../../src/core/resolve.js";
import { PriceTimeline } from "../../../src/usage/timeline.js";

const book = loadRateCards();
const at = (iso: string) => Date.parse(iso);

describe("PriceTimeline spans", () => {
  it("switch exactly at each version boundary, following aliases", () => {
    const tl = new PriceTimeline(book);
    const before = tl.lookup("deepseek-v4-flash", at("2026-08-16T15:59:59.999Z"));
    const after = tl.lookup("deepseek-v4-flash", at("2026-08-16T16:00:00Z"));
    expect(before.res!.version.flat).toBeDefined();
    expect(after.res!.version.peak).toBeDefined();
    expect(before.until).toBe(at("2026-08-16T16:00:00Z"));
    const aliased = tl.lookup("deepseek-v4-flash", at("2026-09-10T04:00:00Z"));
    expect(aliased.res!.billedAs).toBe("deepseek-flash");
    expect(tl.lookup("deepseek-v4-flash", at("2026-09-10T03:59:59.999Z")).res!.billedAs).toBeNull();
    // deepseek-chat is billed as v4-flash from 2026-04-24; its span also ends where v4-flash's version does
    const chat = tl.lookup("deepseek-chat", at("2026-04-25T00:00:00Z"));
    expect(chat.res!.billedAs).toBe("deepseek-v4-flash");
    expect(chat.until).toBe(at("2026-04-26T12:15:00Z"));
  });

  it("name the reason a model cannot be priced", () => {
    const tl = new PriceTimeline(book);
    expect(tl.lookup("acme-9o", 0).skip?.reason).toBe("unknown-model");
    expect(tl.lookup("deepseek-chat", at("2026-07-24T15:59:00Z")).skip?.reason).toBe("retired-model");
    expect(tl.lookup("deepseek-flash", at("2026-09-10T03:00:00Z")).skip?.reason).toBe("before-first-price");
    expect(tl.lookup("deepseek-flash", at("2026-09-10T04:00:00Z")).skip).toBeUndefined();
  });

  it("agree with resolvePrice at any instant, whatever the order of lookups", () => {
    const tl = new PriceTimeline(book);
    const models = [...book.models.keys(), "nope"];
    fc.assert(
      fc.property(fc.constantFrom(...models), fc.integer({ min: at("2024-12-01T00:00:00Z"), max: at("2027-01-01T00:00:00Z") }), (model, t) => {
        const span = tl.lookup(model, t);
        expect(t >= span.from && t < span.until).toBe(true);
        let res;
        try {
          res = resolvePrice(book, model, t);
        } catch {
          res = undefined;
        }
        expect(span.res?.version).toBe(res?.version);
        expect(span.res?.billedAs ?? null).toBe(res?.billedAs ?? null);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("peak memo", () => {
  it("agrees with isPeak on DeepSeek's calendars at any instant", () => {
    const tl = new PriceTimeline(book);
    const span = tl.lookup("deepseek-v4-pro", at("2026-09-01T00:00:00Z"));
    const cal = book.calendars.get("deepseek-peak")!;
    fc.assert(
      fc.property(fc.integer({ min: at("2026-08-16T16:00:00Z"), max: at("2027-01-01T00:00:00Z") }), (t) => {
        expect(tl.isPeak(span, t)).toBe(isPeak(cal, t));
      }),
      { numRuns: 5000 },
    );
  });

  /** A one-model book on a calendar in `zone` with the given rules (YAML list items). */
  function calendarBook(zone: string, rules: string) {
    const card = `
provider: test
currency: USD
calendars:
  c:
    time_zone: ${zone}
    holidays: [2026-10-03]
    rules:
${rules}
models:
  m:
    versions:
      - from: 2026-01-01
        calendar: c
        peak: { input_cache_hit: 1, input_cache_miss: 1, output: 1 }
        off_peak: { input_cache_hit: 1, input_cache_miss: 1, output: 1 }
`;
    const b = loadRateCards([{ file: "c.yaml", text: card }], { builtIn: false });
    const tl = new PriceTimeline(b);
    return { tl, cal: b.calendars.get("c")!, span: tl.lookup("m", at("2026-06-01T00:00:00Z")) };
  }

  function sweep(c: ReturnType<typeof calendarBook>, around: string[], from: string, to: string): void {
    for (const e of around.map(at)) {
      for (let t = e - 3600000; t < e + 3 * 3600000; t += 15000) expect(c.tl.isPeak(c.span, t), new Date(t).toISOString()).toBe(isPeak(c.cal, t));
    }
    fc.assert(
      fc.property(fc.integer({ min: at(from), max: at(to) }), (t) => {
        expect(c.tl.isPeak(c.span, t)).toBe(isPeak(c.cal, t));
      }),
      { numRuns: 3000 },
    );
  }

  it("agrees with isPeak in a zone with summer time, odd windows and a rule starting off the minute grid", () => {
    const c = calendarBook(
      "Europe/Berlin",
      `      - from: 2026-01-01
        peak_hours: ["02:30-03:15", "08:00-17:45"]
        days: weekdays
        holidays: off-peak
      - from: 2026-10-21T09:59:30Z
        off_peak_hours: ["10:00-14:00"]
        days: every-day
        holidays: normal`,
    );
    // the summer-time changes, and a rule that turns 11:59:30 local on a Wednesday from peak to off-peak
    expect(isPeak(c.cal, at("2026-10-21T09:59:29Z"))).toBe(true);
    expect(isPeak(c.cal, at("2026-10-21T09:59:30Z"))).toBe(false);
    sweep(c, ["2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z", "2026-10-21T09:59:30Z"], "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
  });

  it("agrees with isPeak when a zone's clock change falls inside a memo block", () => {
    // Antarctica/Troll moves between UTC+0 and UTC+2 at 01:00 UTC; two-hour windows make two-hour blocks
    const c = calendarBook(
      "Antarctica/Troll",
      `      - from: 2026-01-01
        peak_hours: ["02:00-04:00"]
        days: every-day
        holidays: normal`,
    );
    expect(isPeak(c.cal, at("2026-03-29T00:30:00Z"))).toBe(false); // 00:30 local
    expect(isPeak(c.cal, at("2026-03-29T01:30:00Z"))).toBe(true); // 03:30 local
    sweep(c, ["2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z"], "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
  });
});
