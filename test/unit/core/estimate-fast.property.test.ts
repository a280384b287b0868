// The estimate's fast path gives exactly the general path's report, or steps aside (property and unit tests).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadRateCards } from "../../../src/cards/load.js";
import { Exact } from "../../../src/core/exact.js";
import { estimate, generalEstimate, type EstimateOptions } from "../../../src/core/estimate.js";
import { fastEstimate } from "../../../src/core/estimate-fast.js";
import { parseInstant } from "../../../src/core/instant.js";
import { resolvePrice, resolveSpan } from "../../../src/core/resolve.js";
import type { EstimateReport, Plan, RateBook, Workload } from "../../../src/core/types.js";

// The built-in cards plus one in EUR with a long-context tier, limits and rates of odd denominators.
const ACME = `provider: acme
currency: EUR
models:
  m:
    versions:
      - from: 2026-01-01
        input_cache_hit: 0.0333
        input_cache_miss: 1.7
        output: 2.125
        context_window: 9000
        max_output: 4000
        tiers:
          - above: 6000
            input_cache_hit: 0.07
            input_cache_miss: 3
            output: 4.5
      - from: 2026-06-01T03:00Z
        billed_as: anthropic/claude-sonnet-4-6
`;
const book = loadRateCards([{ file: "acme.yaml", text: ACME }]);
const HOUR = 3_600_000;
const models = [...book.models.keys()];
const deepseek = models.filter((m) => m.startsWith("deepseek/"));
// Every price change and calendar rule change of every card, so the instants land on both sides of each.
const changes = [...new Set([...book.models.values()].flatMap((m) => m.versions.map((v) => v.from)).concat([...book.calendars.values()].flatMap((c) => c.rules.map((r) => r.from))))];

const arbInstant = fc.oneof(
  fc.tuple(fc.constantFrom(...changes), fc.constantFrom(-1, 0, 1, -HOUR, 13 * HOUR, 40 * 24 * HOUR)).map(([t, d]) => t + d),
  fc.integer({ min: parseInstant("2026-04-24"), max: parseInstant("2027-03-01") }),
  fc.integer({ min: parseInstant("2024-06-01"), max: parseInstant("2027-06-01") }),
);
// Counts small enough for the fast path, and large enough to leave it (its products pass 2^53).
const arbCount = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 5000 }) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 2_000_000 }) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 13n }) },
);
const arbCalls = fc.oneof({ weight: 8, arbitrary: arbCount.map((c) => Exact.int(c)) }, fc.tuple(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 7 })).map(([n, d]) => Exact.of(BigInt(n), BigInt(d))));
const arbFraction = (dens: number[]) => fc.tuple(fc.constantFrom(...dens), fc.double({ min: 0, max: 1, noNaN: true })).map(([d, x]) => Exact.of(BigInt(Math.round(x * d)), BigInt(d)));

const arbItem = fc.record({
  calls: arbCalls,
  cachedPrefix: arbCount,
  miss: arbCount,
  reply: arbCount,
  reasoning: fc.oneof(fc.constant(0), arbCount),
  extra: fc.constantFrom("none", "none", "none", "none", "none", "none", "cacheWrite", "batch", "tokenFiles", "hitRate", "peakShare", "models"),
});
type Item = typeof arbItem extends fc.Arbitrary<infer T> ? T : never;

function toWorkload(r: Item, i: number): Workload {
  const n = (v: number | bigint) => Exact.int(BigInt(v));
  const w: Workload = { name: `w${i}`, calls: r.calls, cachedPrefix: n(r.cachedPrefix), miss: n(r.miss), reply: n(r.reply), reasoning: n(r.reasoning) };
  if (r.extra === "cacheWrite") w.cacheWrites = { "": n(100) };
  if (r.extra === "batch") w.batch = true;
  if (r.extra === "tokenFiles") w.tokenFiles = [{ bucket: "reply", path: "reply.txt", tokens: n(r.reply) } as never];
  if (r.extra === "hitRate") w.peakShare = Exact.of(1n, 3n);
  if (r.extra === "peakShare") w.peakShare = Exact.of(2n, 5n);
  if (r.extra === "models") w.models = [{ id: "deepseek-v4-pro" }];
  return w;
}

