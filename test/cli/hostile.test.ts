// The hostile-input suite: every input ends within 5 s of CPU and 300 MB, with exit 2 (or a documented
// skip) and one clean line: no stack, no raw control character. Large inputs are generated here.
import { execFileSync } from "node:child_process";
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, tempDir } from "../helpers/cli.js";
import { spawnLimited, type LimitedOptions, type LimitedResult } from "../helpers/limited.js";

const FIX = join(ROOT, "test/fixtures/hostile");
const PLAN = join(ROOT, "examples/worked-example.yaml");
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const asRoot = process.getuid?.() === 0;
/** Permission checks hold for root too once it drops the capabilities that bypass them. */
const UNPRIVILEGED: LimitedOptions = asRoot ? { dropDac: true } : {};

interface Case {
  name: string;
  args: (dir: string) => string[];
  /** Exit code: 2 (bad input), 4 (output not written) or 0 (a documented skip or a success). */
  code: 0 | 2 | 4;
  /** What the one stderr line must say (errors), or a warning line must say (code 0). */
  says?: RegExp;
  /** Text that must not appear anywhere in the output. */
  never?: string;
  opts?: (dir: string) => LimitedOptions;
  /** The error follows check's verdict line on stderr (the verdict is said before stdout fails). */
  afterVerdict?: boolean;
  /** A tighter CPU bound (ms) than the suite's 5 s: inputs aimed at quadratic work, which linear code ends in milliseconds. */
  cpuMs?: number;
}

/** The CPU bound of the cases aimed at quadratic work (their linear handling takes under 0.5 s). */
const LINEAR = 1500;

const FLASH = ["-m", "deepseek-v4-flash", "--as-of", "2026-04-24"];
const PRICES = "input_cache_hit: 1, input_cache_miss: 1, output: 1";
/** Day `i` after 2026-01-01, and minute `i` after it. */
const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
const minute = (i: number) => `${new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString().slice(0, 16)}Z`;
/** A user card of provider testco with these model lines. */
const testcoCard = (models: string) => `provider: testco\ncurrency: USD\nmodels:\n${models}`;
/** A user card of one model "zz" with these snapshot ids. */
const card = (snapshots: string[], separator = ", ") => `provider: testco\ncurrency: USD\nmodels:\n  zz:\n    snapshots: [${snapshots.join(separator)}]\n    versions:\n      - from: 2026-01-01\n        input_cache_hit: 0.1\n        input_cache_miss: 1\n        output: 2\n`;
const ONE = ["--calls", "1", "--miss", "1", ...FLASH];
const LOG = `{"model":"deepseek-v4-flash","timestamp":"2026-05-01T00:00:00Z","usage":{"prompt_tokens":10,"completion_tokens":5}}\n`;

