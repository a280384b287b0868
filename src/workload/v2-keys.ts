// Rate-card v2 workload keys: cache writes by retention, per-request fee counts, batch, service tier, region.

import { FEE_ID } from "../cards/parse-fees.js";
import { parseCount } from "../core/quantity.js";
import type { Exact } from "../core/exact.js";
import type { Workload } from "../core/types.js";
import type { Fields, YamlFile } from "../yaml/document.js";

const COUNT_HINT = "write a non-negative whole number like 2000, 1_000_000, 1e6, 1.5M or 2k";

/** The fixed item keys this module reads (`cache_write_<retention>` keys match WRITE_KEY). */
export const V2_KEYS = ["cache_write", "requests", "batch", "service_tier", "region"] as const;
/** A named-retention write key: `cache_write_1h`. */
export const WRITE_KEY = /^cache_write_([a-z0-9]+)$/;
/** What a retention, service tier or region name may look like (a fee's is a card's FEE_ID). */
const NAME = /^[a-z0-9][a-z0-9_-]*$/;

/** `t` when it can name a `what` of a card, else throws a message saying what a name looks like. */
export function name(t: string, what: "fee" | "retention" | "service tier" | "region"): string {
  const fee = what === "fee";
  if (!(fee ? FEE_ID : NAME).test(t)) throw new Error(`"${t}" is not a ${what} name (lower-case letters, digits, - and _${fee ? ", starting with a letter" : ""})`);
  return t;
}

/** Reads the v2 keys of one workload item; absent keys leave the workload as it was. */
export function readV2Keys(y: YamlFile, f: Fields): Partial<Workload> {
  const out: Partial<Workload> = {};
  const writes: Record<string, Exact> = {};
  if (f.has("cache_write")) writes[""] = y.value(f.get("cache_write")!, f.pathOf("cache_write"), parseCount, COUNT_HINT);
  for (const key of f.keys()) {
    const m = WRITE_KEY.exec(key);
    if (m) writes[m[1]!] = y.value(f.get(key)!, f.pathOf(key), parseCount, COUNT_HINT);
  }
  if (Object.keys(writes).length) out.cacheWrites = writes;
  if (f.has("requests")) {
    const rf = y.map(f.get("requests")!, f.pathOf("requests"), []);
    const requests: Record<string, Exact> = {};
    for (const fee of rf.keys()) {
      y.value(rf.get(fee)!, rf.pathOf(fee), () => name(fee, "fee"));
      requests[fee] = y.value(rf.get(fee)!, rf.pathOf(fee), parseCount, COUNT_HINT);
    }
    if (rf.keys().length === 0) y.fail(f.get("requests"), `${f.pathOf("requests")} is empty`, "write requests: { search: 2 }, or remove the key");
    out.requests = requests;
  }
  if (f.bool("batch")) out.batch = true;
  const tier = f.parsed("service_tier", (t) => name(t, "service tier"));
  if (tier) out.serviceTier = tier;
  const region = f.parsed("region", (t) => name(t, "region"));
  if (region) out.region = region;
  return out;
}
