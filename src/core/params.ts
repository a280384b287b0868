// Workload parameters by name: what flags override, `sweep --vary` steps and `solve --for` inverts.

import { InputError } from "./errors.js";
import { Exact } from "./exact.js";
import type { EstimateOptions } from "./estimate.js";
import { checkHasTokens } from "./forms/totals.js";
import { didYouMean } from "./suggest.js";
import type { Plan, Workload } from "./types.js";

/** A plan and its estimate options: what a parameter value is applied to. */
export interface Target {
  plan: Plan;
  opts: EstimateOptions;
}

/** A numeric parameter of a plan (every workload's field of that name) or of the estimate. */
export interface Param {
  name: string;
  kind: "count" | "share";
  /** Cost is a polynomial of this degree in the parameter (exact finite differences apply). */
  degree: 1 | 2;
  /** Smallest valid value. */
  min: Exact;
  /** What `solve` looks for: the largest value that fits the budget, or the lowest. */
  solve: "largest" | "lowest";
  apply(t: Target, v: Exact): Target;
}

type Form = "fixed" | "hit-rate" | "conversation";

function formOf(w: Workload): Form {
  return w.conversation ? "conversation" : w.hitRate ? "hit-rate" : "fixed";
}

const FORM_PARAMS: Record<Form, string> = {
  fixed: "calls, cached-prefix, miss, reply, reasoning, cache-hit-rate, distinct-prefixes",
  "hit-rate": "calls, input, cache-hit-rate, reply, reasoning, distinct-prefixes",
  conversation: "calls, turns, system, user, reply, reasoning, distinct-prefixes",
};

function wrongForm(name: string, w: Workload): never {
  const form = formOf(w);
  const what = form === "conversation" ? "a conversation" : form === "hit-rate" ? "an input with cache_hit_rate" : "a fixed cached_prefix / miss split";
  throw new InputError(`${name} does not apply to workload "${w.name}", which is ${what}`, `its parameters are ${FORM_PARAMS[form]}`);
}

/** Most turns one conversation may have: its history grows with the square of the turns. */
export const MAX_TURNS_COUNT = 100_000;

function check(name: string, kind: Param["kind"], min: Exact, v: Exact): void {
  if (name === "turns" && v.cmp(Exact.int(MAX_TURNS_COUNT)) > 0) throw new InputError(`turns must be at most ${MAX_TURNS_COUNT}`, "model longer use as more conversations (calls)");
  if (kind === "count" && !v.isInteger()) throw new InputError(`${name} must be a whole number, not ${v.toDecimal()}`, "step by whole numbers");
  if (v.cmp(min) < 0) throw new InputError(`${name} must be at least ${min.toDecimal()}, not ${v.toDecimal()}`, `start at ${min.toDecimal()} or more`);
  if (kind === "share" && v.cmp(Exact.ONE) > 0) throw new InputError(`${name} must be a share from 0 to 1, not ${v.toDecimal()}`, "write 0..1 or 0%..100%");
}

/** A parameter that sets a field on every workload of the plan. */
function workloadParam(
  name: string,
  set: (w: Workload, v: Exact) => Workload,
  opts: { kind?: Param["kind"]; degree?: 1 | 2; min?: Exact; solve?: Param["solve"] } = {},
): Param {
  const kind = opts.kind ?? "count";
  const min = opts.min ?? Exact.ZERO;
  return {
    name,
    kind,
    degree: opts.degree ?? 1,
    min,
    solve: opts.solve ?? "largest",
    apply(t, v) {
      check(name, kind, min, v);
      return { ...t, plan: { ...t.plan, workloads: t.plan.workloads.map((w) => set(w, v)) } };
    },
  };
}

/** Sets a per-call field of the fixed or hit-rate form, or the conversation's field of the same name. */
function tokenField(name: string, key: "reply" | "reasoning"): Param {
  return workloadParam(name, (w, v) => (w.conversation ? { ...w, conversation: { ...w.conversation, [key]: v } } : { ...w, [key]: v }));
}

function fixedField(name: string, key: "cachedPrefix" | "miss"): Param {
  return workloadParam(name, (w, v) => (formOf(w) === "fixed" ? { ...w, [key]: v } : wrongForm(name, w)));
}

function conversationField(name: string, key: "turns" | "system" | "user", opts: { degree?: 1 | 2; min?: Exact } = {}): Param {
  return workloadParam(name, (w, v) => (w.conversation ? { ...w, conversation: { ...w.conversation, [key]: v } } : wrongForm(name, w)), opts);
}

const PARAM_LIST: Param[] = [
  workloadParam("calls", (w, v) => ({ ...w, calls: v })),
  fixedField("cached-prefix", "cachedPrefix"),
  fixedField("miss", "miss"),
  tokenField("reply", "reply"),
  tokenField("reasoning", "reasoning"),
  workloadParam("input", (w, v) => (w.hitRate ? { ...w, hitRate: { ...w.hitRate, input: v } } : wrongForm("input", w))),
  // On a fixed split, a hit rate re-splits its input (cached_prefix + miss) at that rate.
  workloadParam(
    "cache-hit-rate",
    (w, v) => {
      if (w.hitRate) return { ...w, hitRate: { ...w.hitRate, rate: v } };
      if (w.conversation) wrongForm("cache-hit-rate", w);
      return { ...w, cachedPrefix: Exact.ZERO, miss: Exact.ZERO, hitRate: { input: w.cachedPrefix.add(w.miss), rate: v } };
    },
    { kind: "share", solve: "lowest" },
  ),
  workloadParam("distinct-prefixes", (w, v) => ({ ...w, distinctPrefixes: v })),
  conversationField("turns", "turns", { degree: 2, min: Exact.ONE }),
  conversationField("system", "system"),
  conversationField("user", "user"),
  {
    name: "peak-share",
    kind: "share",
    degree: 1,
    min: Exact.ZERO,
    solve: "largest",
    apply(t, v) {
      check("peak-share", "share", Exact.ZERO, v);
      return { ...t, opts: { ...t.opts, peakShare: v } };
    },
  },
];

/** The parameters that set a token count: varying one, a workload with no tokens at the start is fine. */
export const TOKEN_PARAMS: ReadonlySet<string> = new Set(["cached-prefix", "miss", "reply", "reasoning", "input", "system", "user"]);

/**
 * Fails on a workload with no tokens unless one of `varied` sets a token count: a sweep or solve
 * of calls, shares or dates over it would be $0 at every point (and solve would answer "any").
 */
export function checkTokensUnlessVaried(plan: Plan, varied: readonly string[]): void {
  if (varied.some((v) => TOKEN_PARAMS.has(v))) return;
  for (const w of plan.workloads) checkHasTokens(w);
}

/** Every numeric parameter by name. */
export const PARAMS: ReadonlyMap<string, Param> = new Map(PARAM_LIST.map((p) => [p.name, p]));

/**
 * The canonical name of a parameter ("cached_prefix" and "Cached-Prefix" give "cached-prefix"),
 * among the numeric ones and `extra`; fails with a suggestion.
 */
export function paramName(name: string, extra: readonly string[] = []): string {
  const key = name.trim().toLowerCase().replace(/_/g, "-");
  if (PARAMS.has(key) || extra.includes(key)) return key;
  const known = [...PARAMS.keys(), ...extra];
  throw new InputError(`unknown parameter "${name}"`, didYouMean(key, known) ?? `parameters: ${known.join(", ")}`);
}
