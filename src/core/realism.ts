// Realism checks: a call or conversation turn that cannot run as written against a version's limits.

import { callInput, firstTurnAbove, turnInput } from "./forms/totals.js";
import type { Resolution } from "./resolve.js";
import type { Workload } from "./types.js";

/**
 * Warnings for a workload priced on `model`: input above the context window (for a conversation,
 * the first turn whose history outgrows it), and a reply (output + reasoning) above max_output.
 */
export function realismWarnings(w: Workload, res: Resolution, model: string): string[] {
  const v = res.version;
  const out: string[] = [];
  const who = `workload "${w.name}" on ${model}`;
  const window = v.contextWindow;
  if (window) {
    if (w.conversation) {
      const c = w.conversation;
      const k = firstTurnAbove(c, window);
      if (k.cmp(c.turns) <= 0) {
        out.push(`${who}: turn ${k.toDecimal()} of ${c.turns.toDecimal()} sends ${turnInput(c, k).toDecimal()} input tokens, above the context window of ${window.toDecimal()} (its history outgrows the window)`);
      }
    } else {
      const input = callInput(w);
      if (input.cmp(window) > 0) out.push(`${who}: a call sends ${input.toDecimal()} input tokens, above the context window of ${window.toDecimal()}`);
    }
  }
  const reply = w.conversation ? w.conversation.reply.add(w.conversation.reasoning) : w.reply.add(w.reasoning);
  if (v.maxOutput && reply.cmp(v.maxOutput) > 0) {
    const where = w.conversation ? "each turn's reply" : "a call's reply";
    out.push(`${who}: ${where} is ${reply.toDecimal()} tokens (output + reasoning), above max_output of ${v.maxOutput.toDecimal()}`);
  }
  return out;
}