const arbCase = fc.record({
  items: fc.array(arbItem, { minLength: 1, maxLength: 3 }),
  models: fc.oneof(
    { weight: 3, arbitrary: fc.subarray(deepseek, { minLength: 1, maxLength: 3 }) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom(...models), { minLength: 1, maxLength: 2 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  ),
  inPlan: fc.boolean(),
  onlyPriced: fc.boolean(),
  asOf: arbInstant,
  currency: fc.constantFrom(undefined, undefined, undefined, undefined, "USD", "CNY", "EUR"),
  fx: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arbFraction([100, 1000, 7, 1_000_003]) }),
  peakShare: fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 4, arbitrary: arbFraction([1, 2, 24, 1440, 10080, 999_983]) },
    { weight: 1, arbitrary: fc.constantFrom(Exact.int(2), Exact.of(-1n, 3n), Exact.of(7n, 5n)) }, // outside [0, 1]: the library does not check
  ),
  allowNoTokens: fc.boolean(),
});
type Case = typeof arbCase extends fc.Arbitrary<infer T> ? T : never;

/** Whether the model has a price at `t` (so that most cases reach pricing, not an error). */
function priced(id: string, t: number): boolean {
  try {
    return !!resolvePrice(book, id, t);
  } catch {
    return false;
  }
}

function setUp(c: Case): { plan: Plan; opts: EstimateOptions } {
  const ids = c.onlyPriced && c.models?.some((id) => priced(id, c.asOf)) ? c.models.filter((id) => priced(id, c.asOf)) : c.models;
  const refs = ids?.map((id) => ({ id }));
  const plan: Plan = { name: "p", workloads: c.items.map(toWorkload), ...(c.inPlan && refs ? { models: refs } : {}) };
  const opts: EstimateOptions = { asOf: c.asOf, ...(!c.inPlan && refs ? { models: refs } : {}) };
  if (c.currency !== undefined) opts.currency = c.currency;
  if (c.fx !== undefined && !c.fx.isZero()) opts.fx = c.fx;
  if (c.peakShare !== undefined) opts.peakShare = c.peakShare;
  if (c.allowNoTokens) opts.allowNoTokens = true;
  return { plan, opts };
}

/** The report with every value spelled out, keys in order (Exact values as n/d), for an exact comparison. */
const spelled = (r: EstimateReport) => JSON.stringify(r, (_k, v) => (v instanceof Exact ? `${v.n}/${v.d}` : v === undefined ? "(undefined)" : v));

/** The general path's report, or its error's message. */
function general(b: RateBook, plan: Plan, opts: EstimateOptions): EstimateReport | string {
  try {
    return generalEstimate(b, plan, opts);
  } catch (err) {
    return (err as Error).message;
  }
}

