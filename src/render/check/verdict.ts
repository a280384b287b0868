// The one-line verdict of a check, for stderr.

import type { CheckReport } from "../../core/check.js";
import { checkSummary } from "./view.js";

/** "ratecard: check FAIL: 1 of 1 budget failed; first: ..." with a newline. */
export function checkVerdict(report: CheckReport): string {
  return `ratecard: check ${report.status}: ${checkSummary(report)}\n`;
}
