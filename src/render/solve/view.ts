// A solve report as a document: each model's answer and what one more would cost.

import type { SolveReport, SolveResult } from "../../core/solve.js";
import { formatInstantShort } from "../../core/instant.js";
import type { Document } from "../document.js";
import { billedLabel, formatMoney, formatMoneyBeside, formatShare, formatTokens } from "../format.js";

/** One model's answer for people. */
interface SolveRow {
  model: string;
  status: SolveResult["status"];
  answer: string;
  cost: string;
  next: string;
  note: string;
}

function valueText(r: SolveReport, v: SolveResult["value"] & object): string {
  return r.goal === "lowest" ? formatShare(v) : formatTokens(v);
}

/** Display rows: money to cents, with the digits needed to tell a cost from the budget. */
function solveRows(r: SolveReport): SolveRow[] {
  const money = (x: SolveResult["cost"]) => formatMoneyBeside(x, r.budget, r.currency);
  return r.results.map((x) => {
    const model = billedLabel(x.model, x.billedAs);
    if (x.status === "none-fits") {
      const at = r.goal === "lowest" ? "even a 100% hit rate" : `even the smallest ${r.param}`;
      return { model, status: x.status, answer: "none fits", cost: money(x.cost), next: "", note: `${at} costs ${money(x.cost)}` };
    }
    if (x.status === "never-reached") {
      return { model, status: x.status, answer: "any", cost: money(x.cost), next: "", note: `the cost does not grow with ${r.param}: the budget is never reached` };
    }
    const next = x.next ? `${valueText(r, x.next.value)} costs ${money(x.next.cost)}` : "";
    const note = r.goal === "lowest" ? `the lowest ${r.param} that fits` : `the largest whole ${r.param} that fits`;
    return { model, status: x.status, answer: valueText(r, x.value!), cost: money(x.cost), next, note };
  });
}

/** "largest calls within $100 · as of 2026-04-24" */
function solveHeadline(r: SolveReport): string {
  const goal = r.goal === "lowest" ? "lowest" : "largest whole";
  return `${goal} ${r.param} within ${formatMoney(r.budget, r.currency)} · as of ${formatInstantShort(r.asOf)} · ${r.currency}`;
}

/** The solve report as a document. */
export function solveDocument(r: SolveReport): Document {
  const rows = solveRows(r).map((x) => ({ cells: [x.model, { text: x.answer, strong: x.status === "fits" }, x.cost, x.next, x.note] }));
  const columns = [
    { head: "model", kind: "text" },
    { head: r.param, kind: r.goal === "lowest" ? "percent" : "count" },
    { head: "cost", kind: "money" },
    { head: "one more", kind: "text" },
    { head: "note", kind: "text" },
  ] as const;
  return { command: "solve", title: "ratecard solve", headline: solveHeadline(r), sections: [{ table: { columns: [...columns], rows } }], warnings: r.warnings ?? [] };
}