const cases: Case[] = [
  // Hangs on small inputs.
  { name: "a plan with 20,000 repeated aliases", args: (d) => ["estimate", join(d, "aliases-20k.yaml")], code: 2, says: /two workloads are named "a"/ },
  { name: "a legitimate plan with 100,000 items (aliases)", args: (d) => ["estimate", join(d, "items-100k.yaml")], code: 0 },
  { name: "an alias bomb", args: (d) => ["estimate", join(d, "bomb.yaml")], code: 2, says: /YAML aliases expand to more than 1000000 extra nodes/ },
  { name: "a list item with 700,000 spaces inside", args: (d) => ["estimate", join(d, "spaced.yaml")], code: 2, says: /spaced\.yaml:2:29: unknown model \(a value of 700002 characters\)/, cpuMs: LINEAR },
  { name: "a 129 KB --vary value of dots and a newline", args: () => ["sweep", PLAN, "--vary", `calls=\u0001${"...".repeat(43_000)}\n\nx`], code: 2, says: /--vary: calls=/, cpuMs: LINEAR },
  { name: "a 700 KB value that would make a pattern backtrack", args: (d) => ["estimate", join(d, "backtrack.yaml")], code: 2, says: /backtrack\.yaml:4:8: calls: the value \(700002 characters\) is negative/, cpuMs: LINEAR },
  { name: "a YAML error that quotes 700 KB of the file", args: (d) => ["estimate", join(d, "quoting-error.yaml")], code: 2, says: /quoting-error\.yaml:1:11: YAML syntax error: Not a YAML token: x\.\.\. \(fix the YAML syntax\)/, cpuMs: LINEAR },
  { name: "a card whose 10,000 aliases form one chain", args: (d) => ["rates", "--intervals", "--rates", join(d, "alias-chain.yaml"), "--from", "2026-01-01", "--to", "2026-02-01", "-f", "csv"], code: 2, says: /alias-chain\.yaml:6:9: model "m0" is billed through more than 64 aliases at 2026-01-01/, cpuMs: LINEAR },
  { name: "a card whose 9,000 aliases chain up one a day", args: (d) => ["rates", "--intervals", "--rates", join(d, "staged-chain.yaml"), "m0", "--from", "2026-01-01", "--to", "2060-01-01", "-f", "csv"], code: 2, says: /model "testco\/m0" is billed through more than 64 aliases at 2026-03-06/, cpuMs: LINEAR },
  { name: "a sweep of a model behind 5,000 aliases of a day each", args: (d) => ["sweep", "--rates", join(d, "daily-chain.yaml"), "-m", "x0", "--miss", "1", "--as-of", "2026-01-02", "--vary", "calls=1..3+1"], code: 0 },
  { name: "a built-in alias led into 63 aliases of a user card", args: (d) => ["estimate", "--rates", join(d, "into-builtin.yaml"), "-m", "deepseek-v4-flash", ...ONE.slice(0, 4), "--as-of", "2026-10-01"], code: 2, says: /model "deepseek-v4-flash" is billed through more than 64 aliases at 2026-10-01/ },
  { name: "intervals of a fee with 8,000 versions", args: (d) => ["rates", "--intervals", "--rates", join(d, "fee-versions.yaml"), "--from", "2026-01-01", "--to", "2026-02-01", "-f", "csv"], code: 0, cpuMs: LINEAR },
  { name: "an unknown model beside 140,000 snapshots", args: (d) => ["estimate", "--rates", join(d, "snapshots-140k.yaml"), "-m", "nope", ...ONE.slice(0, 4), "--as-of", "2026-04-24"], code: 2, says: /unknown model "nope"/, cpuMs: LINEAR },
  { name: "a mapping of 70,000 keys that the full parser reads", args: (d) => ["estimate", join(d, "many-keys.yaml")], code: 2, says: /many-keys\.yaml:2:1: unknown key "k0"/ },
  { name: "a card listing 110,000 snapshots", args: (d) => ["estimate", "--rates", join(d, "snapshots.yaml"), "-m", "zz", ...ONE.slice(0, 4), "--as-of", "2026-04-24", "-f", "csv"], code: 0, cpuMs: LINEAR },
  { name: "a 40,000-character model beside a 40,000-character snapshot", args: (d) => ["estimate", "--rates", join(d, "long-snapshot.yaml"), "-m", `${"b".repeat(40_000)}c`, ...ONE.slice(0, 4), "--as-of", "2026-04-24"], code: 2, says: /unknown model \(a value of 40001 characters\)/, cpuMs: LINEAR },
  { name: "an alias inside its own anchor", args: () => ["estimate", join(FIX, "alias-cycle.yaml")], code: 2, says: /refers to a node that contains it/ },
  { name: "YAML nested 100,000 deep", args: (d) => ["estimate", join(d, "deep.yaml")], code: 2 },
  { name: "--peak-share with 20,000 digits", args: () => ["estimate", ...ONE, "--peak-share", `0.${"1".repeat(20000)}`], code: 2, says: /--peak-share: a number with 20001 digits is longer than the limit of 1000 digits/ },
  { name: "a card price with 100,000 decimals", args: (d) => ["rates", "--rates", join(d, "long-price.yaml")], code: 2, says: /long-price\.yaml:\d+:\d+: .*100001 digits/ },
  { name: "sweep --vary calls=1..1e6x1.001", args: () => ["sweep", "--miss", "1", ...FLASH, "--vary", "calls=1..1e6x1.001"], code: 2, says: /point 2 is 1\.001, not a whole number/ },
  { name: "sweep of a share by a factor of 1.001", args: () => ["sweep", ...ONE, "--vary", "peak-share=0.0001..1x1.001"], code: 2, says: /more than 60 decimals/ },
  // No size limits.
  { name: "a 2 MB .jsonl.gz expanding to one 2 GiB line", args: (d) => ["usage", join(d, "line.jsonl.gz")], code: 2, says: /line\.jsonl\.gz: expands to more than 200 times its compressed size/ },
  { name: "a gzip of 10 GB of NUL bytes", args: (d) => ["usage", join(d, "nul.jsonl.gz")], code: 2, says: /nul\.jsonl\.gz: expands to more than 200 times/ },
  { name: "a dense YAML list just under the size limit", args: (d) => ["estimate", join(d, "dense.yaml")], code: 2, says: /dense\.yaml:1:1: the workload has no calls/ },
  { name: "a 50 MB plan", args: (d) => ["estimate", join(d, "big.yaml")], code: 2, says: /big\.yaml: is larger than the 768 KiB limit for a YAML file \(is it the right file\? RATECARD_MAX_YAML_BYTES raises the limit\)/ },
  { name: "a 3 MB log line (a skipped record; the stream goes on)", args: (d) => ["usage", join(d, "long-line.jsonl"), "-f", "json"], code: 0, says: /skipped 1 record that cannot be priced: line-too-long 1 \(.*long-line\.jsonl:1\)/ },
  ...(["/dev/zero", "/dev/urandom"] as const).flatMap((dev): Case[] => [
    { name: `${dev} as a plan`, args: () => ["estimate", dev], code: 2, says: new RegExp(`${dev}: is a character device, not a regular file`) },
    { name: `${dev} as a card`, args: () => ["estimate", ...ONE, "--rates", dev], code: 2, says: /is a character device/ },
    { name: `${dev} as a config`, args: () => ["estimate", ...ONE], code: 2, says: /is a character device/, opts: () => ({ env: { RATECARD_CONFIG: dev } }) },
    { name: `${dev} as a log`, args: () => ["usage", dev], code: 2, says: /is a character device/ },
    { name: `${dev} as a text file`, args: () => ["tokens", dev], code: 2, says: /is a character device/ },
    { name: `${dev} as a LiteLLM file`, args: () => ["import", "litellm", dev], code: 2, says: /is a character device/ },
  ]),
  ...(["fifo", "socket"] as const).flatMap((kind): Case[] => {
    const what = kind === "fifo" ? /is a FIFO \(named pipe\), not a regular file/ : /is a socket, not a regular file/;
    return [
      { name: `a ${kind} as a plan`, args: (d) => ["estimate", join(d, kind)], code: 2, says: what },
      { name: `a ${kind} as a card`, args: (d) => ["estimate", ...ONE, "--rates", join(d, kind)], code: 2, says: what },
      { name: `a ${kind} as a config`, args: () => ["estimate", ...ONE], code: 2, says: what, opts: (d) => ({ env: { RATECARD_CONFIG: join(d, kind) } }) },
      { name: `a ${kind} as a log`, args: (d) => ["usage", join(d, kind)], code: 2, says: what },
      { name: `a ${kind} as a text file`, args: (d) => ["tokens", join(d, kind)], code: 2, says: what },
      { name: `a ${kind} in check and diff`, args: (d) => ["diff", PLAN, join(d, kind)], code: 2, says: what },
    ];
  }),
  // Internal errors for ordinary faults: unreadable files (EACCES) in every command.
  ...([
    ["estimate", (d: string) => ["estimate", join(d, "locked.yaml")]],
    ["check", (d: string) => ["check", join(d, "locked.yaml"), "--budget", "10"]],
    ["diff", (d: string) => ["diff", PLAN, join(d, "locked.yaml")]],
    ["sweep", (d: string) => ["sweep", join(d, "locked.yaml"), "--vary", "calls=1,2"]],
    ["solve", (d: string) => ["solve", join(d, "locked.yaml"), "--for", "calls", "--budget", "10"]],
    ["tokens", (d: string) => ["tokens", join(d, "locked.yaml")]],
    ["import", (d: string) => ["import", "litellm", join(d, "locked.yaml")]],
    ["usage", (d: string) => ["usage", join(d, "locked.yaml")]],
    ["usage --compare", (d: string) => ["usage", join(d, "ok.jsonl"), "--compare", join(d, "locked.yaml")]],
    ["--rates", (d: string) => ["estimate", ...ONE, "--rates", join(d, "locked.yaml")]],
  ] as const).map(([what, args]): Case => ({ name: `an unreadable file (EACCES) in ${what}`, args, code: 2, says: /locked\.yaml: cannot (open|read): permission denied \(EACCES\)/, opts: () => UNPRIVILEGED })),
  { name: "an unreadable config file (EACCES)", args: () => ["estimate", ...ONE], code: 2, says: /locked\.yaml: cannot (open|read): permission denied \(EACCES\)/, opts: (d) => ({ ...UNPRIVILEGED, env: { RATECARD_CONFIG: join(d, "locked.yaml") } }) },
  { name: "a folder with an unreadable subfolder in usage", args: (d) => ["usage", join(d, "logs")], code: 2, says: /logs\/locked: cannot list the folder: permission denied \(EACCES\)/, opts: () => UNPRIVILEGED },
  { name: "a plan inside an unreadable folder", args: (d) => ["estimate", join(d, "logs/locked/plan.yaml")], code: 2, says: /plan\.yaml: cannot open: permission denied \(EACCES\)/, opts: () => UNPRIVILEGED },
  { name: "a config inside an unreadable folder", args: () => ["estimate", ...ONE], code: 2, says: /plan\.yaml: cannot open: permission denied \(EACCES\)/, opts: (d) => ({ ...UNPRIVILEGED, env: { RATECARD_CONFIG: join(d, "logs/locked/plan.yaml") } }) },
  { name: "usage - reading /dev/zero", args: () => ["usage", "-"], code: 2, says: /^ratecard: error: -: standard input is a character device, not a file or a pipe/, opts: () => ({ stdio: [openSync("/dev/zero", "r"), "pipe", "pipe"] }) },
  { name: "tokens - reading /dev/zero", args: () => ["tokens", "-"], code: 2, says: /^ratecard: error: -: standard input is a character device/, opts: () => ({ stdio: [openSync("/dev/zero", "r"), "pipe", "pipe"] }) },
  { name: "tokens - reading 40 MB from a pipe", args: () => ["tokens", "-"], code: 2, says: /^ratecard: error: -: is larger than the 32 MiB limit for a text file \(RATECARD_MAX_TEXT_BYTES raises the limit\)/, opts: () => ({ input: "a".repeat(40 * 1024 * 1024) }) },
  { name: "a folder as a plan (EISDIR)", args: (d) => ["estimate", join(d, "logs")], code: 2, says: /logs: is a folder, not a file/ },
  { name: "a record with a timestamp far in the future (a skip)", args: () => ["usage", join(FIX, "far-future.jsonl")], code: 0, says: /skipped 1 record that cannot be priced: bad-instant 1 \(.*far-future\.jsonl:1\)/ },
  { name: "a record far in the future with --strict", args: () => ["usage", join(FIX, "far-future.jsonl"), "--strict"], code: 2, says: /far-future\.jsonl:1:1: 1 record cannot be priced, the first: bad-instant, 1e15 is not an instant/ },
  { name: "a 200,000-point sweep table", args: () => ["sweep", "--miss", "1", ...FLASH, "--vary", "calls=1..200000+1"], code: 2, says: /200000 points, more than the limit of 100000 \(use a larger step, or raise the limit with --max-points\)/ },
  { name: "a sweep of 1e1000 points", args: () => ["sweep", "--miss", "1", ...FLASH, "--vary", "calls=1..1e1000+1", "-f", "csv"], code: 2, says: /calls=1\.\.1e1000\+1: more points than the limit of 100000000 \(/ },
  { name: "a sweep table of 50,000 points, with its chart", args: () => ["sweep", "--miss", "1", ...FLASH, "--vary", "calls=1..50000+1", "--chart"], code: 0 },
  { name: "sweep --vary calls=1e300,1e1000 with a chart", args: () => ["sweep", "--miss", "1", ...FLASH, "--vary", "calls=1e300,1e1000", "--chart"], code: 0 },
  // Output errors.
  { name: "writing to a full disk (/dev/full)", args: () => ["estimate", PLAN], code: 4, says: /^ratecard: error: could not write output to standard output: no space left on the device \(ENOSPC\)/, opts: () => ({ stdio: ["ignore", openSync("/dev/full", "w"), "pipe"] }) },
  { name: "check writing to a full disk is not a gate verdict", args: () => ["check", PLAN, "--budget", "1"], code: 4, says: /\nratecard: error: could not write output to standard output: no space left on the device \(ENOSPC\)[^\n]*\n$/, afterVerdict: true, opts: () => ({ stdio: ["ignore", openSync("/dev/full", "w"), "pipe"] }) },
  // Echoes.
  { name: "a config whose rates: names a file that is not a card", args: () => ["estimate", ...ONE], code: 2, says: /not-a-card\.txt(:\d+:\d+)?: is not a rate card \(a YAML mapping with provider:, currency: and models:\)/, never: "SECRET", opts: (d) => ({ env: { RATECARD_CONFIG: join(d, "shadow-config.yaml") } }) },
  { name: "diff of saved JSON reports over the YAML limit", args: (d) => ["diff", join(d, "saved.json"), join(d, "saved.json")], code: 0 },
  { name: "diff of a YAML plan over the YAML limit", args: (d) => ["diff", PLAN, join(d, "commented.yaml")], code: 2, says: /commented\.yaml: is larger than the 768 KiB limit for a YAML file/ },
  { name: "a plan that is some other file", args: () => ["estimate", join(FIX, "looks-like-shadow.txt")], code: 2, says: /looks-like-shadow\.txt:1:1: none of the file's keys is one this file can have/, never: "SECRET" },
  { name: "a config that is some other file", args: () => ["estimate", ...ONE], code: 2, says: /looks-like-shadow\.txt:1:1: none of the file's keys is one this file can have/, never: "SECRET", opts: () => ({ env: { RATECARD_CONFIG: join(FIX, "looks-like-shadow.txt") } }) },
  { name: "usage --strict of some other file", args: () => ["usage", join(FIX, "looks-like-shadow.txt"), "--strict"], code: 2, says: /2 records cannot be priced, the first: malformed-json, not valid JSON;/, never: "SECRET" },
  { name: "--rates naming a file that is not a card", args: () => ["rates", "--rates", join(FIX, "not-a-card.txt")], code: 2, says: /is not a rate card/, never: "SECRET" },
  { name: "import of a file that is not JSON", args: () => ["import", "litellm", join(FIX, "not-a-card.txt")], code: 2, says: /not valid JSON/, never: "SECRET" },
  ...(["table", "markdown", "csv", "json"] as const).map((f): Case => ({ name: `terminal escapes in plan names (${f})`, args: () => ["estimate", join(FIX, "escapes.yaml"), "-f", f], code: 0, never: "\u001b" })),
  { name: "terminal escapes in a model id of a card", args: () => ["rates", "--rates", join(FIX, "escapes-card.yaml")], code: 2, says: /is not a model id/, never: "\u001b" },
  { name: "terminal escapes in a log's model name", args: () => ["usage", join(FIX, "escapes.jsonl")], code: 0, says: /unknown-model/, never: "\u001b" },
  { name: "terminal escapes in a file name", args: () => ["estimate", "evil\u001b]52;c;ZXZpbA==\u0007.yaml"], code: 2, says: /no such file/, never: "\u001b" },
  { name: "terminal escapes in a flag value", args: () => ["estimate", ...ONE, "--peak-share", "\u001b[2J"], code: 2, says: /--peak-share: the value \(4 characters, with control characters\) is not a share/ },
  // Silent nothing.
  { name: "usage - - (stdin named twice)", args: () => ["usage", "-", "-"], code: 2, says: /- \(standard input\) can be named once/ },
  // Small validation gaps.
  { name: "as_of: 2026-04-24T00:00+99:99", args: () => ["estimate", join(FIX, "bad-offset.yaml")], code: 2, says: /bad-offset\.yaml:2:\d+: as_of: "2026-04-24T00:00\+99:99" has an offset that is not a time zone/ },
  { name: "-m ''", args: () => ["estimate", "--calls", "1", "--miss", "1", "-m", ""], code: 2, says: /'-m, --model <id>' argument '' is invalid\. it is empty/ },
  { name: "an alias loop in a card", args: () => ["rates", "--rates", join(FIX, "card-alias-loop.yaml")], code: 2, says: /card-alias-loop\.yaml:\d+:\d+: model aliases form a loop at 2026-01-01: "acme-a" -> "acme-b" -> "acme-a"/ },
  { name: "import of 1e-400 per token", args: () => ["import", "litellm", join(FIX, "litellm-underflow.json")], code: 2, says: /litellm-underflow\.json:1:\d+: 1e-400 is too small for a JSON number: it would be read as 0/ },
  { name: "--budget 1,5", args: () => ["check", PLAN, "--budget", "1,5"], code: 2, says: /--budget: "1,5" has a comma that is not a thousands separator/ },
  { name: "--calls 1,5", args: () => ["estimate", "--calls", "1,5", "--miss", "1", ...FLASH], code: 2, says: /--calls: "1,5" has a comma that is not a thousands separator/ },
  { name: "a --base-ref with a newline", args: () => ["diff", "--base-ref", "main\nInjected: line", PLAN], code: 2, says: /--base-ref: the value \(19 characters, with control characters\) is not a git ref/ },
  { name: "a conversation of 1e999 turns", args: (d) => ["estimate", join(d, "turns.yaml")], code: 2, says: /conversation\.turns is more than 100000 turns in one conversation/ },
  { name: "a limit setting that is not a number", args: () => ["estimate", ...ONE], code: 2, says: /RATECARD_MAX_YAML_BYTES is not a number of bytes/, opts: () => ({ env: { RATECARD_MAX_YAML_BYTES: "lots" } }) },
];

/** Gzip members concatenated: `count` x gzip(1 MiB of `byte`) gunzips to count MiB (a small file, a huge stream). */
function gzipRepeated(head: Buffer, byte: number, count: number): Buffer {
  const member = gzipSync(Buffer.alloc(1 << 20, byte), { level: 9 });
  return Buffer.concat([gzipSync(head), ...Array<Buffer>(count).fill(member)]);
}

let dir = "";
let server: Server | undefined;
const results: { name: string; r: LimitedResult }[] = [];

beforeAll(async () => {
  dir = tempDir({
    "aliases-20k.yaml": `as_of: 2026-04-24\nmodels: [deepseek-v4-flash]\nworkloads:\n  - &w {name: a, calls: 1, miss: 1}\n${"  - *w\n".repeat(20000)}`,
    "items-100k.yaml": `as_of: 2026-04-24\ncalls: 1\nmiss: 1\nmodels:\n  - &m deepseek-v4-flash\n${"  - *m\n".repeat(99_999)}`,
    "quoting-error.yaml": `calls: >- x${" ".repeat(700_000)}y\n  z\n`,
    "alias-chain.yaml": `provider: testco\ncurrency: USD\nmodels:\n${Array.from({ length: 10_000 }, (_, i) => `  m${i}:\n    versions:\n      - from: 2026-01-01\n        billed_as: m${i + 1}\n`).join("")}  m10000:\n    versions:\n      - from: 2026-01-01\n        input_cache_hit: 0.1\n        input_cache_miss: 1\n        output: 2\n`,
    "staged-chain.yaml": testcoCard(Array.from({ length: 9000 }, (_, i) => `  m${i}:\n    versions:\n      - from: ${day(i)}\n        billed_as: m${i + 1}\n`).join("") + `  m9000:\n    versions:\n      - {from: ${day(9000)}, ${PRICES}}\n`), // block style: the plain reader's
    "daily-chain.yaml": testcoCard(Array.from({ length: 5000 }, (_, i) => `  x${i}:\n    versions:\n      - {from: ${day(i)}, billed_as: x${i + 1}}\n      - {from: ${day(i + 1)}, ${PRICES}}\n`).join("") + `  x5000:\n    versions:\n      - {from: ${day(5000)}, ${PRICES}}\n`),
    "into-builtin.yaml": `provider: deepseek\ncurrency: USD\nmodels:\n  deepseek-flash:\n    versions:\n      - {from: 2026-09-10T04:00Z, billed_as: u1}\n${Array.from({ length: 63 }, (_, i) => `  u${i + 1}:\n    versions:\n      - {from: 2026-09-10T04:00Z, billed_as: u${i + 2}}\n`).join("")}  u64:\n    versions:\n      - {from: 2026-01-01, ${PRICES}}\n`,
    "fee-versions.yaml": `provider: testco\ncurrency: USD\nfees:\n  f:\n    versions:\n${Array.from({ length: 8000 }, (_, i) => `      - {from: ${minute(i)}, price: ${(i % 2) + 1}, per: 1}\n`).join("")}models:\n  zz:\n    versions:\n      - {from: 2026-01-01, ${PRICES}}\n`,
    "snapshots-140k.yaml": card(Array.from({ length: 140_000 }, (_, i) => (i + 36 ** 3).toString(36)), ","), // 4-character ids: 700 KB
    "many-keys.yaml": `name: "quoted: the full parser's"\n${Array.from({ length: 70_000 }, (_, i) => `k${i}: 1\n`).join("")}`, // its duplicate-key check was quadratic
    "snapshots.yaml": card(Array.from({ length: 110_000 }, (_, i) => `s${i.toString(36)}`)),
    "long-snapshot.yaml": card(["b".repeat(40_000)]),
    "spaced.yaml": `as_of: 2026-04-24\nmodels: [deepseek-v4-flash, z${" ".repeat(700_000)}z]\ncalls: 1\nmiss: 1\n`,
    "backtrack.yaml": `as_of: 2026-04-24\nmodels: [deepseek-v4-flash]\nmiss: 1\ncalls: -${"1".repeat(700_000)}!\n`, // "-" then digits then a character no plain value has
    "bomb.yaml": ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(i === 0 ? "*a" : `*l${i}`).join(", ")}]`), "calls: 1", ""].join("\n"),
    "dense.yaml": `models:\n${"- a\n".repeat((768 * 1024 - 20) / 4)}`,
    "deep.yaml": `calls: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`,
    "long-price.yaml": `currency: USD\nmodels:\n  acme:\n    versions:\n      - {from: 2026-01-01, input_cache_hit: 0.${"1".repeat(100_000)}, input_cache_miss: 1, output: 1}\n`,
    "long-line.jsonl": `{"x":"${"a".repeat(3_000_000)}"}\n${LOG}`,
    "ok.jsonl": LOG,
    "locked.yaml": "calls: 1\nmiss: 1\n",
    "shadow-config.yaml": `rates: [${join(FIX, "not-a-card.txt")}]\n`,
    "turns.yaml": "as_of: 2026-04-24\nmodels: [deepseek-v4-flash]\ncalls: 1\nconversation: {turns: 1e999, system: 1, user: 1, reply: 1}\n",
  });
  writeFileSync(join(dir, "line.jsonl.gz"), gzipRepeated(Buffer.from('{"x":"'), 0x61, 2048));
  writeFileSync(join(dir, "nul.jsonl.gz"), gzipRepeated(Buffer.alloc(0), 0, 10240));
  // 120 lines of 1 MiB + 1 byte (each over the line budget): 120 MiB from some 150 KB.
  const line = gzipSync(Buffer.concat([Buffer.alloc(1 << 20, 0x61), Buffer.from("a\n")]), { level: 9 });
  writeFileSync(join(dir, "lines.jsonl.gz"), Buffer.concat(Array<Buffer>(120).fill(line)));
  const saved = execFileSync(process.execPath, [join(ROOT, "bin/ratecard.js"), "estimate", PLAN, "-f", "json"], { encoding: "utf8" });
  writeFileSync(join(dir, "saved.json"), saved + " ".repeat(1_500_000)); // a report as large as many plans' reports
  writeFileSync(join(dir, "commented.yaml"), `# ${"x".repeat(1_200_000)}\nas_of: 2026-04-24\nmodels: [deepseek-v4-flash]\ncalls: 1\nmiss: 1\n`);
  closeSync(openSync(join(dir, "big.yaml"), "w"));
  truncateSync(join(dir, "big.yaml"), 50 * 1024 * 1024); // a sparse 50 MB file
  execFileSync("mkfifo", [join(dir, "fifo")]);
  server = createServer();
  await new Promise<void>((ready) => server!.listen(join(dir, "socket"), ready));
  mkdirSync(join(dir, "logs/locked"), { recursive: true });
  writeFileSync(join(dir, "logs/a.jsonl"), LOG);
  writeFileSync(join(dir, "logs/locked/b.jsonl"), LOG);
  writeFileSync(join(dir, "logs/locked/plan.yaml"), "calls: 1\nmiss: 1\n");
  chmodSync(join(dir, "logs/locked"), 0o000);
  chmodSync(join(dir, "locked.yaml"), 0o000);
});

afterAll(() => {
  server?.close();
  if (dir) chmodSync(join(dir, "logs/locked"), 0o755);
  const slowest = [...results].sort((a, b) => b.r.cpuMs - a.r.cpuMs)[0];
  const heaviest = [...results].sort((a, b) => b.r.peakMb - a.r.peakMb)[0];
  if (slowest && heaviest) {
    console.log(
      `hostile suite: ${results.length} cases; slowest "${slowest.name}" ${slowest.r.cpuMs} ms CPU (${slowest.r.ms} ms wall); ` +
        `most memory "${heaviest.name}" ${heaviest.r.peakMb.toFixed(0)} MB`,
    );
  }
});

describe("hostile inputs end in bounded time and memory with one clean line", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const r = await spawnLimited(c.args(dir), c.opts?.(dir) ?? {});
    results.push({ name: c.name, r });
    expect(r.killed, `stopped for ${r.killed} after ${r.ms} ms (${r.cpuMs} ms CPU) at ${r.peakMb.toFixed(0)} MB`).toBeUndefined();
    expect(r.peakMb).toBeLessThan(300);
    // Bounded time: 5 s of CPU (the work done, whatever else the machine runs); the wall clock only
    // has to show that nothing blocked (a FIFO or device read would sit at no CPU until killed).
    expect(r.cpuMs).toBeLessThan(c.cpuMs ?? 5000);
    expect(r.ms).toBeLessThan(10000);
    expect([r.code, r.stderr]).toEqual([c.code, expect.any(String)]);
    const out = r.stdout.replace(/\r\n/g, "\n");
    expect(RAW_CONTROL.test(out), "raw control character on stdout").toBe(false);
    expect(RAW_CONTROL.test(r.stderr), "raw control character on stderr").toBe(false);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    if (c.never) expect(r.stdout + r.stderr).not.toContain(c.never);
    if (c.code === 0) {
      for (const line of r.stderr.split("\n").filter(Boolean)) expect(line).toMatch(/^ratecard: (warning|diff|check): /); // warnings and gate verdicts
      if (c.says) expect(r.stderr).toMatch(c.says);
    } else {
      const errorLines = c.afterVerdict ? r.stderr.split("\n").filter((l) => !/^ratecard: check (PASS|WARN|FAIL): /.test(l)).join("\n") : r.stderr;
      expect(errorLines).toMatch(/^ratecard: error: [^\n]+\n$/); // one line
      expect(r.stdout).toBe("");
      if (c.says) expect(r.stderr).toMatch(c.says);
    }
  });

  it("each limit is raised by its setting", async () => {
    const big = await spawnLimited(["estimate", join(dir, "commented.yaml")]);
    expect([big.code, big.stderr]).toEqual([2, expect.stringMatching(/commented\.yaml: is larger than the 768 KiB limit for a YAML file/)]);
    const raised = await spawnLimited(["estimate", join(dir, "commented.yaml")], { env: { RATECARD_MAX_YAML_BYTES: "2M" } });
    expect([raised.code, raised.stdout]).toEqual([0, expect.stringContaining("$0.00000014")]);
    const line = await spawnLimited(["usage", join(dir, "long-line.jsonl"), "-f", "json"], { env: { RATECARD_MAX_LINE_BYTES: "4M" } });
    expect([line.code, line.stderr]).toEqual([0, expect.stringMatching(/skipped 1 record that cannot be priced: no-usage 1/)]);
    const gz = await spawnLimited(["usage", join(dir, "lines.jsonl.gz")]);
    expect([gz.code, gz.stderr]).toEqual([2, expect.stringMatching(/lines\.jsonl\.gz: expands to more than 200 times/)]);
    const gzRaised = await spawnLimited(["usage", join(dir, "lines.jsonl.gz")], { env: { RATECARD_MAX_GUNZIP_RATIO: "100000" } });
    expect([gzRaised.code, gzRaised.stderr]).toEqual([0, expect.stringMatching(/skipped 120 records that cannot be priced: line-too-long 120/)]);
    const sweep = ["sweep", "--miss", "1", ...FLASH, "--vary", "calls=1..11+1"];
    const few = await spawnLimited([...sweep, "--max-points", "10"]);
    expect([few.code, few.stderr]).toEqual([2, expect.stringMatching(/11 points, more than the limit of 10 \(use a larger step, or raise the limit with --max-points\)/)]);
    const enough = await spawnLimited([...sweep, "--max-points", "11", "-f", "csv"]);
    expect([enough.code, enough.stdout.split("\r\n").length]).toEqual([0, 13]);
  });

  it("the suite's fixtures are in the repository", () => {
    expect(readFileSync(join(FIX, "escapes.yaml"), "utf8")).toContain("\\e]52;");
  });
});
