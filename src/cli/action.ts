// Command actions that return their outcome, kept for \`run\` to turn into the exit code.

import type { Command } from "commander";
import type { Outcome } from "./errors.js";

const outcomes = new WeakMap<Command, Outcome>();

/** Wraps an action so the outcome it returns is kept on the root program (commander drops return values). */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<Outcome>): (this: Command, ...args: A) => Promise<void> {
  return async function (this: Command, ...args: A) {
    let root: Command = this;
    while (root.parent) root = root.parent;
    outcomes.set(root, await fn(...args));
  };
}

/** The outcome of the action that ran under `program` ("ok" when none returned one). */
export function outcomeOf(program: Command): Outcome {
  return outcomes.get(program) ?? "ok";
}
