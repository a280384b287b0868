// End-to-end: every expected error exits 2 with one clear line naming file, line, key and a fix.
import { describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { spawnCli, tempDir } from "../helpers/cli.js";

const BOMB = `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
`;

const dir = tempDir({
  "typo.yaml": "calls: 10\nmsis: 5\n",
  "unknown-model.yaml": "calls: 10\nmodels: [deepseek-v4-flsh]\n",
  "retired.yaml": "calls: 10\nmiss: 5\nas_of: 2026-08-01\nmodels: [deepseek-chat]\n",
  "early.yaml": "calls: 10\nmiss: 5\nas_of: 2026-01-01\nmodels: [deepseek-v4-pro]\n",
  "negative.yaml": "calls: 10\nmiss: -5\n",
  "fraction.yaml": "calls: 10.5\n",
  "word.yaml": "calls: 10\nreply: lots\n",
  "empty.yaml": "",
  "syntax.yaml": "calls: [1,\n",
  "duplicate.yaml": "calls: 1\nmiss: 2\ncalls: 3\n",
  "bomb.yaml": `${BOMB}calls: 1\nmodels: *h\n`,
  "bomb-in-card.yaml": `currency: USD\nnote: *h\n`.replace("note: *h", BOMB.split("\n").map((l) => `# ${l}`).join("\n") + "\nmodels: {}"),
  "card-typo.yaml": "currency: USD\nmodels:\n  acme:\n    versions:\n      - {from: 2026-01-01, input_cache_hit: 1, input_cache_miss: 1, ouptut: 1}\n",
});
mkdirSync(join(dir, "folder.yaml"));

const cases: [string, string[], RegExp][] = [
  ["a typo'd key, with did-you-mean", ["estimate", "typo.yaml"], /^ratecard: error: typo\.yaml:2:1: unknown key "msis" \(did you mean "miss"\?\)$/],
  ["an unknown model, with the closest ids", ["estimate", "unknown-model.yaml", "--as-of", "2026-05-01"], /^ratecard: error: unknown-model\.yaml:2:10: unknown model "deepseek-v4-flsh" \(did you mean "deepseek-v4-flash"/],
  ["a retired model after its retirement", ["estimate", "retired.yaml"], /^ratecard: error: retired\.yaml:4:10: model "deepseek-chat" was retired at 2026-07-24 15:59 UTC; use "deepseek-v4-flash" instead/],
  ["an as-of before the first price", ["estimate", "early.yaml"], /^ratecard: error: early\.yaml:4:10: no price for "deepseek-v4-pro" at 2026-01-01: its first price is from 2026-04-24/],
  ["a negative token count", ["estimate", "negative.yaml"], /^ratecard: error: negative\.yaml:2:7: miss: "-5" is negative \(write a non-negative whole number/],
  ["a fractional count", ["estimate", "fraction.yaml"], /^ratecard: error: fraction\.yaml:1:8: calls: "10\.5" is not a whole number \(write/],
  ["a non-numeric count", ["estimate", "word.yaml"], /^ratecard: error: word\.yaml:2:8: reply: "lots" is not a number \(write/],
  ["a negative count flag", ["estimate", "--calls", "-3", "--miss", "1"], /^ratecard: error: --calls: "-3" is negative \(write/],
  ["a fractional count flag", ["estimate", "--calls", "2.5", "--miss", "1"], /^ratecard: error: --calls: "2\.5" is not a whole number/],
  ["a non-numeric count flag", ["estimate", "--calls", "many", "--miss", "1"], /^ratecard: error: --calls: "many" is not a number/],
  ["an empty file", ["estimate", "empty.yaml"], /^ratecard: error: empty\.yaml: the file is empty/],
  ["a YAML syntax error", ["estimate", "syntax.yaml"], /^ratecard: error: syntax\.yaml:2:1: YAML syntax error: .* \(fix the YAML syntax\)$/],
  ["duplicate keys", ["estimate", "duplicate.yaml"], /^ratecard: error: duplicate\.yaml:3:1: YAML duplicate key: Map keys must be unique/],
  ["a path that is a folder", ["estimate", "folder.yaml"], /^ratecard: error: folder\.yaml: is a folder, not a file/],
  ["a missing file", ["estimate", "nope.yaml"], /^ratecard: error: nope\.yaml: no such file/],
  ["a missing --rates file", ["estimate", "--calls", "1", "--rates", "gone.yaml"], /^ratecard: error: gone\.yaml: no such file/],
  ["a typo'd key in a user card", ["rates", "--rates", "card-typo.yaml"], /^ratecard: error: card-typo\.yaml:5:69: unknown key "models\.acme\.versions\[0\]\.ouptut" \(did you mean "output"\?\)$/],
  ["a bad --as-of", ["estimate", "--calls", "1", "--as-of", "2026-02-30"], /^ratecard: error: --as-of: "2026-02-30" is not a real date or time/],
  ["a bad --peak-share", ["estimate", "--calls", "1", "--peak-share", "120%"], /^ratecard: error: --peak-share: "120%" is outside 0\.\.1/],
  ["an unknown format", ["estimate", "--calls", "1", "-f", "xml"], /^ratecard: error: option '-f, --format <format>' argument 'xml' is invalid/],
  ["an unknown flag", ["estimate", "--cals", "1"], /^ratecard: error: unknown option '--cals' \(did you mean --calls\?\)/],
  ["no workload at all", ["estimate"], /^ratecard: error: estimate needs a workload file or token flags/],
];

describe("errors", () => {
  it.each(cases)("%s", (_name, args, line) => {
    const r = spawnCli(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(line);
  });

  it("stops a YAML alias bomb fast, with bounded memory", () => {
    const started = process.hrtime.bigint();
    const r = spawnCli(["estimate", "bomb.yaml"], { cwd: dir });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ratecard: error: bomb\.yaml:1:1: unknown key "a"|bomb\.yaml:\d+:\d+: /);
    expect(ms).toBeLessThan(10000); // a generous bound: expanding 9^8 nodes would take far longer
  });

  it("shows a stack trace only with --debug", () => {
    const plain = spawnCli(["estimate", "nope.yaml"], { cwd: dir });
    const debug = spawnCli(["estimate", "nope.yaml", "--debug"], { cwd: dir });
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    expect(debug.stderr).toMatch(/\n\s+at /);
    expect(debug.code).toBe(2);
  });
});
