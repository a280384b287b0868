// User cards on top of the built-in ones: added models, precedence by `from`, conflicts and references.
import { describe, expect, it } from "vitest";
import { loadRateCards } from "../../../src/cards/load.js";
import { parseInstant } from "../../../src/core/instant.js";
import { resolvePrice } from "../../../src/core/resolve.js";

const card = (models: string, extra = "") => `currency: USD\n${extra}models:\n${models}`;
const negotiated = card(`  deepseek-v4-pro:
    versions:
      - from: 2026-06-01
        input_cache_hit: 0.002
        input_cache_miss: 0.3
        output: 0.6
`);

describe("loading user cards", () => {
  it("adds a version to a built-in model that takes precedence from its instant", () => {
    const book = loadRateCards([{ file: "mine.yaml", text: negotiated }]);
    const before = resolvePrice(book, "deepseek-v4-pro", parseInstant("2026-05-31"));
    const after = resolvePrice(book, "deepseek-v4-pro", parseInstant("2026-06-01"));
    expect(before.version.flat!.output.toDecimal()).toBe("0.87");
    expect(after.version.flat!.output.toDecimal()).toBe("0.6");
    expect(after.version.card).toBe("mine.yaml");
    // The built-in 2026-08-16 version still follows it.
    expect(resolvePrice(book, "deepseek-v4-pro", parseInstant("2026-09-01")).version.card).toBe("rates/deepseek.yaml");
  });

  it("replaces a built-in version that starts at the same instant", () => {
    const same = card(`  deepseek-v4-flash:
    versions:
      - from: 2026-04-24
        input_cache_hit: 0.01
        input_cache_miss: 0.1
        output: 0.2
`);
    const book = loadRateCards([{ file: "same.yaml", text: same }]);
    expect(resolvePrice(book, "deepseek-v4-flash", parseInstant("2026-04-25")).version.flat!.input_cache_hit.toDecimal()).toBe("0.01");
  });

  it("adds new models", () => {
    const book = loadRateCards([{ file: "new.yaml", text: card(`  acme-1:\n    versions:\n      - {from: 2026-01-01, input_cache_hit: 0.1, input_cache_miss: 1, output: 2}\n`) }]);
    expect(resolvePrice(book, "acme-1", parseInstant("2026-02-01")).version.flat!.output.toDecimal()).toBe("2");
  });

  it("rejects conflicting versions inside one card", () => {
    const twice = card(`  acme-1:
    versions:
      - {from: 2026-01-01, input_cache_hit: 0.1, input_cache_miss: 1, output: 2}
      - {from: 2026-01-01T00:00Z, input_cache_hit: 0.2, input_cache_miss: 1, output: 2}
`);
    expect(() => loadRateCards([{ file: "twice.yaml", text: twice }])).toThrow(/conflicting versions of "acme-1"/);
  });

  it("rejects a currency that differs from the model's built-in one", () => {
    const cny = `currency: CNY\nmodels:\n  deepseek-v4-pro:\n    versions:\n      - {from: 2026-06-01, input_cache_hit: 1, input_cache_miss: 2, output: 3}\n`;
    expect(() => loadRateCards([{ file: "cny.yaml", text: cny }])).toThrow(/priced in USD by an earlier card but in CNY here/);
  });

  it("rejects unknown calendars, unknown alias targets and alias loops", () => {
    const badCal = card(`  a:\n    versions:\n      - from: 2026-01-01\n        calendar: nope\n        peak: {input_cache_hit: 1, input_cache_miss: 1, output: 1}\n        off_peak: {input_cache_hit: 1, input_cache_miss: 1, output: 1}\n`);
    expect(() => loadRateCards([{ file: "c.yaml", text: badCal }])).toThrow(/unknown calendar "nope"/);
    const badAlias = card(`  a:\n    versions:\n      - {from: 2026-01-01, billed_as: deepseek-v4-flsh}\n`);
    expect(() => loadRateCards([{ file: "a.yaml", text: badAlias }])).toThrow(/unknown model "deepseek-v4-flsh"/);
    const loop = card(`  a:\n    versions:\n      - {from: 2026-01-01, billed_as: b}\n  b:\n    versions:\n      - {from: 2026-01-01, billed_as: a}\n`);
    expect(() => loadRateCards([{ file: "l.yaml", text: loop }])).toThrow(/model aliases form a loop at 2026-01-01: "a" -> "b" -> "a"/);
    // A chain that only loops later (b turns into an alias of a in March) is found at that instant.
    const later = card(`  a:\n    versions:\n      - {from: 2026-01-01, billed_as: b}\n  b:\n    versions:\n      - {from: 2026-01-01, input_cache_hit: 1, input_cache_miss: 1, output: 1}\n      - {from: 2026-03-01, billed_as: a}\n`);
    expect(() => loadRateCards([{ file: "l.yaml", text: later }])).toThrow(/loop at 2026-03-01: "b" -> "a" -> "b"/);
    // a -> b, then b -> a only after a has prices of its own: never a loop.
    const fine = card(`  a:\n    versions:\n      - {from: 2026-01-01, billed_as: b}\n      - {from: 2026-03-01, input_cache_hit: 1, input_cache_miss: 1, output: 1}\n  b:\n    versions:\n      - {from: 2026-01-01, input_cache_hit: 2, input_cache_miss: 2, output: 2}\n      - {from: 2026-04-01, billed_as: a}\n`);
    const book = loadRateCards([{ file: "f.yaml", text: fine }]);
    expect(resolvePrice(book, "b", parseInstant("2026-05-01")).billedAs).toBe("a");
  });

  it("takes a chain of 64 aliases and refuses 65, counting each chain once however its aliases are listed", () => {
    /** Aliases m0 -> m1 -> ... -> m{n}, priced at m{n}; listed in `order`. */
    const chain = (n: number, order: (i: number) => number = (i) => i) =>
      card(
        Array.from({ length: n + 1 }, (_, k) => order(k))
          .map((i) => (i < n ? `  m${i}:\n    versions:\n      - {from: 2026-01-01, billed_as: m${i + 1}}\n` : `  m${n}:\n    versions:\n      - {from: 2026-01-01, input_cache_hit: 1, input_cache_miss: 1, output: 1}\n`))
          .join(""),
      );
    const ok = loadRateCards([{ file: "c.yaml", text: chain(64) }]);
    expect(resolvePrice(ok, "m0", parseInstant("2026-02-01")).billedAs).toBe("m64");
    expect(() => loadRateCards([{ file: "c.yaml", text: chain(65) }])).toThrow(/model "m0" is billed through more than 64 aliases at 2026-01-01/);
    // Listed from the priced end back, each alias is one hop from a model already counted: the whole chain still counts.
    expect(() => loadRateCards([{ file: "c.yaml", text: chain(65, (k) => 65 - k) }])).toThrow(/model "m0" is billed through more than 64 aliases/);
  });

  it("rejects a version that mixes kinds, and prices that are not plain decimals", () => {
    const mixed = card(`  a:\n    versions:\n      - {from: 2026-01-01, billed_as: deepseek-v4-flash, output: 1}\n`);
    expect(() => loadRateCards([{ file: "m.yaml", text: mixed }])).toThrow(/exactly one of/);
    const neg = card(`  a:\n    versions:\n      - {from: 2026-01-01, input_cache_hit: -1, input_cache_miss: 1, output: 1}\n`);
    expect(() => loadRateCards([{ file: "n.yaml", text: neg }])).toThrow(/n.yaml|not a price/);
  });

  it("extends a built-in calendar's holidays from a user card", () => {
    const extra = `currency: USD\ncalendars:\n  deepseek-peak:\n    time_zone: Asia/Shanghai\n    holidays: [2026-12-31]\n    rules:\n      - {from: 2026-08-23, peak_hours: ["09:00-12:00", "14:00-18:00"], days: weekdays, holidays: off-peak}\nmodels: {}\n`;
    const book = loadRateCards([{ file: "h.yaml", text: extra }]);
    const cal = book.calendars.get("deepseek-peak")!;
    expect(cal.holidays.has("2026-12-31")).toBe(true);
    expect(cal.holidays.has("2026-10-01")).toBe(true);
  });
});
