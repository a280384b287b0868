// The unit of accumulation: integer token sums of the records of one (local day or hour, price span, window, variant, session/project).

import type { Span } from "./timeline.js";
import type { Variant } from "./variants.js";

/** Window codes of a cell: flat price, peak, off-peak. */
export const FLAT = 0;
export const PEAK = 1;
export const OFF_PEAK = 2;

/** Record count and exact token sums; `reasoning` is part of `output`; writes by retention; search requests. */
export interface Sums {
  records: number;
  hit: bigint;
  miss: bigint;
  output: bigint;
  reasoning: bigint;
  writeDefault: bigint;
  write5m: bigint;
  write1h: bigint;
  search: bigint;
}

/**
 * The sums of one (day, span, window, variant, tag); `day` is 0 when no time dimension is asked for,
 * `tag` indexes the (session, project) pair when --by session or project is asked for, else 0.
 */
export interface Cell extends Sums {
  day: number;
  tag: number;
  span: Span;
  window: number;
  /** The long-context tier, service tier and search-fee version of its records. */
  variant: Variant;
}
