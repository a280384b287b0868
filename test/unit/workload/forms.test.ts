// Workload files with the new forms: what they parse to, located errors, and a schema that rejects what the loader rejects.
import Ajv from "ajv";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { Exact } from "../../../src/core/exact.js";
import { parsePlan, parsePlanOrTokenFiles } from "../../../src/workload/parse-plan.js";
import { ROOT } from "../../helpers/cli.js";

describe("workload forms in files", () => {
  it("reads a conversation, a rate over a period, a schedule and warm-up", () => {
    const p = parsePlan(
      `calls: 30_000/day
period: 2026-12
conversation: { turns: 3, system: 1000, user: 100, reply: 200, history_cached: false }
distinct_prefixes: 5
schedule: { hours: ["09:00-12:00", "22:00-02:00"], tz: Europe/Berlin, days: weekdays }
`,
      "w.yaml",
    );
    const w = p.workloads[0]!;
    expect(w.calls.toDecimal()).toBe("30000");
    expect(w.callsPer).toBe("day");
    expect(w.period).toEqual({ kind: "month", year: 2026, month: 12, text: "2026-12" });
    expect(w.conversation).toMatchObject({ turns: Exact.int(3), system: Exact.int(1000), historyCached: false, systemCached: true });
    expect(w.distinctPrefixes!.toDecimal()).toBe("5");
    expect(w.schedule).toEqual({ windows: [[540, 720], [1320, 1560]], timeZone: "Europe/Berlin", days: "weekdays", text: "09:00-12:00, 22:00-02:00 Europe/Berlin, weekdays" });
  });

  it("reads input with a cache hit rate", () => {
    const w = parsePlan("calls: 10\ninput: 2k\ncache_hit_rate: 80%\nreply: 300\n", "w.yaml").workloads[0]!;
    expect(w.hitRate).toEqual({ input: Exact.int(2000), rate: Exact.of(4n, 5n) });
  });

  it("takes token counts of { file: } fields from the caller, and lists them for it", () => {
    const text = "calls: 10\ncached_prefix: { file: prompts/system.txt }\nmiss: { file: user.txt }\nreply: 5\n";
    expect(parsePlanOrTokenFiles(text, "w.yaml").tokenFiles).toEqual([
      { path: "prompts/system.txt", where: { file: "w.yaml", line: 2, col: 24 } },
      { path: "user.txt", where: { file: "w.yaml", line: 3, col: 15 } },
    ]);
    const w = parsePlan(text, "w.yaml", new Map([["prompts/system.txt", Exact.int(1234)], ["user.txt", Exact.int(56)]])).workloads[0]!;
    expect([w.cachedPrefix, w.miss].map((v) => v.toDecimal())).toEqual(["1234", "56"]);
    expect(w.tokenFiles).toEqual([
      { field: "cached_prefix", file: "prompts/system.txt", tokens: Exact.int(1234) },
      { field: "miss", file: "user.txt", tokens: Exact.int(56) },
    ]);
    expect(() => parsePlan(text, "w.yaml")).toThrow(/no token count for prompts\/system.txt/);
  });
});

/** Files the loader must reject, each with where and what it says; the schema must reject them too. */
const INVALID: [string, string, RegExp][] = [
  ["conversation with per-call tokens", "calls: 1\nconversation: { turns: 2 }\nmiss: 5\n", /3:7: miss cannot go with conversation/],
  ["a rate without a period", "calls: 30000/day\nmiss: 5\n", /1:8: calls is a rate per day but there is no period/],
  ["input without a hit rate", "calls: 1\ninput: 100\n", /2:8: input needs cache_hit_rate/],
  ["a hit rate above 1", "calls: 1\ninput: 100\ncache_hit_rate: 1.5\n", /3:17: cache_hit_rate: "1.5" is outside 0\.\.1/],
  ["input with a fixed split", "calls: 1\ninput: 100\ncache_hit_rate: 0.5\nmiss: 3\n", /4:7: miss cannot go with input and cache_hit_rate/],
  ["zero turns", "calls: 1\nconversation: { turns: 0 }\n", /2:24: conversation.turns must be at least 1/],
  ["an unknown conversation key", "calls: 1\nconversation: { turns: 2, sytem: 5 }\n", /2:27: unknown key "conversation.sytem" \(did you mean "system"/],
  ["a schedule without tz", "calls: 1\nschedule: { hours: 22:00-06:00 }\n", /2:11: schedule.tz is missing/],
  ["bad schedule days", "calls: 1\nschedule: { hours: 22:00-06:00, tz: UTC, days: mondays }\n", /2:48: schedule.days: "mondays" must be all, weekdays or weekends/],
  ["a bad period", "calls: 1\nperiod: 30 days\n", /2:9: period: "30 days" is not a period/],
  ["a file field with other keys", "calls: 1\nmiss: { file: a.txt, tokens: 4 }\n", /2:22: unknown key "miss.tokens"/],
  ["a rate unit that does not exist", "calls: 5/fortnight\nperiod: 30d\n", /1:8: calls: "\/fortnight" is not a rate unit/],
];

describe("invalid workload forms: the loader and the schema both reject them", () => {
  const schema = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, "schema/plan.schema.json"), "utf8")));
  it.each(INVALID)("%s", (_name, text, message) => {
    let err: { message: string; hint?: string; where?: { line?: number; col?: number } } | undefined;
    try {
      parsePlan(text, "bad.yaml");
    } catch (e) {
      err = e as typeof err;
    }
    expect(`${err!.where?.line}:${err!.where?.col}: ${err!.message} (${err!.hint})`).toMatch(message);
    expect(schema(parse(text))).toBe(false);
  });

  it("leaves time zone names to the loader (a schema cannot list them)", () => {
    expect(() => parsePlan("calls: 1\nschedule: { hours: 22:00-06:00, tz: Mars/Base }\n", "bad.yaml")).toThrow(/schedule.tz: "Mars\/Base" is not a known time zone/);
  });

  it("accepts every form the loader accepts", () => {
    const ok = "calls: 30000/day\nperiod: 30d\nconversation: { turns: 3, system: { file: s.txt }, user: 100 }\ndistinct_prefixes: 2\nschedule: { hours: 22:00-06:00, tz: Europe/Berlin }\n";
    expect(schema(parse(ok))).toBe(true);
    expect(parsePlanOrTokenFiles(ok, "ok.yaml")).toMatchObject({ plan: undefined, tokenFiles: [{ path: "s.txt" }] });
    expect(parsePlanOrTokenFiles("calls: 5\nmiss: 2\n", "ok.yaml").plan!.workloads[0]!.miss.toDecimal()).toBe("2");
  });
});
