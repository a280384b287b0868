// The built-in Anthropic card against the fact sheet: every version boundary, both sides, figures typed from the sheet.
import { describe, expect, it } from "vitest";
import { lookupModel } from "../../../src/core/names.js";
import { BOOK, boundaryTests, type Boundary } from "../../helpers/cards.js";
import { formatInstant } from "../../../src/core/instant.js";

const M = " | batch x0.5 | us x1.1"; // batch 50%, US-only inference 1.1x (Opus 4.6 and later)
const MF = (k: string) => ` | batch x0.5 | fast x${k} | us x1.1`;
const BIG = " | ctx 1000000 out 128000";
const R = " | reported";

// [model, boundary, sheet says just before, sheet says at the boundary]
const BOUNDARIES: Boundary[] = [
  ["claude-fable-5-2", "2026-11-09", "no price", `0.2 / 8 / 40 w 10 w1h 16${M}${BIG}${R}`],
  ["claude-mythos-5-2", "2026-11-09", "no price", `0.2 / 8 / 40 w 10 w1h 16${M} | as claude-fable-5-2${BIG}${R}`],
  ["claude-fable-5-1", "2026-09-01", "no price", `0.25 / 10 / 50 w 12.5 w1h 20${M}${BIG}`],
  ["claude-mythos-5-1", "2026-09-01", "no price", `0.25 / 10 / 50 w 12.5 w1h 20${M} | as claude-fable-5-1${BIG}`],
  ["claude-opus-5-5", "2026-09-22", "no price", `0.2 / 4 / 20 w 5 w1h 8${MF("2")}${BIG}${R}`],
  ["claude-sonnet-5-5", "2026-09-28", "no price", `0.2 / 2 / 10 w 2.5 w1h 4${M}${BIG}${R}`],
  ["claude-sonnet-5-5", "2026-10-07", `0.2 / 2 / 10 w 2.5 w1h 4${M}${BIG}${R}`, `0.1 / 2 / 10 w 2.5 w1h 4${M}${BIG}`],
  ["claude-haiku-5-5", "2026-10-07", "no price", `0.01 / 0.1 / 0.5 w 0.125 w1h 0.2 | >100000: 0.05 / 0.5 / 2.5 w 0.625 w1h 1${M}${BIG}${R}`],
  ["claude-haiku-4-5", "2025-10-15", "no price", "0.1 / 1 / 5 w 1.25 w1h 2 | batch x0.5 | ctx 200000 out 64000"],
  ["claude-fable-5", "2026-06-09", "no price", `1 / 10 / 50 w 12.5 w1h 20${M}${BIG}`],
  ["claude-mythos-5", "2026-06-09", "no price", `1 / 10 / 50 w 12.5 w1h 20${M} | as claude-fable-5${BIG}`],
  ["claude-opus-5", "2026-07-24", "no price", `0.5 / 5 / 25 w 6.25 w1h 10${MF("2")}${BIG}`],
  ["claude-sonnet-5", "2026-06-30", "no price", `0.2 / 2 / 10 w 2.5 w1h 4${M}${BIG}`],
  // the cancelled increase: still 2 / 10 after 2026-09-01, never 3 / 15
  ["claude-sonnet-5", "2026-09-01", `0.2 / 2 / 10 w 2.5 w1h 4${M}${BIG}`, `0.2 / 2 / 10 w 2.5 w1h 4${M}${BIG}`],
  ["claude-opus-4-8", "2026-05-28", "no price", `0.5 / 5 / 25 w 6.25 w1h 10${MF("2")} | ctx 1000000 out -${R}`],
  ["claude-opus-4-8", "2026-11-30", `0.5 / 5 / 25 w 6.25 w1h 10${MF("2")} | ctx 1000000 out -${R}`, `0.5 / 5 / 25 w 6.25 w1h 10${M} | ctx 1000000 out -`],
  ["claude-opus-4-7", "2026-04-16", "no price", `0.5 / 5 / 25 w 6.25 w1h 10${MF("6")} | ctx 1000000 out -${R}`],
  ["claude-opus-4-7", "2026-07-24", `0.5 / 5 / 25 w 6.25 w1h 10${MF("6")} | ctx 1000000 out -${R}`, `0.5 / 5 / 25 w 6.25 w1h 10${M} | ctx 1000000 out -`],
  ["claude-opus-4-6", "2026-02-05", "no price", `0.5 / 5 / 25 w 6.25 w1h 10 | >200000: 1 / 10 / 37.5 w 12.5 w1h 20${MF("6")}${BIG}`],
  ["claude-opus-4-6", "2026-03-13", `0.5 / 5 / 25 w 6.25 w1h 10 | >200000: 1 / 10 / 37.5 w 12.5 w1h 20${MF("6")}${BIG}`, `0.5 / 5 / 25 w 6.25 w1h 10${MF("6")}${BIG}${R}`],
  ["claude-sonnet-4-6", "2026-02-17", "no price", `0.3 / 3 / 15 w 3.75 w1h 6 | >200000: 0.6 / 6 / 22.5 w 7.5 w1h 12${M}${BIG}`],
  ["claude-sonnet-4-6", "2026-03-13", `0.3 / 3 / 15 w 3.75 w1h 6 | >200000: 0.6 / 6 / 22.5 w 7.5 w1h 12${M}${BIG}`, `0.3 / 3 / 15 w 3.75 w1h 6${M}${BIG}${R}`],
  ["claude-opus-4-5", "2025-11-24", "no price", `0.5 / 5 / 25 w 6.25 w1h 10 | batch x0.5 | ctx 200000 out 64000${R}`],
  ["claude-sonnet-4-5", "2025-09-29", "no price", "0.3 / 3 / 15 w 3.75 w1h 6 | >200000: 0.6 / 6 / 22.5 w 7.5 w1h 12 | batch x0.5"],
  ["claude-sonnet-4-5", "2026-11-30", "0.3 / 3 / 15 w 3.75 w1h 6 | >200000: 0.6 / 6 / 22.5 w 7.5 w1h 12 | batch x0.5", "retired"],
  ["claude-opus-4-1", "2025-08-05", "no price", `1.5 / 15 / 75 w 18.75 w1h 30 | batch x0.5${R}`],
  ["claude-opus-4-1", "2026-08-05", `1.5 / 15 / 75 w 18.75 w1h 30 | batch x0.5${R}`, "retired"],
  ["claude-opus-4", "2025-05-14", "no price", `1.5 / 15 / 75 w 18.75 w1h 30 | batch x0.5${R}`],
  ["claude-opus-4", "2026-06-15", `1.5 / 15 / 75 w 18.75 w1h 30 | batch x0.5${R}`, "retired"],
  ["claude-sonnet-4", "2025-05-14", "no price", `0.3 / 3 / 15 w 3.75 w1h 6 | >200000: 0.6 / 6 / 22.5 w 7.5 w1h 12 | batch x0.5${R}`],
  ["claude-sonnet-4", "2026-06-15", `0.3 / 3 / 15 w 3.75 w1h 6 | >200000: 0.6 / 6 / 22.5 w 7.5 w1h 12 | batch x0.5${R}`, "retired"],
  ["claude-3-7-sonnet", "2025-02-19", "no price", `0.3 / 3 / 15 w 3.75 w1h 6 | batch x0.5${R}`],
  ["claude-3-7-sonnet", "2026-02-19", `0.3 / 3 / 15 w 3.75 w1h 6 | batch x0.5${R}`, "retired"],
  ["claude-3-5-haiku", "2024-10-22", "no price", `0.08 / 0.8 / 4 w 1 w1h 1.6 | batch x0.5${R}`],
  ["claude-3-5-haiku", "2026-09-07", `0.08 / 0.8 / 4 w 1 w1h 1.6 | batch x0.5${R}`, "retired"],
  ["claude-3-haiku", "2024-03-07", "no price", `0.03 / 0.25 / 1.25 w 0.3 w1h 0.5 | batch x0.5${R}`],
  ["claude-3-haiku", "2026-09-27", `0.03 / 0.25 / 1.25 w 0.3 w1h 0.5 | batch x0.5${R}`, "retired"],
  ["claude-3-opus", "2024-02-29", "no price", `1.5 / 15 / 75 w 18.75 w1h 30 | batch x0.5${R}`],
  ["claude-3-opus", "2026-09-21", `1.5 / 15 / 75 w 18.75 w1h 30 | batch x0.5${R}`, "retired"],
  ["claude-3-5-sonnet", "2024-06-20", "no price", `0.3 / 3 / 15 w 3.75 w1h 6 | batch x0.5${R}`],
  ["claude-3-5-sonnet", "2025-10-28", `0.3 / 3 / 15 w 3.75 w1h 6 | batch x0.5${R}`, "retired"],
];

describe("built-in Anthropic card", () => {
  boundaryTests("anthropic", BOUNDARIES);

  it("resolves Claude Code's dated snapshot ids to their models", () => {
    for (const [snap, model] of [
      ["claude-sonnet-4-20250514", "claude-sonnet-4"], ["claude-sonnet-4-5-20250929", "claude-sonnet-4-5"], ["claude-opus-4-5-20251101", "claude-opus-4-5"],
      ["claude-haiku-4-5-20251001", "claude-haiku-4-5"], ["claude-opus-4-1-20250805", "claude-opus-4-1"], ["claude-3-5-sonnet-20241022", "claude-3-5-sonnet"],
    ]) expect(lookupModel(BOOK, snap!).id).toBe(model);
  });

  it("names the card's provider page and its check date", () => {
    const info = BOOK.cards.find((c) => c.provider === "anthropic")!;
    expect([info.file, info.source, formatInstant(info.checked!)]).toEqual(["rates/anthropic.yaml", "https://platform.claude.com/docs/en/about-claude/pricing", "2026-12-01T00:00:00Z"]);
  });
});
