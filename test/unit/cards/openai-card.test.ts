// The built-in OpenAI card against the fact sheet: every version boundary, both sides, figures typed from the sheet.
import { describe, expect, it } from "vitest";
import { BOOK, boundaryTests, type Boundary } from "../../helpers/cards.js";

const F = (k = "2") => ` | batch x0.5 | fast x${k} | priority x${k} | regional x1.1`; // fast = the former priority
const B = " | batch x0.5 | regional x1.1";
const L = " | ctx 1050000 out 128000";
const R = " | reported";
const PROMO = `0.4 / 4 / 20 w 5 | >272000: 0.8 / 8 / 30 w 10 | batch x0.5 | fast = 1 / 10 / 60 w 12.5 | priority = 1 / 10 / 60 w 12.5 | regional x1.1${R}`;
const old = (p: string) => `${p} | batch x0.5${R}`;

// [model, boundary, sheet says just before, sheet says at the boundary]
const BOUNDARIES: Boundary[] = [
  ["gpt-6.2-astra", "2026-11-17", "no price", `0.4 / 8 / 40 w 10 | >272000: 0.8 / 16 / 60 w 20${F()}${L}${R}`],
  ["gpt-6.2-sol", "2026-11-17", "no price", `0.1 / 2 / 10 w 2.5 w12h 5 | >272000: 0.2 / 4 / 15 w 5 w12h 10${F()} | ultrafast x3${L}${R}`],
  // Ultrafast 3x -> 6x on 2027-03-01; token prices unchanged
  ["gpt-6.2-sol", "2027-03-01", `0.1 / 2 / 10 w 2.5 w12h 5 | >272000: 0.2 / 4 / 15 w 5 w12h 10${F()} | ultrafast x3${L}${R}`, `0.1 / 2 / 10 w 2.5 w12h 5 | >272000: 0.2 / 4 / 15 w 5 w12h 10${F()} | ultrafast x6${L}`],
  ["gpt-6.1-sol", "2026-09-29", "no price", `0.1 / 2 / 10 w 2.5 | >272000: 0.2 / 4 / 15 w 5${F()}${R}`],
  ["gpt-6-astra", "2026-09-03", "no price", `1 / 10 / 50 w 12.5 | >272000: 2 / 20 / 75 w 25 | batch x0.5 | fast x2 | flex x0.5 | priority x2 | regional x1.1${L}${R}`],
  ["gpt-6-sol", "2026-09-22", "no price", `0.2 / 2 / 10 w 2.5 | >272000: 0.4 / 4 / 15 w 5${F()}${L}${R}`],
  ["gpt-6-luna", "2026-09-22", "no price", `0.01 / 0.1 / 0.5 w 0.125 | >272000: 0.02 / 0.2 / 0.75 w 0.25${F()}${L}${R}`],
  ["gpt-5.6-sol", "2026-07-09", "no price", `0.5 / 5 / 30 w 6.25 | >272000: 1 / 10 / 45 w 12.5${F()}${R}`],
  ["gpt-5.6-sol", "2026-08-24", `0.5 / 5 / 30 w 6.25 | >272000: 1 / 10 / 45 w 12.5${F()}${R}`, PROMO],
  // after 2026-11-21 the price is unknown: the card keeps the last published one, reported
  ["gpt-5.6-sol", "2026-11-22", PROMO, PROMO],
  ["gpt-5.6-terra", "2026-07-09", "no price", `0.25 / 2.5 / 15 w 3.125 | >272000: 0.5 / 5 / 22.5 w 6.25${B}${R}`],
  ["gpt-5.6-terra", "2026-07-30", `0.25 / 2.5 / 15 w 3.125 | >272000: 0.5 / 5 / 22.5 w 6.25${B}${R}`, `0.2 / 2 / 12 w 2.5 | >272000: 0.4 / 4 / 18 w 5${F()}${R}`],
  ["gpt-5.6-luna", "2026-07-09", "no price", `0.1 / 1 / 6 w 1.25 | >272000: 0.2 / 2 / 9 w 2.5${B}${R}`],
  ["gpt-5.6-luna", "2026-07-30", `0.1 / 1 / 6 w 1.25 | >272000: 0.2 / 2 / 9 w 2.5${B}${R}`, `0.02 / 0.2 / 1.2 w 0.25 | >272000: 0.04 / 0.4 / 1.8 w 0.5${F()}${R}`],
  ["gpt-5.5", "2026-04-23", "no price", `0.5 / 5 / 30 | >272000: 1 / 10 / 45${F("2.5")}${R}`],
  ["gpt-5.5-pro", "2026-04-23", "no price", `30 / 30 / 180 | >272000: 60 / 60 / 270${B}${R}`],
  ["gpt-5.4", "2026-03-05", "no price", `0.25 / 2.5 / 15 | >272000: 0.5 / 5 / 22.5${F()}${L}${R}`],
  ["gpt-5.4-pro", "2026-03-05", "no price", `30 / 30 / 180 | >272000: 60 / 60 / 270${B}${R}`],
  ["gpt-5.4-mini", "2026-03-17", "no price", `0.075 / 0.75 / 4.5${F()}${R}`],
  ["gpt-5.4-nano", "2026-03-17", "no price", `0.02 / 0.2 / 1.25${B}${R}`],
  ["gpt-5.2", "2025-12-11", "no price", `0.175 / 1.75 / 14 | batch x0.5 | fast x2 | priority x2${R}`],
  ["gpt-5.2-pro", "2025-12-11", "no price", old("21 / 21 / 168")],
  ["gpt-5.1", "2025-11-13", "no price", `0.125 / 1.25 / 10 | batch x0.5 | fast x2 | priority x2${R}`],
  ["gpt-5", "2025-08-07", "no price", `0.125 / 1.25 / 10 | batch x0.5 | fast x2 | priority x2${R}`],
  ["gpt-5-mini", "2025-08-07", "no price", old("0.025 / 0.25 / 2")],
  ["gpt-5-nano", "2025-08-07", "no price", old("0.005 / 0.05 / 0.4")],
  ["gpt-5-pro", "2025-10-06", "no price", old("15 / 15 / 120")],
  ["gpt-4.1", "2025-01-01", "no price", old("0.5 / 2 / 8")],
  ["gpt-4.1-mini", "2025-01-01", "no price", old("0.1 / 0.4 / 1.6")],
  ["gpt-4.1-nano", "2025-01-01", "no price", old("0.025 / 0.1 / 0.4")],
  ["gpt-4o", "2025-01-01", "no price", old("1.25 / 2.5 / 10")],
  ["gpt-4o-2024-05-13", "2025-01-01", "no price", old("5 / 5 / 15")],
  ["gpt-4o-mini", "2025-01-01", "no price", old("0.075 / 0.15 / 0.6")],
  ["o1", "2025-01-01", "no price", old("7.5 / 15 / 60")],
  ["o1-pro", "2025-01-01", "no price", old("150 / 150 / 600")],
  ["o3-pro", "2025-01-01", "no price", old("20 / 20 / 80")],
  ["o3", "2025-06-10", "no price", old("0.5 / 2 / 8")],
  ["o4-mini", "2025-01-01", "no price", old("0.275 / 1.1 / 4.4")],
  ["o3-mini", "2025-01-01", "no price", old("0.55 / 1.1 / 4.4")],
  ["gpt-3.5-turbo", "2025-01-01", "no price", old("0.5 / 0.5 / 1.5")],
];

describe("built-in OpenAI card", () => {
  boundaryTests("openai", BOUNDARIES);

  it("says the GPT-5.6 Sol price after the promotion is unknown, and marks it reported", () => {
    const v = [...BOOK.models.values()].find((m) => m.id === "gpt-5.6-sol")!.versions.at(-1)!;
    expect(v.confidence).toBe("reported");
    expect(v.note).toMatch(/^UNKNOWN PRICE: the promotion was guaranteed only through 2026-11-21/);
  });
});
