// Writes dist/cli.cache: V8's compiled code for dist/cli.cjs after a few typical runs, for the loader (src/cli/loader.cjs).
const { readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { Script } = require("node:vm");

const dist = join(__dirname, "../dist");
const file = join(dist, "cli.cjs");
// Must match src/cli/loader.cjs character for character.
const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, "latin1")}\n})`;
const script = new Script(source, { filename: file });
const main = script.runInThisContext();
const runs = [["estimate", "examples/worked-example.yaml"], ["estimate", "examples/worked-example.yaml", "-f", "json"], ["rates"], ["--help"]];

/** Runs the CLI once with `args` (the build discards this process's stdout) and waits for it to finish. */
async function once(args) {
  process.argv = [process.argv[0], file, ...args];
  const mod = { exports: {} };
  main(mod.exports, require, mod, file, dist);
  await new Promise((r) => setTimeout(r, 20));
  if (process.exitCode) throw new Error(`ratecard ${args.join(" ")} exited ${process.exitCode} while training the code cache`);
}

(async () => {
  process.chdir(join(__dirname, ".."));
  for (const args of runs) await once(args);
  writeFileSync(join(dist, "cli.cache"), script.createCachedData());
})();
