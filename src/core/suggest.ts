// "Did you mean" suggestions: the closest known names by edit distance.

import { compareNames } from "./order.js";

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Names longer than this get no suggestion and cost none: an edit-distance table or a containment test grows with their length. */
const MAX_EDIT = 256;

/** The known names closest to `name` (at most `limit`), best first; near-misses only. */
export function closest(name: string, known: Iterable<string>, limit = 3): string[] {
  const lower = name.toLowerCase();
  if (lower.length > MAX_EDIT) return [];
  const cutoff = Math.max(2, Math.ceil(name.length / 3));
  const scored: { k: string; d: number }[] = [];
  for (const k of known) {
    const kl = k.toLowerCase();
    if (kl.length > MAX_EDIT) continue;
    // The distance is at least the difference in length: past the cutoff that bound stands in for
    // it (either way the name is no near miss).
    const bound = Math.abs(lower.length - kl.length);
    let d = bound > cutoff ? bound : distance(lower, kl);
    if (lower.length >= 3 && kl.length >= 3 && (kl.includes(lower) || lower.includes(kl))) d = Math.min(d, 1);
    scored.push({ k, d });
  }
  let best = Number.POSITIVE_INFINITY; // a loop: spreading 100,000 scores into Math.min overflows the stack
  for (const s of scored) if (s.d < best) best = s.d;
  return scored
    .filter((s) => s.d <= cutoff && s.d <= best + 1)
    .sort((x, y) => x.d - y.d || compareNames(x.k, y.k))
    .slice(0, limit)
    .map((s) => s.k);
}

/** " (did you mean a or b?)"-style hint text, or undefined when nothing is close. */
export function didYouMean(name: string, known: Iterable<string>): string | undefined {
  const c = closest(name, known);
  if (c.length === 0) return undefined;
  return `did you mean ${c.map((x) => `"${x}"`).join(" or ")}?`;
}
