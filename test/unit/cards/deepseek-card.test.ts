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
    expect(new Date(card.checked!).toISOString().slice(0, 10)).toBe("2026-11-15");
    expect(card.source).toMatch(/^https:\/\/api-docs\.deepseek\.com/);
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