describe("the estimate's fast path", () => {
  it("gives exactly the general path's report wherever it applies, and steps aside wherever the general path fails", () => {
    let taken = 0;
    let windowed = 0;
    let runs = 0;
    fc.assert(
      fc.property(arbCase, (c) => {
        const { plan, opts } = setUp(c);
        const want = general(book, plan, opts);
        const fast = fastEstimate(book, plan, opts);
        runs++;
        if (fast === undefined) return;

        taken++;
        if (fast.estimates.some((e) => e.peakShare)) windowed++;
        expect(typeof want).toBe("object");
        expect(fast).toStrictEqual(want);
        expect(spelled(fast)).toBe(spelled(want as EstimateReport));
        // Every Exact in lowest terms, as Exact.of builds them.
        for (const e of fast.estimates) for (const l of e.items.flatMap((i) => i.lines)) for (const x of [l.tokens, l.cost]) expect(Exact.of(x.n, x.d)).toStrictEqual(x);
        // The same again, from the cache.
        expect(spelled(fastEstimate(book, plan, opts)!)).toBe(spelled(fast));
      }),
      { numRuns: 1500 },
    );
    // The fast path must really be exercised, on flat and on peak/off-peak prices.
    expect(taken).toBeGreaterThan(runs / 15);
    expect(windowed).toBeGreaterThan(runs / 100);
  });

  it("agrees on DeepSeek's own models at instants around each of their price changes and calendar rules", () => {
    const when = fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -2 * 24 * HOUR, max: 2 * 24 * HOUR })).map(([t, d]) => t + d);
    let taken = 0;
    fc.assert(
      fc.property(fc.array(arbItem.filter((i) => i.extra === "none"), { minLength: 1, maxLength: 2 }), fc.subarray(deepseek, { minLength: 1, maxLength: 4 }), when, fc.constantFrom(undefined, "CNY"), (items, ids, asOf, currency) => {
        const plan: Plan = { workloads: items.map(toWorkload) };
        const some = ids.filter((id) => priced(id, asOf));
        const opts: EstimateOptions = { asOf, models: (some.length ? some : ids).map((id) => ({ id })), ...(currency ? { currency } : {}) };
        const fast = fastEstimate(book, plan, opts);
        if (fast === undefined) return;
        taken++;
        expect(spelled(fast)).toBe(spelled(generalEstimate(book, plan, opts)));
      }),
      { numRuns: 800 },
    );
    expect(taken).toBeGreaterThan(200);
  });
});

describe("the cache's spans of instants", () => {
  it("resolveSpan: every instant of the span resolves to the same version, alias and currency (property)", () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.constantFrom(...models), arbInstant, fc.double({ min: 0, max: 1, noNaN: true }), (id, t, x) => {
        let span: ReturnType<typeof resolveSpan>;
        try {
          span = resolveSpan(book, id, t);
        } catch {
          return;
        }
        checked++;
        expect(span.from).toBeLessThanOrEqual(t);
        expect(span.until).toBeGreaterThan(t);
        const end = Math.min(span.until, span.from + 400 * 24 * HOUR) - 1;
        for (const u of [span.from, end, Math.floor(span.from + x * (end - span.from))]) {
          const r = resolvePrice(book, id, u);
          expect([r.version, r.billedAs, r.currency]).toEqual([span.res.version, span.res.billedAs, span.res.currency]);
        }
      }),
      { numRuns: 1000 },
    );
    expect(checked).toBeGreaterThan(300);
  });

  it("prices hour by hour across every DeepSeek price change, calendar rule and new year, as the general path does", () => {
    const turns = [...changes, parseInstant("2027-01-01T00:00+08:00"), parseInstant("2026-04-24")].filter((t) => t > parseInstant("2026-04-20"));
    const plan = { workloads: [{ name: "w", calls: Exact.int(1234), cachedPrefix: Exact.int(2000), miss: Exact.int(201), reply: Exact.int(300), reasoning: Exact.int(7) }] };
    let taken = 0;
    for (const turn of turns) {
      for (const id of deepseek) {
        // One cache across the steps: a span that ran past a change would price the next step at stale prices.
        for (const d of [-26, -2, -1, 0, 1, 2, 26].flatMap((h) => [h * HOUR - 1, h * HOUR, h * HOUR + 1])) {
          const opts = { asOf: turn + d, models: [{ id }] };
          const fast = fastEstimate(book, plan, opts);
          const want = general(book, plan, opts);
          if (fast === undefined) continue;
          taken++;
          expect(spelled(fast)).toBe(spelled(want as EstimateReport));
        }
      }
    }
    expect(taken).toBeGreaterThan(1000);
  });
});

