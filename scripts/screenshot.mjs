// Renders an HTML file in headless Chromium over the DevTools protocol (a pipe, no dependencies) and
// returns a PNG screenshot of the whole page with the console errors, exceptions and network requests
// it saw. `node scripts/screenshot.mjs page.html out.png [--dark]` writes the PNG.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** Where Debian's chromium package puts the browser (.ci/run installs it). */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--remote-debugging-pipe",
];

/**
 * Opens `file` at `width` CSS pixels (light, or dark with `dark`), waits for the load event, and
 * captures the full page. `problems` lists console errors and warnings, uncaught exceptions, log
 * errors (a blocked load shows there) and any request that is not the page itself.
 */
export async function screenshot(file, { dark = false, width = 1000, timeoutMs = 30000 } = {}) {
  const profile = mkdtempSync(join(tmpdir(), "ratecard-chromium-"));
  const child = spawn(CHROMIUM, [...FLAGS, `--user-data-dir=${profile}`, "about:blank"], { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise((res) => child.on("exit", res));
  const pending = new Map();
  const listeners = [];
  let nextId = 1;
  let buf = "";
  child.stdio[4].on("data", (d) => {
    buf += d.toString("utf8");
    let i;
    while ((i = buf.indexOf("\0")) >= 0) {
      const msg = JSON.parse(buf.slice(0, i));
      buf = buf.slice(i + 1);
      if (msg.id && pending.has(msg.id)) {
        const { ok, fail } = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.error) fail(new Error(`${msg.error.message} (${msg.error.code})`));
        else ok(msg.result);
      } else for (const l of listeners) l(msg);
    }
  });
  const send = (method, params = {}, sessionId) =>
    new Promise((ok, fail) => {
      const id = nextId++;
      pending.set(id, { ok, fail });
      child.stdio[3].write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + "\0");
    });
  const problems = [];
  const url = pathToFileURL(resolve(file)).href;
  listeners.push((m) => {
    if (m.method === "Runtime.exceptionThrown") problems.push(`exception: ${m.params.exceptionDetails.text} ${m.params.exceptionDetails.exception?.description ?? ""}`);
    if (m.method === "Runtime.consoleAPICalled" && ["error", "warning", "assert"].includes(m.params.type)) problems.push(`console.${m.params.type}: ${m.params.args.map((a) => a.value ?? a.description).join(" ")}`);
    if (m.method === "Log.entryAdded" && ["error", "warning"].includes(m.params.entry.level)) problems.push(`log ${m.params.entry.level}: ${m.params.entry.text}`);
    if (m.method === "Network.requestWillBeSent" && m.params.request.url !== url) problems.push(`request: ${m.params.request.url}`);
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  try {
    const { targetId } = await send("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
    const s = (method, params) => send(method, params, sessionId);
    await Promise.all([s("Runtime.enable"), s("Log.enable"), s("Page.enable"), s("Network.enable")]);
    await s("Emulation.setDeviceMetricsOverride", { width, height: 800, deviceScaleFactor: 1, mobile: false });
    await s("Emulation.setEmulatedMedia", { media: "screen", features: [{ name: "prefers-color-scheme", value: dark ? "dark" : "light" }] });
    const loaded = new Promise((ok) => listeners.push((m) => m.method === "Page.loadEventFired" && m.sessionId === sessionId && ok()));
    await s("Page.navigate", { url });
    await loaded;
    const metrics = await s("Page.getLayoutMetrics");
    const height = Math.ceil(metrics.cssContentSize?.height ?? metrics.contentSize.height);
    await s("Emulation.setDeviceMetricsOverride", { width, height, deviceScaleFactor: 1, mobile: false });
    const shot = await s("Page.captureScreenshot", { format: "png" });
    const text = (await s("Runtime.evaluate", { expression: "document.body.innerText", returnByValue: true })).result.value;
    await send("Browser.close").catch(() => undefined);
    return { png: Buffer.from(shot.data, "base64"), problems, text };
  } catch (err) {
    throw new Error(`chromium: ${err.message}\n${stderr.slice(-2000)}`);
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null) child.kill();
    await exited;
    // the browser's helper processes may still be writing to the profile as the main one exits
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      // a leftover temp folder is harmless
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [input, output] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const r = await screenshot(input, { dark: process.argv.includes("--dark") });
  writeFileSync(output, r.png);
  for (const p of r.problems) console.error(p);
}
