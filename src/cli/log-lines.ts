// Usage-log input: paths to JSONL sources (files, folders, .gz, stdin), streamed line by line.

import { closeSync, createReadStream, openSync, readdirSync, readSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { createGunzip } from "node:zlib";
import { InputError, UsageError } from "../core/errors.js";

/** One stream of log lines: a file or standard input. */
interface LogSource {
  /** How positions name it: the path as given (or found under a folder), or "-" for stdin. */
  name: string;
  /** Absolute path; undefined for stdin. */
  path: string | undefined;
  gzip: boolean;
  /** Bytes on disk (compressed for .gz); 0 for stdin. */
  size: number;
}

const LOG_FILE = /\.jsonl(\.gz)?$/;

function walk(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else if (e.isFile() && LOG_FILE.test(e.name)) out.push(full);
  }
}

/** Expands paths: a file as is, a folder to every *.jsonl / *.jsonl.gz below it (sorted), `-` to stdin. */
export function logSources(paths: string[], cwd = process.cwd()): LogSource[] {
  if (paths.length === 0) throw new UsageError("usage needs log files or folders", "e.g. ratecard usage logs/ or ratecard usage - < log.jsonl");
  const out: LogSource[] = [];
  for (const p of paths) {
    if (p === "-") {
      out.push({ name: "-", path: undefined, gzip: false, size: 0 });
      continue;
    }
    const full = resolve(cwd, p);
    let st;
    try {
      st = statSync(full);
    } catch {
      throw new InputError("no such file or folder", "check the path", { file: p });
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      walk(full, found);
      if (found.length === 0) throw new InputError("the folder has no *.jsonl or *.jsonl.gz files", "name a log file, or a folder holding some", { file: p });
      for (const f of found.sort()) out.push({ name: join(p, relative(full, f)), path: f, gzip: f.endsWith(".gz"), size: statSync(f).size });
    } else {
      out.push({ name: p, path: full, gzip: p.endsWith(".gz"), size: st.size });
    }
  }
  return out;
}

/** Receives one line as UTF-8 bytes b[start, end) (end excludes the newline and a CR before it). */
type LineSink = (b: Buffer, start: number, end: number, lineNumber: number) => void;

/**
 * Splits a byte stream into lines without decoding it (the scanner reads bytes; a string per line
 * would cost more than the scan). A line spanning chunks is joined once, at its newline.
 */
class LineSplitter {
  private pending: Buffer[] = [];
  private n = 0;

  constructor(private readonly onLine: LineSink) {}

  private emit(b: Buffer, start: number, end: number): void {
    this.n++;
    if (end > start && b[end - 1] === 13) end--;
    if (this.n === 1 && b[start] === 0xef && b[start + 1] === 0xbb && b[start + 2] === 0xbf) start += 3;
    this.onLine(b, start, end, this.n);
  }

  push(chunk: Buffer): void {
    let pos = 0;
    if (this.pending.length > 0) {
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        this.pending.push(Buffer.from(chunk));
        return;
      }
      this.pending.push(chunk.subarray(0, nl));
      const line = Buffer.concat(this.pending);
      this.pending = [];
      this.emit(line, 0, line.length);
      pos = nl + 1;
    }
    for (;;) {
      const nl = chunk.indexOf(10, pos);
      if (nl < 0) break;
      this.emit(chunk, pos, nl);
      pos = nl + 1;
    }
    if (pos < chunk.length) this.pending.push(Buffer.from(chunk.subarray(pos))); // a copy: chunks may be reused
  }

  end(): void {
    if (this.pending.length === 0) return;
    const line = Buffer.concat(this.pending);
    this.pending = [];
    this.emit(line, 0, line.length);
  }
}

/** Reads a plain file with blocking reads into one reused buffer: the fastest way, and flat in memory. */
function fileLines(src: LogSource, path: string, onLine: LineSink, onBytes?: (n: number) => void): void {
  const lines = new LineSplitter(onLine);
  const chunk = Buffer.allocUnsafe(1 << 18);
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      onBytes?.(n);
      lines.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
  } catch (err) {
    if (err instanceof Error && "syscall" in err) throw new InputError(`cannot read: ${err.message}`, "check the file", { file: src.name });
    throw err;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  lines.end();
}

/** Streams standard input or a gzip file (gunzipped) through the splitter. */
function streamedLines(src: LogSource, stdin: NodeJS.ReadableStream, onLine: LineSink, onBytes?: (n: number) => void): Promise<void> {
  return new Promise((done, fail) => {
    const raw: NodeJS.ReadableStream = src.path ? createReadStream(src.path, { highWaterMark: 1 << 18 }) : stdin;
    const input = src.gzip ? raw.pipe(createGunzip({ chunkSize: 1 << 18 })) : raw;
    const lines = new LineSplitter(onLine);
    let stopped = false;
    const stop = (err: unknown) => {
      if (stopped) return;
      stopped = true;
      if (src.path) (raw as ReturnType<typeof createReadStream>).destroy();
      if (input !== raw) (input as ReturnType<typeof createGunzip>).destroy();
      fail(err);
    };
    const failWith = (err: Error) =>
      stop(new InputError(src.gzip ? `cannot read the gzip stream: ${err.message}` : `cannot read: ${err.message}`, "check the file", { file: src.name }));
    raw.on("error", failWith);
    if (input !== raw) input.on("error", failWith);
    if (onBytes) raw.on("data", (chunk: Buffer | string) => onBytes(chunk.length));
    input.on("data", (chunk: Buffer | string) => {
      if (stopped) return;
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
export async function streamLines(src: LogSource, stdin: NodeJS.ReadableStream, onLine: LineSink, onBytes?: (n: number) => void): Promise<void> {
  if (src.path && !src.gzip) fileLines(src, src.path, onLine, onBytes);
  else await streamedLines(src, stdin, onLine, onBytes);
}
