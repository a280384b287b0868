// Gate verdicts shared by `check` and `diff`: PASS, WARN or FAIL, and the worst of several.

/** A gate's verdict on one row or on a whole report. */
export type Status = "PASS" | "WARN" | "FAIL";

const RANK: Record<Status, number> = { PASS: 0, WARN: 1, FAIL: 2 };

/** The worst of `statuses` (PASS when there are none). */
export function worst(statuses: Iterable<Status>): Status {
  let out: Status = "PASS";
  for (const s of statuses) if (RANK[s] > RANK[out]) out = s;
  return out;
}
