// Workload v2 keys: cache writes by retention, requests, batch, service tier and region read exactly; bad values fail located.
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors.js";
import { parsePlan } from "../../../src/workload/parse-plan.js";

const one = (yaml: string) => parsePlan(yaml, "w.yaml").workloads[0]!;

describe("workload v2 keys", () => {
  it("reads every v2 key of a single workload and of plan items", () => {
    const w = one("calls: 10\ncache_write: 1k\ncache_write_1h: 500\ncache_write_30m: 2\nrequests: { search: 2, fetch: 1 }\nbatch: true\nservice_tier: flex\nregion: us\n");
    expect(Object.fromEntries(Object.entries(w.cacheWrites!).map(([k, v]) => [k, v.toDecimal()]))).toEqual({ "": "1000", "1h": "500", "30m": "2" });
    expect(Object.fromEntries(Object.entries(w.requests!).map(([k, v]) => [k, v.toDecimal()]))).toEqual({ search: "2", fetch: "1" });
    expect([w.batch, w.serviceTier, w.region]).toEqual([true, "flex", "us"]);
    const plan = parsePlan("workloads:\n  - calls: 1\n    cache_write_12h: 7\n    batch: false\n", "p.yaml");
    expect(plan.workloads[0]!.cacheWrites!["12h"]!.toDecimal()).toBe("7");
    expect(plan.workloads[0]!.batch).toBeUndefined();
  });

  it.each([
    ["calls: 1\ncache_wirte: 5\n", /unknown key "cache_wirte".*did you mean "cache_write"/],
    ["calls: 1\ncache_write_1H: 5\n", /unknown key "cache_write_1H"/],
    ["calls: 1\nrequests: { search: 1.5 }\n", /requests\.search/],
    ["calls: 1\nrequests: { Search: 1 }\n", /"Search" is not a fee name/],
    // a fee name is a card's fee id: a leading digit or underscore names no fee any card can have
    ["calls: 1\nrequests: { 2search: 1 }\n", /requests\.2search: "2search" is not a fee name \(lower-case letters, digits, - and _, starting with a letter\)/],
    ["calls: 1\nrequests: { _x: 1 }\n", /"_x" is not a fee name/],
    ["calls: 1\nrequests: {}\n", /requests is empty/],
    ["calls: 1\nbatch: yes\n", /batch: "yes" must be true or false/],
    ["calls: 1\nconversation: { turns: 2, user: 10, history_cached: yes }\n", /conversation\.history_cached: "yes" must be true or false/],
    ["calls: 1\nservice_tier: Flex\n", /"Flex" is not a service tier name/],
    ["workloads:\n  - calls: 1\ncache_write: 5\n", /"cache_write" belongs inside a workload/],
  ])("rejects %j", (yaml, message) => {
    let err: unknown;
    try {
      parsePlan(yaml, "w.yaml");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect(`${(err as InputError).message} (${(err as InputError).hint})`).toMatch(message);
    expect((err as InputError).where?.line).toBeGreaterThan(0);
  });
});
