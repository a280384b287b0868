// The `budget:` key of plans and workload items: a bare amount (the fail limit) or {fail, warn}.

import { isMap, isScalar, type Node } from "yaml";
import type { Exact } from "../core/exact.js";
import { parseAmount, QuantityError } from "../core/quantity.js";
import type { Budget } from "../core/types.js";
import type { Fields, YamlFile } from "../yaml/document.js";

const BUDGET_KEYS = ["fail", "warn"] as const;
const AMOUNT_HINT = "write an amount in the card's currency, like 200 or 1500.50";
/** What schema/plan.schema.json accepts as a written amount; the loader accepts the same. */
const AMOUNT_TEXT = /^[$¥€£]?[0-9][0-9_,]*(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

/** Parses a budget amount ("200", "1_500.50", "$150"); throws QuantityError otherwise. */
function parseBudgetAmount(text: string): Exact {
  if (!AMOUNT_TEXT.test(text.trim())) throw new QuantityError(`"${text.trim()}" is not an amount`);
  return parseAmount(text);
}

/** Reads `budget:` from a plan or workload mapping, or undefined when it has none. */
export function readBudget(y: YamlFile, f: Fields): Budget | undefined {
  const node = f.get("budget");
  if (!node) return undefined;
  const path = f.pathOf("budget");
  const n = y.deref(node);
  const where = y.loc(n);
  if (isScalar(n)) return { fail: y.value(n, path, parseBudgetAmount, AMOUNT_HINT), where };
  if (!isMap(n)) y.fail(n, `${path} must be an amount or a mapping of fail: and warn:`, "write budget: 200 or budget: {fail: 200, warn: 150}");
  const per = n.items.find((p) => isScalar(p.key) && p.key.value === "per");
  if (per) y.fail(per.key as Node, `"${path}.per": budgets per period need workload periods; a budget limits the plan's totals`, "remove per:");
  const b = y.map(n, path, BUDGET_KEYS);
  const fail = y.value(b.required("fail", "add fail: <amount>; warn: is optional"), b.pathOf("fail"), parseBudgetAmount, AMOUNT_HINT);
  const warn = b.parsed("warn", parseBudgetAmount, AMOUNT_HINT);
  if (warn && warn.cmp(fail) > 0) {
    y.fail(b.get("warn"), `${b.pathOf("warn")} (${warn.toDecimal()}) is above ${b.pathOf("fail")} (${fail.toDecimal()})`, "set warn: at or below fail:");
  }
  return { fail, warn, where };
}
