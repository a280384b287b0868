// Builds dist/ratecard, a single executable (Node SEA): bundle -> blob -> stripped node copy -> postject.
import { build } from "esbuild";
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";

const root = fileURLToPath(new URL("..", import.meta.url));
const FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";
const out = "dist/ratecard";
const blob = "dist/sea-prep.blob";
const config = "dist/sea-config.json";
const mb = (path) => `${(statSync(path).size / 1048576).toFixed(1)} MB`;
const sh = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });

process.chdir(root);
// dist/cli.cjs (built-in cards inside) and dist/cli.cache, its trained V8 code cache
const { EXTERNAL } = await import("./build.mjs");

// The packages the bundle leaves in node_modules (the tokenizer) become one brotli-compressed
// file each: a smaller blob starts faster, and only the command that needs one unpacks it.
const assets = { "cli.cjs": "dist/cli.cjs", "cli.cache": "dist/cli.cache" };
for (const [i, name] of EXTERNAL.entries()) {
  const out = await build({ stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root }, bundle: true, platform: "node", target: "node20", format: "cjs", minify: true, legalComments: "none", write: false, logLevel: "warning" });
  const file = `dist/external-${i}.cjs.br`;
  writeFileSync(file, brotliCompressSync(out.outputFiles[0].contents, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }));
  assets[`node_modules/${name}`] = file;
}

// The entry is the start-up loader, as for npm: it compiles the bundle from the code cache, all of
// them carried as assets. (SEA's own useCodeCache only caches what compiles before the first run.)
// Not "useSnapshot": tried on Node 20.20 with the modules initialised, the cards parsed and the
// program built in the snapshot (branch snap-experiment), it started no faster (estimate 65-68 ms
// CPU either way): Node writes user snapshots without compiled code (every function compiles
// again from source on first call, with no code cache), and deserialising the 7 MB heap costs
// about what initialising the modules costs.
const sea = { main: "dist/ratecard.cjs", output: blob, disableExperimentalSEAWarning: true, assets };
writeFileSync(config, JSON.stringify(sea, null, 2));
sh(process.execPath, ["--experimental-sea-config", config]);

rmSync(out, { force: true });
copyFileSync(process.execPath, out);
chmodSync(out, 0o755);

// Symbols are not needed to run; stripping them saves about a tenth of the binary.
const strip = spawnSync("strip", [out], { cwd: root, stdio: ["ignore", "inherit", "pipe"], encoding: "utf8" });
if (strip.error) console.log(`build-exe: note: \`strip\` not found (install binutils to save ~16 MB); keeping the unstripped binary`);
else if (strip.status !== 0) throw new Error(`strip failed: ${strip.stderr}`);

// postject's ELF library warns about each note section the strip renamed; harmless, so filtered.
const inject = spawnSync("npx", ["--no-install", "postject", out, "NODE_SEA_BLOB", blob, "--sentinel-fuse", FUSE], { cwd: root, encoding: "utf8" });
const noise = /^warning: Can't find string offset for section name '\.note[^']*'$/;
process.stderr.write(`${inject.stdout}${inject.stderr}`.split("\n").filter((l) => l && !noise.test(l)).map((l) => `${l}\n`).join(""));
if (inject.status !== 0) throw new Error(`postject failed (exit ${inject.status})`);
rmSync(blob);
rmSync(config);
for (const [key, file] of Object.entries(assets)) if (key.startsWith("node_modules/")) rmSync(file);
const check = spawnSync(out, ["--version"], { cwd: root, env: { ...process.env, RATECARD_CODE_CACHE_DEBUG: "1" }, encoding: "utf8" });
if (check.status !== 0 || !/code cache: accepted/.test(check.stderr)) throw new Error(`${out} does not run or rejects its code cache: ${check.stderr}`);
console.log(`build-exe: ${out} (${mb(out)}, node ${process.version})`);
