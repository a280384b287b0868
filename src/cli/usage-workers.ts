// `usage` on several log files at once: worker threads read and parse the files, the main thread prices the records in file order.
//
// Each worker runs the same bundle (compiled from the same code cache) and turns its file's lines
// into compact rows: what the line was, its number, and the record or skip. The main thread hands
// the rows to the one aggregator file by file, line by line, exactly as a single-threaded run
// would: duplicates, skip positions, currency errors and totals come out the same.

import { availableParallelism } from "node:os";
import type { MessagePort, Worker } from "node:worker_threads";
import { InputError } from "../core/errors.js";
import { emptyRecord, IGNORED, RECORD, RecordReader, SKIP, SYNTHETIC } from "../usage/record.js";
import { SKIP_REASONS, type Dialect, type SkipReason, type UsageRecord } from "../usage/types.js";
import { configureLimits, LIMIT_ENV, limits, type Limits } from "./limits.js";
import { streamLines, type LogSource } from "./log-lines.js";

/** What the start-up loader leaves for worker threads: the bundle's code, its code cache and file name. */
interface BundleInfo {
  code: string;
  filename: string;
  cachedData?: Buffer;
}

/** Set by the start-up loader (src/cli/loader.cjs) in the main thread; absent in tests and the library. */
declare const globalThis: { __ratecardBundle?: BundleInfo };

/** Inputs smaller than this are read on the main thread: starting the workers (tens of ms each) would cost about what they save. */
const MIN_BYTES = 32 * 1024 * 1024;
/** Rows per message. */
const ROWS = 1 << 14;
/** Row kind of a line too long to read (besides RECORD, SKIP and IGNORED). */
const LONG = 9;
/**
 * Numbers per row: kind, line, instant (NaN: none), hit, miss, output, reasoning, model, dedup,
 * dedupA, dedupB, cache writes (default, 5m, 1h), searches, service tier (a name index, -1: none),
 * session, cwd (-1: none; else an index into the file's strings); or kind, line, reason, detail.
 */
const WIDTH = 18;

/** One batch of a file's rows, as posted by a worker. */
interface Batch {
  file: number;
  rows: Float64Array;
  count: number;
  models: string[];
  /** The file's sessionIds and cwds first seen in this batch (rows index them across the file's batches). */
  strings: string[];
  details: string[];
  bytes: number;
  done: boolean;
  /** A failure reading the file: an input error (with its place), or an internal one. */
  error?: { message: string; hint?: string; file?: string; line?: number; internal?: boolean };
}

/** Receives a file's lines in order, as `usage` does without workers. */
interface LineHandler {
  record(r: UsageRecord, file: string, line: number): void;
  skip(reason: SkipReason, detail: string, file: string, line: number): void;
  ignore(): void;
  /** A zero-usage `<synthetic>` record. */
  synthetic(): void;
  /** A line over the length limit (skipped unread). */
  long(file: string, line: number): void;
  bytes?(n: number): void;
}

/** Whether these sources are worth reading in worker threads here. */
export function useWorkers(sources: LogSource[]): boolean {
  return (
    globalThis.__ratecardBundle !== undefined &&
    sources.length >= 2 &&
    sources.every((s) => s.path !== undefined) &&
    sources.reduce((a, s) => a + s.size, 0) >= MIN_BYTES &&
    availableParallelism() >= 2
  );
}

const WORKER_BOOT = `
const { workerData } = require("node:worker_threads");
const { Script } = require("node:vm");
globalThis.__ratecardWorker = { ...workerData.worker, port: require("node:worker_threads").parentPort };
const b = workerData.bundle;
const script = new Script("(function (exports, require, module, __filename, __dirname) {" + b.code + "\\n})", { filename: b.filename, cachedData: b.cachedData });
const m = { exports: {} };
script.runInThisContext()(m.exports, require, m, b.filename, "");
`;

/**
 * Reads the sources in worker threads (one per core, a file at a time) and hands every line's
 * outcome to `on` in the order a single thread would: file by file, line by line.
 */
