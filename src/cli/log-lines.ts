// Usage-log input: paths to JSONL sources (files, folders, .gz, stdin), streamed line by line.

import { closeSync, createReadStream, fstatSync, openSync, readdirSync, readSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { createGunzip } from "node:zlib";
import { InputError, UsageError } from "../core/errors.js";
import { bytesText, LIMIT_ENV, limits } from "./limits.js";
import { fsCause, fsError, specialKind, statPath } from "./sources.js";

/** One stream of log lines: a file or standard input. */
export interface LogSource {
  /** How positions name it: the path as given (or found under a folder), or "-" for stdin. */
  name: string;
  /** Absolute path; undefined for stdin. */
  path: string | undefined;
  gzip: boolean;
  /** Bytes on disk (compressed for .gz); 0 for stdin. */
  size: number;
}

const LOG_FILE = /\.jsonl(\.gz)?$/;

/** Collects the log files below `dir` (iteratively: deep trees cannot overflow the stack); `shown` names it in errors. */
function walk(root: string, shown: string, out: string[]): void {
  const dirs = [root];
  while (dirs.length > 0) {
    const dir = dirs.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      throw fsError(err, join(shown, relative(root, dir)), "cannot list the folder");
    }
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) dirs.push(full);
      else if (e.isFile() && LOG_FILE.test(e.name)) out.push(full);
    }
  }
}

/** Expands paths: a file as is, a folder to every *.jsonl / *.jsonl.gz below it (sorted), `-` to stdin. */
export function logSources(paths: string[], cwd = process.cwd()): LogSource[] {
  if (paths.length === 0) throw new UsageError("usage needs log files or folders", "e.g. ratecard usage logs/ or ratecard usage - < log.jsonl");
  if (paths.filter((p) => p === "-").length > 1) throw new UsageError("- (standard input) can be named once", "name it once: standard input can be read only once");
  const out: LogSource[] = [];
  for (const p of paths) {
    if (p === "-") {
      out.push({ name: "-", path: undefined, gzip: false, size: 0 });
      continue;
    }
    const full = resolve(cwd, p);
    let st;
    try {
      st = statPath(full, p);
    } catch (err) {
      if (err instanceof InputError && err.message === "no such file") throw new InputError("no such file or folder", "check the path", { file: p });
      throw err;
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      walk(full, p, found);
      if (found.length === 0) throw new InputError("the folder has no *.jsonl or *.jsonl.gz files", "name a log file, or a folder holding some", { file: p });
      for (const f of found.sort()) {
        const name = join(p, relative(full, f));
        out.push({ name, path: f, gzip: f.endsWith(".gz"), size: statPath(f, name).size });
      }
    } else {
      const kind = specialKind(st);
      if (kind) throw new InputError(`is ${kind}, not a regular file`, "name a log file, or pipe it in with -", { file: p });
      out.push({ name: p, path: full, gzip: p.endsWith(".gz"), size: st.size });
    }
  }
  return out;
}

/** Receives one line as UTF-8 bytes b[start, end) (end excludes the newline and a CR before it). */
type LineSink = (b: Buffer, start: number, end: number, lineNumber: number) => void;

/** Receives the number of a line longer than the line budget (its bytes are dropped, not kept). */
type LongLineSink = (lineNumber: number) => void;

/**
 * Splits a byte stream into lines without decoding it (the scanner reads bytes; a string per line
 * would cost more than the scan). A line spanning chunks is joined once, at its newline.
 */
class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** The line being read is over budget: its bytes are dropped up to its newline. */
  private dropping = false;
  private n = 0;
  private readonly max = limits().lineBytes;

  constructor(
    private readonly onLine: LineSink,
    private readonly onLong: LongLineSink,
  ) {}

  private keep(part: Buffer): void {
    if (this.dropping) return;
    this.pendingBytes += part.length;
    if (this.pendingBytes > this.max) {
      this.pending = [];
      this.pendingBytes = 0;
      this.dropping = true;
      return;
    }
    this.pending.push(Buffer.from(part)); // a copy: chunks may be reused
  }

  /** Ends the joined line at a newline (or the end of the stream). */
  private flush(): void {
    if (this.dropping) {
      this.dropping = false;
      this.onLong(++this.n);
      return;
    }
    const line = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    this.emit(line, 0, line.length);
  }

  private emit(b: Buffer, start: number, end: number): void {
    this.n++;
    if (end > start && b[end - 1] === 13) end--;
    if (this.n === 1 && b[start] === 0xef && b[start + 1] === 0xbb && b[start + 2] === 0xbf) start += 3;
    this.onLine(b, start, end, this.n);
  }

  push(chunk: Buffer): void {
    let pos = 0;
    if (this.pending.length > 0 || this.dropping) {
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        this.keep(chunk);
        return;
      }
      this.keep(chunk.subarray(0, nl));
      this.flush();
      pos = nl + 1;
    }
    for (;;) {
      const nl = chunk.indexOf(10, pos);
      if (nl < 0) break;
      if (nl - pos > this.max) this.onLong(++this.n);
      else this.emit(chunk, pos, nl);
      pos = nl + 1;
    }
    if (pos < chunk.length) this.keep(chunk.subarray(pos));
  }

  end(): void {
    if (this.pending.length === 0 && !this.dropping) return;
    this.flush();
  }
}

