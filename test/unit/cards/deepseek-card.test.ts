// The built-in DeepSeek card against the researched price sheet: every version boundary, both sides.
import { describe, expect, it } from "vitest";
import { loadRateCards } from "../../../src/cards/load.js";
import { parseInstant } from "../../../src/core/instant.js";
import { resolvePrice } from "../../../src/core/resolve.js";
import type { PriceSet } from "../../../src/core/types.js";

const book = loadRateCards();
const at = (t: string) => parseInstant(t);
const text = (p: PriceSet | undefined) => (p ? [p.input_cache_hit, p.input_cache_miss, p.output].map((x) => x.toDecimal()).join(" / ") : "none");

/** What the sheet says applies: flat "hit / miss / output", or peak and off-peak. */
interface Expect {
  flat?: string;
  peak?: string;
  offPeak?: string;
  billedAs?: string | null;
}

function priced(model: string, t: string): Expect {
  const r = resolvePrice(book, model, at(t));
  const v = r.version;
  return v.flat ? { flat: text(v.flat), billedAs: r.billedAs } : { peak: text(v.peak), offPeak: text(v.offPeak), billedAs: r.billedAs };
}

// [model, boundary instant, expected just before, expected at the boundary] — figures typed from the sheet.
const BOUNDARIES: [string, string, Expect | string, Expect][] = [
  ["deepseek-v4-flash", "2026-04-26T12:15Z", { flat: "0.028 / 0.14 / 0.28", billedAs: null }, { flat: "0.0028 / 0.14 / 0.28", billedAs: null }],
  ["deepseek-v4-flash", "2026-08-16T16:00Z", { flat: "0.0028 / 0.14 / 0.28", billedAs: null }, { peak: "0.014 / 0.44 / 1.32", offPeak: "0.007 / 0.22 / 0.66", billedAs: null }],
  ["deepseek-v4-flash", "2026-09-10T04:00Z", { peak: "0.014 / 0.44 / 1.32", offPeak: "0.007 / 0.22 / 0.66", billedAs: null }, { peak: "0.006 / 0.3 / 1.2", offPeak: "0.003 / 0.15 / 0.6", billedAs: "deepseek-flash" }],
  ["deepseek-flash", "2026-09-10T04:00Z", "no price", { peak: "0.006 / 0.3 / 1.2", offPeak: "0.003 / 0.15 / 0.6", billedAs: null }],
  ["deepseek-v4-pro", "2026-04-24", "no price", { flat: "0.145 / 1.74 / 3.48", billedAs: null }],
  ["deepseek-v4-pro", "2026-04-26T12:15Z", { flat: "0.145 / 1.74 / 3.48", billedAs: null }, { flat: "0.003625 / 0.435 / 0.87", billedAs: null }],
  ["deepseek-v4-pro", "2026-05-31T15:59Z", { flat: "0.003625 / 0.435 / 0.87", billedAs: null }, { flat: "0.003625 / 0.435 / 0.87", billedAs: null }],
  ["deepseek-v4-pro", "2026-08-16T16:00Z", { flat: "0.003625 / 0.435 / 0.87", billedAs: null }, { peak: "0.044 / 1.32 / 3.96", offPeak: "0.022 / 0.66 / 1.98", billedAs: null }],
  ["deepseek-chat", "2024-12-26", "no price", { flat: "0.014 / 0.14 / 0.28", billedAs: null }],
  ["deepseek-chat", "2025-02-08T16:00Z", { flat: "0.014 / 0.14 / 0.28", billedAs: null }, { flat: "0.07 / 0.27 / 1.1", billedAs: null }],
  ["deepseek-chat", "2025-02-26T16:30Z", { flat: "0.07 / 0.27 / 1.1", billedAs: null }, { peak: "0.07 / 0.27 / 1.1", offPeak: "0.035 / 0.135 / 0.55", billedAs: null }],
  ["deepseek-chat", "2025-09-05T16:00Z", { peak: "0.07 / 0.27 / 1.1", offPeak: "0.035 / 0.135 / 0.55", billedAs: null }, { flat: "0.07 / 0.56 / 1.68", billedAs: null }],
  ["deepseek-chat", "2025-09-29", { flat: "0.07 / 0.56 / 1.68", billedAs: null }, { flat: "0.028 / 0.28 / 0.42", billedAs: null }],
  ["deepseek-chat", "2026-04-24", { flat: "0.028 / 0.28 / 0.42", billedAs: null }, { flat: "0.028 / 0.14 / 0.28", billedAs: "deepseek-v4-flash" }],
  ["deepseek-reasoner", "2025-01-20", "no price", { flat: "0.14 / 0.55 / 2.19", billedAs: null }],
  ["deepseek-reasoner", "2025-02-26T16:30Z", { flat: "0.14 / 0.55 / 2.19", billedAs: null }, { peak: "0.14 / 0.55 / 2.19", offPeak: "0.035 / 0.135 / 0.55", billedAs: null }],
  ["deepseek-reasoner", "2025-09-05T16:00Z", { peak: "0.14 / 0.55 / 2.19", offPeak: "0.035 / 0.135 / 0.55", billedAs: null }, { flat: "0.07 / 0.56 / 1.68", billedAs: null }],
  ["deepseek-reasoner", "2025-09-29", { flat: "0.07 / 0.56 / 1.68", billedAs: null }, { flat: "0.028 / 0.28 / 0.42", billedAs: null }],
  ["deepseek-reasoner", "2026-04-24", { flat: "0.028 / 0.28 / 0.42", billedAs: null }, { flat: "0.028 / 0.14 / 0.28", billedAs: "deepseek-v4-flash" }],
];

