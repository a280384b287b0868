// Two estimates compared: per model and workload item, base -> head with exact changes, and gates.

import { InputError } from "./errors.js";
import { Exact } from "./exact.js";
import type { Instant } from "./instant.js";
import { parseAmount, QuantityError } from "./quantity.js";
import { worst, type Status } from "./status.js";
import type { EstimateReport } from "./types.js";

/** A gate on a model's total change: a percentage of its base total, or an amount. */
export type Threshold = { kind: "percent"; value: Exact } | { kind: "amount"; value: Exact };

/** `--fail-above` and `--warn-above`; either may be absent. */
export interface Gates {
  fail?: Threshold;
  warn?: Threshold;
}

/** How a row changed: present on both sides, or only in head (new) or base (removed). */
export type ChangeKind = "changed" | "unchanged" | "new" | "removed";

/** Base and head amounts (null when absent on that side), their difference and the exact percentage. */
export interface Change {
  base: Exact | null;
  head: Exact | null;
  change: Exact;
  /** change / base x 100; null when the base is zero and the head is not. */
  pct: Exact | null;
  kind: ChangeKind;
}

/** One workload item on one model. */
export interface ItemDiff extends Change {
  workload: string;
}

/** One model's total, its items, and the gate's verdict on the total's change. */
export interface ModelDiff extends Change {
  model: string;
  /** The model whose prices applied on each side, when `model` was an alias there; else null. */
  billedAs: { base: string | null; head: string | null };
  items: ItemDiff[];
  status: Status;
  /** The gate the change passed, when it passed one. */
  breach?: { gate: "fail" | "warn"; threshold: Threshold };
}

/** One side of the comparison: what it was read from and when it was priced. */
export interface DiffSide {
  label: string;
  asOf: Instant;
}

/** The whole comparison that renderers format. */
export interface DiffReport {
  base: DiffSide;
  head: DiffSide;
  currency: string;
  gates: Gates;
  models: ModelDiff[];
  status: Status;
  /** Warnings the CLI attaches (stale cards); as on stderr. */
  warnings?: string[];
}

const HUNDRED = Exact.int(100);

/** Parses a gate: "10%" (of the base total) or an amount ("50", "$50"); throws QuantityError. */
export function parseThreshold(text: string): Threshold {
  const t = text.trim();
  if (t.endsWith("%")) {
    const v = Exact.parseDecimal(t.slice(0, -1));
    if (!v || v.isNegative()) throw new QuantityError(`"${t}" is not a percentage (write 10% or 2.5%)`);
    return { kind: "percent", value: v };
  }
  return { kind: "amount", value: parseAmount(t) };
}

function change(base: Exact | null, head: Exact | null): Change {
  const b = base ?? Exact.ZERO;
  const h = head ?? Exact.ZERO;
  const diff = h.sub(b);
  const pct = b.isZero() ? (diff.isZero() ? Exact.ZERO : null) : diff.div(b).mul(HUNDRED);
  const kind: ChangeKind = base === null ? "new" : head === null ? "removed" : diff.isZero() ? "unchanged" : "changed";
  return { base, head, change: diff, pct, kind };
}

/** Whether a change is above a threshold; growth from zero is above every percentage. */
export function exceeds(c: Change, t: Threshold): boolean {
  if (t.kind === "amount") return c.change.cmp(t.value) > 0;
  if (c.pct === null) return c.change.cmp(Exact.ZERO) > 0;
  return c.pct.cmp(t.value) > 0;
}

function keyed<T>(list: T[], key: (x: T) => string): Map<string, T> {
  return new Map(list.map((x) => [key(x), x]));
}

/** Names in base order, then those only in head, in head order. */
function union(base: string[], head: string[]): string[] {
  return [...new Set([...base, ...head])];
}

/** Compares two estimates per model and item, and applies the gates to each model's total change. */
export function diffReports(base: EstimateReport, head: EstimateReport, gates: Gates, sides: { base: string; head: string }): DiffReport {
  if (base.currency !== head.currency) {
    throw new InputError(`the base is priced in ${base.currency} but the head in ${head.currency}`, "compare plans priced in one currency");
  }
  const bm = keyed(base.estimates, (e) => e.model);
  const hm = keyed(head.estimates, (e) => e.model);
  const models: ModelDiff[] = union([...bm.keys()], [...hm.keys()]).map((model) => {
    const b = bm.get(model);
    const h = hm.get(model);
    const bi = keyed(b?.items ?? [], (i) => i.workload);
    const hi = keyed(h?.items ?? [], (i) => i.workload);
    const items = union([...bi.keys()], [...hi.keys()]).map((w) => ({
      workload: w,
      ...change(bi.get(w)?.total ?? null, hi.get(w)?.total ?? null),
    }));
    const total = change(b?.total ?? null, h?.total ?? null);
    const breach =
      gates.fail && exceeds(total, gates.fail)
        ? { gate: "fail" as const, threshold: gates.fail }
        : gates.warn && exceeds(total, gates.warn)
          ? { gate: "warn" as const, threshold: gates.warn }
          : undefined;
    const status: Status = breach?.gate === "fail" ? "FAIL" : breach ? "WARN" : "PASS";
    return { model, billedAs: { base: b?.billedAs ?? null, head: h?.billedAs ?? null }, ...total, items, status, ...(breach ? { breach } : {}) };
  });
  return {
    base: { label: sides.base, asOf: base.asOf },
    head: { label: sides.head, asOf: head.asOf },
    currency: head.currency,
    gates,
    models,
    status: worst(models.map((m) => m.status)),
  };
}