/** Reads a plain file with blocking reads into one reused buffer: the fastest way, and flat in memory. */
function fileLines(src: LogSource, path: string, onLine: LineSink, onLong: LongLineSink, onBytes?: (n: number) => void): void {
  const lines = new LineSplitter(onLine, onLong);
  const chunk = Buffer.allocUnsafe(1 << 18);
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const kind = specialKind(fstatSync(fd));
    if (kind) throw new InputError(`is ${kind}, not a regular file`, "name a log file", { file: src.name });
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      onBytes?.(n);
      lines.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
  } catch (err) {
    if (err instanceof Error && "syscall" in err) throw fsError(err, src.name);
    throw err;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  lines.end();
}

/** Streams standard input or a gzip file (gunzipped) through the splitter. */
function streamedLines(src: LogSource, stdin: NodeJS.ReadableStream, onLine: LineSink, onLong: LongLineSink, onBytes?: (n: number) => void): Promise<void> {
  return new Promise((done, fail) => {
    const raw: NodeJS.ReadableStream = src.path ? createReadStream(src.path, { highWaterMark: 1 << 18 }) : stdin;
    const input = src.gzip ? raw.pipe(createGunzip({ chunkSize: 1 << 18 })) : raw;
    const lines = new LineSplitter(onLine, onLong);
    // A gzip bomb stops here: output beyond ratio x input (plus a floor for small files).
    const { gunzipRatio } = limits();
    const maxOut = src.gzip ? src.size * gunzipRatio + GUNZIP_FLOOR : Infinity;
    let out = 0;
    let stopped = false;
    const stop = (err: unknown) => {
      if (stopped) return;
      stopped = true;
      if (src.path) (raw as ReturnType<typeof createReadStream>).destroy();
      if (input !== raw) (input as ReturnType<typeof createGunzip>).destroy();
      fail(err);
    };
    const failWith = (err: Error) =>
      stop(
        "syscall" in err
          ? fsError(err, src.name)
          : new InputError(src.gzip ? `cannot read the gzip stream: ${fsCause(err)}` : `cannot read: ${fsCause(err)}`, "check the file", { file: src.name }),
      );
    raw.on("error", failWith);
    if (input !== raw) input.on("error", failWith);
    if (onBytes) raw.on("data", (chunk: Buffer | string) => onBytes(chunk.length));
    input.on("data", (chunk: Buffer | string) => {
      if (stopped) return;
      out += chunk.length;
      if (out > maxOut) {
        stop(
          new InputError(
            `expands to more than ${gunzipRatio} times its compressed size (a gzip bomb?)`,
            `${LIMIT_ENV.gunzipRatio} raises the ratio; or gunzip it yourself and pass the .jsonl`,
            { file: src.name },
          ),
        );
        return;
      }
      try {
        lines.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk);
      } catch (err) {
        stop(err);
      }
    });
    input.on("end", () => {
      if (stopped) return;
      try {
        lines.end();
        stopped = true;
        done();
      } catch (err) {
        stop(err);
      }
    });
  });
}

/**
 * Feeds the lines of a source to `onLine` (gunzipped when .gz), reporting raw bytes read to
 * `onBytes`. Memory stays flat: nothing holds more than a chunk and the line being joined.
 */
export async function streamLines(src: LogSource, stdin: NodeJS.ReadableStream, onLine: LineSink, onLong: LongLineSink, onBytes?: (n: number) => void): Promise<void> {
  if (src.path && !src.gzip) fileLines(src, src.path, onLine, onLong, onBytes);
  else await streamedLines(src, stdin, onLine, onLong, onBytes);
}

/** The skip detail of a line over the budget. */
export function longLineDetail(): string {
  return `the line is longer than ${bytesText(limits().lineBytes)} (${LIMIT_ENV.lineBytes} raises the limit)`;
}

/** Bytes any gzip log may expand to regardless of the ratio. */
const GUNZIP_FLOOR = 64 * 1024 * 1024;