export async function readInWorkers(sources: LogSource[], dialect: Dialect, tags: boolean, on: LineHandler): Promise<void> {
  const { Worker } = await import("node:worker_threads"); // loaded only here: it costs start-up time
  const bundle = globalThis.__ratecardBundle!;
  const queues: Batch[][] = sources.map(() => []);
  const record = emptyRecord();
  const models: string[][] = sources.map(() => []);
  const strings: string[][] = sources.map(() => []);
  let current = 0;
  let next = 0;
  const workers: Worker[] = [];
  // The run's input budgets, as the environment the workers configure theirs from.
  const limitsEnv = Object.fromEntries((Object.keys(LIMIT_ENV) as (keyof Limits)[]).map((k) => [LIMIT_ENV[k], String(limits()[k])]));

  return new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(err);
    };
    /** Prices the batches of the current file, then of the next ones, as far as they have arrived. */
    const drain = () => {
      while (current < sources.length && queues[current]!.length > 0) {
        const batch = queues[current]!.shift()!;
        const name = sources[current]!.name;
        const names = models[current]!;
        names.push(...batch.models);
        const texts = strings[current]!;
        for (const t of batch.strings) texts.push(t);
        const rows = batch.rows;
        for (let i = 0; i < batch.count; i++) {
          const o = i * WIDTH;
          const kind = rows[o]!;
          const line = rows[o + 1]!;
          if (kind === RECORD) {
            const t = rows[o + 2]!;
            record.instant = Number.isNaN(t) ? undefined : t;
            record.hit = rows[o + 3]!;
            record.miss = rows[o + 4]!;
            record.output = rows[o + 5]!;
            record.reasoning = rows[o + 6]!;
            record.model = names[rows[o + 7]!]!;
            record.dedup = rows[o + 8] === 1;
            record.dedupA = rows[o + 9]!;
            record.dedupB = rows[o + 10]!;
            record.writeDefault = rows[o + 11]!;
            record.write5m = rows[o + 12]!;
            record.write1h = rows[o + 13]!;
            record.search = rows[o + 14]!;
            record.serviceTier = rows[o + 15]! < 0 ? undefined : names[rows[o + 15]!]!;
            const session = rows[o + 16]!;
            const cwd = rows[o + 17]!;
            record.session = session < 0 ? undefined : texts[session];
            record.cwd = cwd < 0 ? undefined : texts[cwd];
            on.record(record, name, line);
          } else if (kind === SKIP) {
            on.skip(SKIP_REASONS[rows[o + 2]!]!, batch.details[rows[o + 3]!]!, name, line);
          } else if (kind === LONG) {
            on.long(name, line);
          } else if (kind === SYNTHETIC) {
            on.synthetic();
          } else {
            on.ignore();
          }
        }
        if (batch.bytes) on.bytes?.(batch.bytes);
        if (batch.error) {
          const e = batch.error;
          throw e.internal ? new Error(e.message) : new InputError(e.message, e.hint, { file: e.file ?? name, line: e.line });
        }
        if (batch.done) {
          models[current] = strings[current] = []; // the file is done: its tables can go
          current++;
        }
      }
      if (current === sources.length && !failed) {
        failed = true; // settled: the workers' exits that follow are expected
        for (const w of workers) void w.terminate();
        resolve();
      }
    };
    const start = (w: Worker) => {
      if (next >= sources.length) return;
      const file = next++;
      const s = sources[file]!;
      w.postMessage({ file, name: s.name, path: s.path, gzip: s.gzip, size: s.size, limits: limitsEnv });
    };
    const count = Math.min(availableParallelism(), sources.length);
    if (process.env.RATECARD_WORKERS_DEBUG) process.stderr.write(`usage: ${count} worker threads\n`);
    for (let i = 0; i < count; i++) {
      const w = new Worker(WORKER_BOOT, { eval: true, workerData: { bundle, worker: { dialect, tags } } });
      workers.push(w);
      w.on("message", (batch: Batch) => {
        if (failed) return;
        queues[batch.file]!.push(batch);
        if (batch.done) start(w);
        try {
          drain();
        } catch (err) {
          fail(err);
        }
      });
      w.on("error", fail);
      w.on("exit", () => {
        if (current < sources.length) fail(new Error("a usage worker thread stopped before its files were read"));
      });
      start(w);
    }
  });
}

