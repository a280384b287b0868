// Start-up loader, copied by the build to dist/ratecard.cjs: runs the bundled CLI compiled from the V8
// code cache the build wrote, when this Node accepts it (faster start-up). bin/ratecard.js requires it;
// the single executable runs it too, with the bundle, its cache and its external packages as SEA assets.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { Script } = require("node:vm");

/** node:sea when running as the single executable (Node >= 20.12), else undefined. */
function seaApi() {
  try {
    const sea = require("node:sea");
    return sea.isSea() ? sea : undefined;
  } catch {
    return undefined;
  }
}

/** Compiles CommonJS `code` (with a code cache if given) and runs it with `req` as its require. */
function runCommonJs(code, filename, req, cachedData) {
  // scripts/code-cache.cjs wraps the bundle in exactly these characters; V8 only accepts a cache for the same source.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, { filename, cachedData });
  if (cachedData && process.env.RATECARD_CODE_CACHE_DEBUG) process.stderr.write(`code cache: ${script.cachedDataRejected ? "rejected" : "accepted"}\n`);
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, req, mod, filename, join(filename, ".."));
  return mod.exports;
}

const sea = seaApi();
const external = new Map();
/** In the executable, packages the bundle leaves external come from brotli-compressed assets named node_modules/<name>. */
function seaRequire(id) {
  if (!external.has(id)) {
    let packed;
    try {
      packed = sea.getRawAsset(`node_modules/${id}`);
    } catch {
      return require(id); // a built-in module
    }
    const code = require("node:zlib").brotliDecompressSync(Buffer.from(packed)).toString("utf8");
    external.set(id, runCommonJs(code, `${process.execPath}/node_modules/${id}`, seaRequire));
  }
  return external.get(id);
}

const dist = __dirname;
let cachedData;
try {
  cachedData = sea ? Buffer.from(sea.getRawAsset("cli.cache")) : readFileSync(join(dist, "cli.cache"));
} catch {
  cachedData = undefined; // no cache: compile as usual
}
if (!cachedData && process.env.RATECARD_CODE_CACHE_DEBUG) process.stderr.write("code cache: missing\n");
// The build makes the bundle plain ASCII, so latin1 reads it without UTF-8 decoding.
const bundle = sea ? Buffer.from(sea.getRawAsset("cli.cjs")).toString("latin1") : readFileSync(join(dist, "cli.cjs"), "latin1");
const filename = sea ? process.execPath : join(dist, "cli.cjs");
// `usage` starts worker threads that run this same bundle from the same cache (src/cli/usage-workers.ts).
globalThis.__ratecardBundle = { code: bundle, filename, cachedData };
runCommonJs(bundle, filename, sea ? seaRequire : require, cachedData);
