// Display helpers shared by the check and diff renderers: statuses, signed money, percentage changes.

import { Exact } from "../core/exact.js";
import type { Threshold } from "../core/diff.js";
import type { Status } from "../core/status.js";
import { formatCount, formatMoney } from "./format.js";

const ICONS: Record<Status, string> = { PASS: "✅", WARN: "⚠️", FAIL: "❌" };

/** "❌ FAIL": a status with its icon, for Markdown. */
export function statusBadge(s: Status): string {
  return `${ICONS[s]} ${s}`;
}

/** Money with an explicit sign for increases ("+$168.00", "-$18.00", "$0.00"). */
export function formatSignedMoney(amount: Exact, currency: string): string {
  return (amount.cmp(Exact.ZERO) > 0 ? "+" : "") + formatMoney(amount, currency);
}

/** A percentage change rounded to 2 places, trailing zeros dropped ("+100%", "-12.5%", "+<0.01%"); null is "n/a". */
export function formatPctChange(pct: Exact | null): string {
  if (pct === null) return "n/a";
  const sign = pct.cmp(Exact.ZERO) > 0 ? "+" : pct.isNegative() ? "-" : "";
  const r = pct.abs().roundHalfEven(2);
  if (r.isZero() && !pct.isZero()) return `${sign}<0.01%`;
  return `${sign}${r.toFixedPlaces(2).replace(/\.?0+$/, "")}%`;
}

/** A gate as written: "50%" or "$50.00". */
export function formatThreshold(t: Threshold, currency: string): string {
  return t.kind === "percent" ? `${t.value.toDecimal()}%` : formatMoney(t.value, currency);
}

/** "1 budget" / "2 budgets". */
export function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? "" : "s"}`;
}