/** The worker thread's side: reads each file it is sent and posts its rows in batches. */
export function usageWorker(dialect: Dialect, port: MessagePort, tags = false): void {
  const reader = new RecordReader(dialect, tags);
  port.on("message", (job: { file: number; name: string; path: string; gzip: boolean; size: number; limits: Record<string, string> }) => {
    configureLimits(job.limits);
    let rows = new Float64Array(ROWS * WIDTH);
    let count = 0;
    let models: string[] = [];
    let texts: string[] = [];
    let details: string[] = [];
    let bytes = 0;
    const index = new Map<string, number>();
    const textIndex = new Map<string, number>();
    const textOf = (t: string | undefined): number => {
      if (t === undefined) return -1;
      let i = textIndex.get(t);
      if (i === undefined) {
        textIndex.set(t, (i = textIndex.size));
        texts.push(t);
      }
      return i;
    };
    const post = (done: boolean, error?: Batch["error"]) => {
      const batch: Batch = { file: job.file, rows, count, models, strings: texts, details, bytes, done, error };
      port.postMessage(batch, [rows.buffer]);
      rows = new Float64Array(ROWS * WIDTH);
      count = 0;
      models = [];
      texts = [];
      details = [];
      bytes = 0;
    };
    /** The index of a name (model or service tier) in the file's string table. */
    const nameIndex = (name: string) => {
      let m = index.get(name);
      if (m === undefined) {
        index.set(name, (m = index.size));
        models.push(name);
      }
      return m;
    };
    const onLine = (b: Buffer, start: number, end: number, n: number) => {
      const kind = reader.readBytes(b, start, end);
      if (kind !== RECORD && kind !== SKIP && kind !== IGNORED && kind !== SYNTHETIC) return;
      const o = count * WIDTH;
      rows[o] = kind;
      rows[o + 1] = n;
      if (kind === RECORD) {
        const r = reader.record;
        const m = nameIndex(r.model);
        rows[o + 2] = r.instant ?? Number.NaN;
        rows[o + 3] = r.hit;
        rows[o + 4] = r.miss;
        rows[o + 5] = r.output;
        rows[o + 6] = r.reasoning;
        rows[o + 7] = m;
        rows[o + 8] = r.dedup ? 1 : 0;
        rows[o + 9] = r.dedupA;
        rows[o + 10] = r.dedupB;
        rows[o + 11] = r.writeDefault;
        rows[o + 12] = r.write5m;
        rows[o + 13] = r.write1h;
        rows[o + 14] = r.search;
        rows[o + 15] = r.serviceTier === undefined ? -1 : nameIndex(r.serviceTier);
        rows[o + 16] = textOf(r.session);
        rows[o + 17] = textOf(r.cwd);
      } else if (kind === SKIP) {
        rows[o + 2] = SKIP_REASONS.indexOf(reader.reason);
        rows[o + 3] = details.length;
        details.push(reader.detail);
      }
      if (++count === ROWS) post(false);
    };
    const onLong = (n: number) => {
      const o = count * WIDTH;
      rows[o] = LONG;
      rows[o + 1] = n;
      if (++count === ROWS) post(false);
    };
    const source: LogSource = { name: job.name, path: job.path, gzip: job.gzip, size: job.size };
    streamLines(source, process.stdin, onLine, onLong, (n) => (bytes += n)).then(
      () => post(true),
      (err: unknown) => {
        const e = err instanceof InputError ? err : undefined;
        post(true, { message: e ? e.message : String(err), hint: e?.hint, file: e?.where?.file, line: e?.where?.line, internal: !e });
      },
    );
  });
}