describe("built-in DeepSeek card", () => {
  it.each(BOUNDARIES)("%s changes at %s", (model, boundary, before, after) => {
    const justBefore = new Date(at(boundary) - 1).toISOString();
    if (before === "no price") expect(() => resolvePrice(book, model, at(justBefore))).toThrow(/no price .* first price is from/);
    else expect(priced(model, justBefore)).toEqual(before);
    expect(priced(model, boundary)).toEqual(after);
  });

  it.each(["deepseek-chat", "deepseek-reasoner"])("%s is billed as V4-Flash until its retirement at 2026-07-24 15:59 UTC", (model) => {
    expect(priced(model, "2026-07-24T15:58:59Z").billedAs).toBe("deepseek-v4-flash");
    expect(() => resolvePrice(book, model, at("2026-07-24T15:59Z"))).toThrow(/retired at 2026-07-24 15:59 UTC; use "deepseek-v4-flash"/);
  });

  it("keeps deepseek-v4-pro at Pro prices after 2026-09-14 (the card follows the pricing page)", () => {
    expect(priced("deepseek-v4-pro", "2026-11-15")).toEqual({ peak: "0.044 / 1.32 / 3.96", offPeak: "0.022 / 0.66 / 1.98", billedAs: null });
  });

  it("records when it was checked, its currency and its source", () => {
    const card = book.cards.find((c) => c.file === "rates/deepseek.yaml")!;
    expect(card.currency).toBe("USD");
    expect(new Date(card.checked!).toISOString().slice(0, 10)).toBe("2026-12-01");
    expect(card.source).toMatch(/^https:\/\/api-docs\.deepseek\.com/);
  });

  it("follows the re-check of 2026-12-01: fees, CNY Flash prices, the vision model, limits, the weekend rule, known holidays", () => {
    // Search and Fetch: $0.75 (CNY 5) per 1,000 successful requests each, from 2026-10-17, on every model.
    const fees = resolvePrice(book, "deepseek-v4-pro", at("2026-10-17")).fees!;
    for (const id of ["search", "fetch"]) {
      const v = fees[id]!.versions;
      expect(v.map((x) => [new Date(x.from).toISOString(), x.price!.toDecimal(), x.per!.toDecimal(), x.currencies!.CNY!.toDecimal(), x.confidence])).toEqual([
        ["2026-10-17T00:00:00.000Z", "0.75", "1000", "5", "official"],
      ]);
    }
    // V4-Flash CNY from 2026-08-16 16:00: off-peak 0.05 / 1.5 / 4.5, peak 0.10 / 3 / 9.
    const cny = resolvePrice(book, "deepseek-v4-flash", at("2026-08-16T16:00Z")).version.currencies!.get("CNY")!;
    expect([text(cny.peak), text(cny.offPeak)]).toEqual(["0.1 / 3 / 9", "0.05 / 1.5 / 4.5"]);
    // deepseek-v4-flash-vision-exp: V4-Flash prices from 2026-08-21, routed to deepseek-flash from 2026-09-10.
    expect(() => priced("deepseek-v4-flash-vision-exp", "2026-08-20T23:59Z")).toThrow(/no price/);
    expect(priced("deepseek-v4-flash-vision-exp", "2026-08-21")).toEqual({ peak: "0.014 / 0.44 / 1.32", offPeak: "0.007 / 0.22 / 0.66", billedAs: null });
    expect(priced("deepseek-v4-flash-vision-exp", "2026-09-10T04:00Z")).toEqual({ peak: "0.006 / 0.3 / 1.2", offPeak: "0.003 / 0.15 / 0.6", billedAs: "deepseek-flash" });
    // Limits of deepseek-flash and deepseek-v4-pro: 1M context, 384K output.
    for (const m of ["deepseek-flash", "deepseek-v4-pro"]) {
      const v = resolvePrice(book, m, at("2026-12-01")).version;
      expect([v.contextWindow!.toDecimal(), v.maxOutput!.toDecimal()]).toEqual(["1000000", "384000"]);
    }
    // The weekend rule at the official instant, 2026-08-22 16:00 UTC (00:00 Beijing on Saturday 08-23).
    const cal = book.calendars.get("deepseek-peak")!;
    expect(cal.rules.map((r) => new Date(r.from).toISOString())).toEqual(["2026-08-16T16:00:00.000Z", "2026-08-22T16:00:00.000Z"]);
    expect(cal.holidaysKnownUntil).toBe(2026);
    // The resolved V4-Pro note.
    expect(resolvePrice(book, "deepseek-v4-pro", at("2026-12-01")).version.note).toMatch(/cancelled before that date/);
  });

  it("marks every version with a source and a confidence", () => {
    for (const m of book.models.values()) {
      for (const v of m.versions) {
        expect(v.source, `${m.id} ${v.from}`).toMatch(/^https:\/\//);
        expect(["official", "reported"]).toContain(v.confidence);
      }
    }
  });
});
