// The build-time snapshot of the built-in cards rebuilds exactly what the YAML loader produces.
import { describe, expect, it } from "vitest";
import { BUILTIN_CARDS } from "../../../src/cards/builtin.js";
import { parseCard } from "../../../src/cards/parse-card.js";
import { fromSnapshot, toSnapshot } from "../../../src/cards/snapshot.js";

describe("card snapshot", () => {
  it("round-trips every built-in card, exact prices, holidays and locations included", () => {
    const parsed = BUILTIN_CARDS.map((c) => parseCard(c.text, c.file, true));
    const rebuilt = fromSnapshot(toSnapshot(parsed));
    expect(rebuilt).toEqual(parsed);
    const flash = rebuilt[0]!.models.find((m) => m.id === "deepseek-v4-flash")!;
    const v = flash.versions[0]!;
    expect(v.kind === "price" && v.flat!.input_cache_hit.toDecimal()).toBe("0.028");
    expect(v.kind === "price" && v.currencies!.get("CNY")!.flat!.input_cache_hit.toDecimal()).toBe("0.2"); // a Map survives
    expect(rebuilt[0]!.calendars.find((c) => c.name === "deepseek-peak")!.holidays.has("2026-10-01")).toBe(true);
  });
});
