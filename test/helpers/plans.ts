// Test helpers: the built-in rate book, workloads from a few fields, exact values from text, expected input errors.

import { expect } from "vitest";
import { loadRateCards } from "../../src/cards/load.js";
import { InputError } from "../../src/core/errors.js";
import { Exact } from "../../src/core/exact.js";
import { estimate, type EstimateOptions } from "../../src/core/estimate.js";
import { parseInstant } from "../../src/core/instant.js";
import type { Plan, Workload } from "../../src/core/types.js";

/** The built-in cards, loaded once. */
export const BOOK = loadRateCards();

/** An exact decimal from text ("0.028", "1e6"). */
export const x = (s: string | number): Exact => Exact.parseDecimal(String(s))!;

/** An instant from text. */
export const at = (s: string): number => parseInstant(s);

/** A fixed-split workload: zeros unless given. */
export function workload(fields: Partial<Workload> = {}): Workload {
  return { name: "w", calls: Exact.ONE, cachedPrefix: Exact.ZERO, miss: Exact.ZERO, reply: Exact.ZERO, reasoning: Exact.ZERO, ...fields };
}

/** A plan of the given workloads. */
export function plan(...workloads: Workload[]): Plan {
  return { workloads };
}

/** The exact total of `w` on one model. */
export function costOn(model: string, w: Workload | Plan, opts: Omit<EstimateOptions, "models"> & { asOf: number }): Exact {
  const p = "workloads" in w ? w : plan(w);
  return estimate(BOOK, p, { ...opts, models: [{ id: model }] }).estimates[0]!.total;
}

/** The InputError `fn` throws; fails the test when it throws anything else or nothing. */
export function fails(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error("did not fail");
}
