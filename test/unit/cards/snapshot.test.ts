// The build-time snapshot of the built-in cards rebuilds exactly what the YAML loader produces.
import { describe, expect, it } from "vitest";
import { BUILTIN_CARDS, parseBuiltin } from "../../../src/cards/builtin.js";
import { mergeCards } from "../../../src/cards/merge.js";
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

  it("passes every reference check for every built-in card (the CLI skips them for unchanged built-in models)", () => {
    const book = mergeCards(BUILTIN_CARDS.map(parseBuiltin), { checkBuiltIn: true });
    expect(book.cards.map((c) => c.provider)).toEqual(["deepseek", "anthropic", "openai", "google"]);
  });

  it("parses a card's versions only when one of its models is first read", () => {
    const [, anthropic] = fromSnapshot(toSnapshot(BUILTIN_CARDS.map(parseBuiltin)));
    const opus = anthropic!.models.find((m) => m.id === "claude-opus-4-6")!;
    expect(Object.getOwnPropertyDescriptor(opus, "versions")!.get).toBeTypeOf("function"); // not read yet
    expect(opus.versions.map((v) => v.from)).toEqual([Date.parse("2026-02-05T00:00:00Z"), Date.parse("2026-03-13T00:00:00Z")]);
    expect(opus.byDefault).toBe(false); // known without reading the versions
  });
});
