// The conversation form: a stateless chat API resends the history, so input grows with each turn.

import { Exact } from "../exact.js";
import type { Conversation } from "../types.js";

const TWO = Exact.int(2);

/** Tokens of one whole conversation per bucket. */
export interface ConversationTokens {
  hit: Exact;
  miss: Exact;
  output: Exact;
  reasoning: Exact;
}

/**
 * Closed-form token totals of one conversation of T turns. Turn k (1-based) sends
 * system + (k-1)(user + reply) + user: earlier replies go back as history, earlier reasoning
 * does not (DeepSeek drops reasoning_content from the context). The history sums to
 * (user + reply) T(T-1)/2 over the conversation. By default the system prompt and the history
 * are cache hits (the cache stores a prefix at the end of each input and each output) and only
 * each new user message misses; `historyCached: false` makes the history miss, and
 * `systemCached: false` makes the first turn's system prompt miss.
 */
export function conversationTokens(c: Conversation): ConversationTokens {
  if (c.turns.isZero()) return { hit: Exact.ZERO, miss: Exact.ZERO, output: Exact.ZERO, reasoning: Exact.ZERO };
  return conversationRange(c, Exact.ONE, c.turns);
}

/**
 * Tokens of turns `a` to `b` (1-based, inclusive, a <= b) of one conversation, in closed form:
 * the history of turn k is (k-1)(user + reply), summed over the range.
 */
export function conversationRange(c: Conversation, a: Exact, b: Exact): ConversationTokens {
  const n = b.sub(a).add(Exact.ONE);
  const history = c.user.add(c.reply).mul(a.add(b).sub(TWO).mul(n).div(TWO));
  const first = a.eq(Exact.ONE);
  const systemHit = c.systemCached || !first ? c.system.mul(n) : c.system.mul(n.sub(Exact.ONE));
  const systemMiss = !c.systemCached && first ? c.system : Exact.ZERO;
  return {
    hit: systemHit.add(c.historyCached ? history : Exact.ZERO),
    miss: c.user.mul(n).add(systemMiss).add(c.historyCached ? Exact.ZERO : history),
    output: c.reply.mul(n),
    reasoning: c.reasoning.mul(n),
  };
}

/** The part of a conversation cached across conversations (the system prompt), for warm-up. */
export function sharedPrefix(c: Conversation): Exact {
  return c.systemCached && !c.turns.isZero() ? c.system : Exact.ZERO;
}