describe("estimate() with the fast path", () => {
  const chat = (calls: bigint, tokens: bigint, reasoning = 0n): Workload => ({ name: "chat", calls: Exact.int(calls), cachedPrefix: Exact.int(tokens), miss: Exact.int(tokens / 10n), reply: Exact.int(tokens / 5n), reasoning: Exact.int(reasoning) });
  const flash = { workloads: [chat(1_000_000n, 2000n)] };

  it("takes the fast path for the reference case and prices it as the general path does", () => {
    const opts = { asOf: parseInstant("2026-04-24"), models: [{ id: "deepseek-v4-flash" }, { id: "deepseek-v4-pro" }] };
    const fast = fastEstimate(book, flash, opts);
    const want = spelled(generalEstimate(book, flash, opts));
    expect(fast, "the fast path steps aside").toBeDefined();
    expect(spelled(fast!)).toBe(want);
    expect(spelled(estimate(book, flash, opts))).toBe(want);
  });

  it("reprices when the same options object moves across a price change (the cache is keyed by value)", () => {
    const opts: EstimateOptions = { asOf: parseInstant("2026-04-26T12:14Z"), models: [{ id: "deepseek-v4-flash" }] };
    const before = estimate(book, flash, opts).estimates[0]!.total;
    opts.asOf = parseInstant("2026-04-26T12:15Z");
    const after = estimate(book, flash, opts).estimates[0]!.total;
    expect(after.cmp(before)).toBeLessThan(0);
    expect(after).toStrictEqual(generalEstimate(book, flash, opts).estimates[0]!.total);
    opts.models = [{ id: "deepseek-v4-pro" }];
    expect(estimate(book, flash, opts).estimates[0]!.model).toBe("deepseek-v4-pro");
  });

  it("keeps two books apart", () => {
    const card = (hit: string) => ({ file: `c${hit}.yaml`, text: `provider: acme\ncurrency: USD\nmodels:\n  m:\n    versions:\n      - from: 2026-01-01\n        input_cache_hit: ${hit}\n        input_cache_miss: 1\n        output: 2\n` });
    const [a, b] = [loadRateCards([card("0.5")], { builtIn: false }), loadRateCards([card("0.25")], { builtIn: false })];
    const opts = { asOf: parseInstant("2026-02-01"), models: [{ id: "m" }] };
    const plan = { workloads: [chat(1000n, 1000n)] };
    expect(estimate(a, plan, opts).estimates[0]!.total).toStrictEqual(generalEstimate(a, plan, opts).estimates[0]!.total);
    expect(estimate(b, plan, opts).estimates[0]!.total).toStrictEqual(generalEstimate(b, plan, opts).estimates[0]!.total);
    expect(estimate(a, plan, opts).estimates[0]!.total.eq(estimate(b, plan, opts).estimates[0]!.total)).toBe(false);
  });

  it("still prices after more model names than its cache keeps were asked for", () => {
    const opts = { asOf: parseInstant("2026-04-24"), models: [{ id: "deepseek-v4-flash" }] };
    const want = spelled(generalEstimate(book, flash, opts));
    for (let i = 0; i < 1100; i++) expect(fastEstimate(book, flash, { ...opts, models: [{ id: `no-such-model-${i}` }] })).toBeUndefined();
    expect(spelled(fastEstimate(book, flash, opts)!)).toBe(want);
  });

  it("steps aside where a product passes 2^53, and the general path prices it exactly", () => {
    const big = { workloads: [chat(10n ** 12n, 10n ** 6n)] };
    const opts = { asOf: parseInstant("2026-04-24"), models: [{ id: "deepseek-v4-flash" }] };
    expect(fastEstimate(book, big, opts)).toBeUndefined();
    expect(estimate(book, big, opts).estimates[0]!.total.eq(Exact.int(10n ** 12n).mul(generalEstimate(book, { workloads: [chat(1n, 10n ** 6n)] }, opts).estimates[0]!.total))).toBe(true);
  });

  it("steps aside for each case it leaves to the general path", () => {
    const opts = { asOf: parseInstant("2026-04-24"), models: [{ id: "deepseek-v4-flash" }] };
    const w = chat(1000n, 1000n);
    const aside: [string, Plan, EstimateOptions][] = [
      ["no workloads", { workloads: [] }, opts],
      ["cache writes", { workloads: [{ ...w, cacheWrites: { "": Exact.int(5) } }] }, opts],
      ["fees", { workloads: [{ ...w, requests: { search: Exact.ONE } }] }, { ...opts, asOf: parseInstant("2026-11-01") }],
      ["a conversation", { workloads: [{ ...w, cachedPrefix: Exact.ZERO, miss: Exact.ZERO, reply: Exact.ZERO, conversation: { system: Exact.int(10), user: Exact.int(5), reply: Exact.int(5), reasoning: Exact.ZERO, turns: Exact.int(3) } as never }] }, opts],
      ["an item's models", { workloads: [{ ...w, models: [{ id: "deepseek-v4-flash" }] }] }, opts],
      ["fractional tokens", { workloads: [{ ...w, miss: Exact.of(1n, 2n) }] }, opts],
      ["no tokens", { workloads: [{ ...w, cachedPrefix: Exact.ZERO, miss: Exact.ZERO, reply: Exact.ZERO }] }, opts],
      ["an unknown model", flash, { ...opts, models: [{ id: "deepseek-v9" }] }],
      ["a retired model", flash, { ...opts, asOf: parseInstant("2030-01-01"), models: [{ id: "deepseek-chat" }] }],
      ["two currencies", flash, { ...opts, models: [{ id: "deepseek-v4-flash" }, { id: "acme/m" }] }],
      ["a long-context tier", { workloads: [chat(10n, 200_000n)] }, { ...opts, asOf: parseInstant("2026-02-20"), models: [{ id: "claude-sonnet-4-6" }] }],
    ];
    for (const [what, plan, o] of aside) expect(fastEstimate(book, plan, o), what).toBeUndefined();
  });

  it("takes the fast path below a long-context tier, and prices at the tier above it", () => {
    const opts = { asOf: parseInstant("2026-02-20"), models: [{ id: "claude-sonnet-4-6" }] };
    for (const tokens of [1000n, 181_818n]) {
      const plan = { workloads: [chat(10n, tokens)] };
      const fast = fastEstimate(book, plan, opts);
      const want = spelled(generalEstimate(book, plan, opts));
      expect(fast, `the fast path steps aside at ${tokens} tokens`).toBeDefined();
      expect(spelled(fast!)).toBe(want);
      expect(spelled(estimate(book, plan, opts))).toBe(want);
    }
    const above = { workloads: [chat(10n, 181_820n)] }; // 181,820 + 18,182 input tokens: above 200,000
    expect(estimate(book, above, opts).estimates[0]!.items[0]!.lines[0]!.tier).toBe("above 200000");
  });

  it("raises the general path's errors", () => {
    const opts = { asOf: parseInstant("2026-04-24"), models: [{ id: "deepseek-v4-flsh" }] };
    expect(() => estimate(book, flash, opts)).toThrow(/deepseek-v4-flsh/);
    expect(() => estimate(book, flash, opts)).toThrow(general(book, flash, opts) as string);
  });

  it("adds the general path's warnings: above the context window and max output, and once per calendar", () => {
    const opts = { asOf: parseInstant("2027-02-01"), models: [{ id: "deepseek-v4-flash" }, { id: "deepseek-v4-pro" }] };
    const plan = { workloads: [chat(10n, 2_000_000n, 500_000n), chat(5n, 300n)] };
    const fast = fastEstimate(book, plan, opts);
    expect(fast).toBeDefined();
    expect(fast!.warnings.length).toBe(5); // two limits on each model, and the calendar's once
    expect(fast!.warnings).toEqual(generalEstimate(book, plan, opts).warnings);
  });
});
