// Size budgets of the CLI's inputs, and the environment settings that raise them (read once per run).

import { UsageError } from "../core/errors.js";

/** The budgets of one run. */
export interface Limits {
  /** Bytes of one YAML file (plan, rate card, config). */
  yamlBytes: number;
  /** Bytes of one text or JSON file (`tokens` inputs, `{file:}` token files, `import` sources). */
  textBytes: number;
  /** Bytes of one usage-log line (after gunzip); a longer line is a skipped record. */
  lineBytes: number;
  /** How many times its compressed size a gzip log may expand to (past 64 MiB). */
  gunzipRatio: number;
}

/** The defaults (README "Limits"). */
export const DEFAULT_LIMITS: Readonly<Limits> = {
  yamlBytes: 768 * 1024,
  textBytes: 32 * 1024 * 1024,
  lineBytes: 1024 * 1024,
  gunzipRatio: 200,
};

/** The environment variable that raises each budget. */
export const LIMIT_ENV: Readonly<Record<keyof Limits, string>> = {
  yamlBytes: "RATECARD_MAX_YAML_BYTES",
  textBytes: "RATECARD_MAX_TEXT_BYTES",
  lineBytes: "RATECARD_MAX_LINE_BYTES",
  gunzipRatio: "RATECARD_MAX_GUNZIP_RATIO",
};

let current: Limits = { ...DEFAULT_LIMITS };

/** Reads the budgets from the environment (whole numbers; for bytes 1k, 4M, 2G allowed). */
export function configureLimits(env: Record<string, string | undefined>): Limits {
  const next = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_ENV) as (keyof Limits)[]) {
    const name = LIMIT_ENV[key];
    const text = env[name];
    if (text === undefined || text === "") continue;
    const m = /^(\d{1,15})([kKMG]?)$/.exec(text.trim());
    if (!m || (key === "gunzipRatio" && m[2])) throw new UsageError(`${name} is not a ${key === "gunzipRatio" ? "whole number" : "number of bytes"}`, `write e.g. ${name}=${key === "gunzipRatio" ? "1000" : "4M"}`);
    const scale = { "": 1, k: 1024, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2]!]!;
    next[key] = Number(m[1]) * scale;
  }
  current = next;
  return next;
}

/** The budgets in force. */
export function limits(): Limits {
  return current;
}

/** "2 MiB", "512 KiB", "100 bytes": a budget in words. */
export function bytesText(n: number): string {
  for (const [unit, size] of [["GiB", 1024 ** 3], ["MiB", 1024 ** 2], ["KiB", 1024]] as const) {
    if (n >= size && n % size === 0) return `${n / size} ${unit}`;
  }
  return `${n} bytes`;
}
