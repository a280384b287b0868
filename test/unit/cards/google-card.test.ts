// The built-in Google card against the fact sheet: every version boundary, both sides, figures typed from the sheet.
import { describe, expect, it } from "vitest";
import { billed, boundaryTests, type Boundary } from "../../helpers/cards.js";

const R = " | reported";
const FL = " | batch x0.5 | flex x0.5";
const FLASH = " | ctx 1048576 out 65536";
const INTRO = `0.075 / 0.75 / 3.75${FL}${FLASH}${R}`; // 3.6 / 3.8 Flash introductory price, to 2026-12-31
const AFTER = `0.15 / 1.5 / 7.5${FL}${FLASH}${R}`; // from 2027-01-01

// [model, boundary, sheet says just before, sheet says at the boundary]
const BOUNDARIES: Boundary[] = [
  ["gemini-4-argon", "2026-10-13", "no price", `0.1 / 2 / 10 | batch x0.5 | ctx 1048576 out -${R}`],
  // the introductory price ends 2026-11-30: prices double on 2026-12-01
  ["gemini-4-argon", "2026-12-01", `0.1 / 2 / 10 | batch x0.5 | ctx 1048576 out -${R}`, `0.2 / 4 / 20 | batch x0.5 | ctx 1048576 out -${R}`],
  ["gemini-4-neon", "2026-11-18", "no price", `0.15 / 3 / 15${FL} | priority x1.8 | ctx 1000000 out 65000${R}`],
  ["gemini-4-hydrogen", "2026-11-18", "no price", `0.075 / 1.5 / 7.5${FL} | priority x1.8${R}`],
  ["gemini-3.8-flash", "2026-09-02", "no price", INTRO],
  ["gemini-3.8-flash", "2027-01-01", INTRO, AFTER],
  ["gemini-3.6-flash", "2026-07-21", "no price", INTRO],
  ["gemini-3.6-flash", "2027-01-01", INTRO, AFTER],
  ["gemini-3.5-flash-lite", "2026-07-21", "no price", `0.03 / 0.3 / 2.5${FL}${FLASH}${R}`],
  ["gemini-3.1-pro-preview", "2026-02-19", "no price", `0.2 / 2 / 12 | >200000: 0.4 / 4 / 18 | batch x0.5${R}`],
  ["gemini-3.1-flash-lite", "2026-05-07", "no price", `0.025 / 0.25 / 1.5 | batch x0.5${R}`],
  ["gemini-3.1-flash-lite-preview", "2026-05-25", "no price", "retired"],
  ["gemini-3.7-flash", "2026-08-13", "no price", `0.075 / 0.75 / 3.75${FL} | priority x1.8${R}`],
  // deprecated and auto-routed to 3.8 Flash, billed at its price
  ["gemini-3.7-flash", "2026-10-08", `0.075 / 0.75 / 3.75${FL} | priority x1.8${R}`, `0.075 / 0.75 / 3.75${FL} | as gemini-3.8-flash${FLASH}${R}`],
  ["gemini-3.5-flash", "2026-05-19", "no price", `0.15 / 1.5 / 9${FL}${R}`],
  ["gemini-3.5-flash", "2026-10-08", `0.15 / 1.5 / 9${FL}${R}`, `0.075 / 0.75 / 3.75${FL} | as gemini-3.6-flash${FLASH}${R}`],
  ["gemini-3-pro-preview", "2025-11-18", "no price", `0.2 / 2 / 12 | >200000: 0.4 / 4 / 18 | batch x0.5${R}`],
  ["gemini-pro-latest", "2026-01-21", "no price", `0.2 / 2 / 12 | >200000: 0.4 / 4 / 18 | batch x0.5 | as gemini-3-pro-preview${R}`],
  ["gemini-3-flash-preview", "2025-12-19", "no price", `0.05 / 0.5 / 3 | batch x0.5${R}`],
  ["gemini-flash-latest", "2026-01-21", "no price", `0.05 / 0.5 / 3 | batch x0.5 | as gemini-3-flash-preview${R}`],
  ["gemini-2.5-pro", "2025-01-01", "no price", `0.125 / 1.25 / 10 | >200000: 0.25 / 2.5 / 15 | batch x0.5${R}`],
  ["gemini-2.5-flash", "2025-01-01", "no price", `0.03 / 0.3 / 2.5 | batch x0.5${R}`],
  ["gemini-2.5-flash-preview-09-25", "2026-02-17", "no price", "retired"],
  ["gemini-2.5-flash-lite", "2025-01-01", "no price", `0.01 / 0.1 / 0.4 | batch x0.5${R}`],
  ["gemini-2.0-flash", "2026-06-01", "no price", "retired"],
  ["gemini-2.0-flash-lite", "2026-06-01", "no price", "retired"],
];

describe("built-in Google card", () => {
  boundaryTests("google", BOUNDARIES);

  it("routes Gemini 3.7 Flash to 3.8 Flash's price after its introductory price ends too", () => {
    expect(billed("gemini-3.7-flash", "2027-01-01")).toBe(`0.15 / 1.5 / 7.5${FL} | as gemini-3.8-flash${FLASH}${R}`);
  });
});
