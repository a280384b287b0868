// A workload or plan YAML file -> a validated plan (exact token counts in every workload form, located model refs).

import type { Location } from "../core/errors.js";
import { Exact } from "../core/exact.js";
import { parseInstant } from "../core/instant.js";
import type { ModelRef, Plan, Workload } from "../core/types.js";
import { YamlFile, type Fields } from "../yaml/document.js";
import { readBudget } from "./budget.js";
import { DEFAULT_FORM_KEYS, FORM_KEYS, readFormDefaults, readForms, TokenFields, type FormDefaults, type TokenCounter } from "./forms.js";
import { readV2Keys, V2_KEYS, WRITE_KEY } from "./v2-keys.js";

/** The per-call token fields of a workload, as written in files. */
export const TOKEN_FIELDS = ["cached_prefix", "miss", "reply", "reasoning"] as const;
const ITEM_KEYS = ["name", "description", "calls", ...TOKEN_FIELDS, ...V2_KEYS, ...FORM_KEYS, "models", "budget"] as const;
/** Item keys a plan may set at its top, for every item that does not set its own. */
const DEFAULT_KEYS = [...DEFAULT_FORM_KEYS, "batch", "service_tier", "requests"] as const;
const PLAN_KEYS = ["name", "description", "as_of", "models", "workloads", "budget", ...DEFAULT_KEYS] as const;

/** The plan's defaults: form keys, and the v2 keys batch, service_tier and requests. */
interface Defaults {
  forms: FormDefaults;
  v2: Partial<Workload>;
}

function readModels(y: YamlFile, f: Fields): ModelRef[] | undefined {
  const node = f.get("models");
  if (!node) return undefined;
  const refs = y.seq(node, f.pathOf("models")).map((n, i) => ({ id: y.text(n, `${f.pathOf("models")}[${i}]`), where: y.loc(n) }));
  if (refs.length === 0) y.fail(node, `${f.pathOf("models")} is empty`, "list at least one model, or remove the key");
  return refs;
}

/** The plan's batch, service_tier and requests, for the keys the item does not set (its `batch: false` too). */
function v2Defaults(f: Fields, d: Partial<Workload>): Partial<Workload> {
  return {
    ...(d.batch && !f.has("batch") ? { batch: d.batch } : {}),
    ...(d.serviceTier && !f.has("service_tier") ? { serviceTier: d.serviceTier } : {}),
    ...(d.requests && !f.has("requests") ? { requests: d.requests } : {}),
  };
}

function readWorkload(y: YamlFile, f: Fields, fallbackName: string, counter: TokenCounter, defaults: Defaults = { forms: {}, v2: {} }): Workload {
  if (!f.has("calls")) y.fail(f.node, `${f.path || "the workload"} has no calls`, "add calls: <number of calls>");
  const tokens = new TokenFields(y, counter);
  const forms = readForms(y, f, tokens, defaults.forms);
  const w: Workload = {
    name: f.text("name") ?? fallbackName,
    ...forms,
    cachedPrefix: tokens.read(f, "cached_prefix"),
    miss: tokens.read(f, "miss"),
    reply: tokens.read(f, "reply"),
    reasoning: tokens.read(f, "reasoning"),
    ...v2Defaults(f, defaults.v2),
    ...readV2Keys(y, f),
    models: readModels(y, f),
    budget: readBudget(y, f),
    where: y.loc(f.node),
  };
  if (tokens.files.length > 0) w.tokenFiles = tokens.files;
  return w;
}

/**
 * Parses a workload file (one workload at the top level) or a plan (a `workloads:` list).
 * `tokenCounts` gives the count of each `{ file: path }` token field, keyed by the path as written.
 */
export function parsePlan(text: string, file: string, tokenCounts?: ReadonlyMap<string, Exact>): Plan {
  return readPlan(text, file, (path) => tokenCounts?.get(path));
}

/**
 * Parses a plan in one pass: the plan itself when it has no `{ file: path }` token fields, else
 * those fields (each path once, where first written) for the caller to count and pass to `parsePlan`.
 */
export function parsePlanOrTokenFiles(text: string, file: string): { plan: Plan; tokenFiles: [] } | { plan: undefined; tokenFiles: { path: string; where: Location }[] } {
  const paths = new Map<string, Location>();
  const plan = readPlan(text, file, (path, where) => {
    if (!paths.has(path)) paths.set(path, where);
    return Exact.ZERO; // a placeholder: a plan with token files is never returned from here
  });
  if (paths.size === 0) return { plan, tokenFiles: [] };
  return { plan: undefined, tokenFiles: [...paths].map(([path, where]) => ({ path, where })) };
}

function readPlan(text: string, file: string, counter: TokenCounter): Plan {
  const y = new YamlFile(text, file);
  const top = y.map(y.root, "", [...new Set([...PLAN_KEYS, ...ITEM_KEYS])], WRITE_KEY);
  const asOf = top.parsed("as_of", parseInstant, "write as_of: YYYY-MM-DD or an ISO date-time");
  const name = top.text("name");
  if (top.has("workloads")) {
    const stray = top.keys().find((k) => !(PLAN_KEYS as readonly string[]).includes(k));
    if (stray) y.fail(top.get(stray), `"${stray}" belongs inside a workload when the file has a workloads: list`, "move it into an item of workloads:");
    const items = y.seq(top.get("workloads")!, "workloads");
    if (items.length === 0) y.fail(top.get("workloads"), "workloads is empty", "add at least one workload with calls");
    const defaults: Defaults = { forms: readFormDefaults(y, top), v2: readV2Keys(y, top) };
    const workloads = items.map((n, i) => readWorkload(y, y.map(n, `workloads[${i}]`, ITEM_KEYS, WRITE_KEY), `workload ${i + 1}`, counter, defaults));
    const seen = new Set<string>();
    workloads.forEach((w, i) => {
      if (seen.has(w.name)) y.fail(items[i], `two workloads are named "${w.name}"`, "give each workload its own name");
      seen.add(w.name);
    });
    return { name, asOf, models: readModels(y, top), workloads, budget: readBudget(y, top), file };
  }
  const single = readWorkload(y, top, name ?? "workload", counter);
  // A single workload's budget is the plan's: it limits each model's total.
  return { name, asOf, models: single.models, workloads: [{ ...single, models: undefined, budget: undefined }], budget: single.budget, file };
}
