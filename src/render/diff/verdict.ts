// The one-line verdict of a diff, for stderr.

import type { DiffReport } from "../../core/diff.js";
import { diffSummary, gated } from "./view.js";

/** "ratecard: diff FAIL: deepseek-v4-flash +$168.00 (+100%) is above --fail-above 50%" with a newline. */
export function diffVerdict(report: DiffReport): string {
  return `ratecard: diff${gated(report) ? ` ${report.status}` : ""}: ${diffSummary(report)}\n`;
}
