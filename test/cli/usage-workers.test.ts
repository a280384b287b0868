// End to end: `usage` on several large files reads them in worker threads, and prints exactly what one thread prints.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { runCli, spawnCli, tempDir } from "../helpers/cli.js";

/** A log part: chat and Claude Code records (message ids shared across parts), skips and session events. */
function part(p: number, lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const t = Date.parse("2026-08-10T00:00:00Z") + (p * lines + i) * 37_000;
    const k = i % 10;
    if (k < 5) {
      out.push(`{"id":"c-${p}-${i}","object":"chat.completion","created":${Math.floor(t / 1000)},"model":"${i % 3 ? "deepseek-v4-flash" : "deepseek-v4-pro"}","usage":{"prompt_tokens":${2000 + i},"completion_tokens":${300 + (i % 97)},"prompt_cache_hit_tokens":${1000 + (i % 512)},"prompt_cache_miss_tokens":${1000 + i - (i % 512)}}}`);
    } else if (k < 8) {
      const id = i % 4000; // the same message in several parts: priced once, the first time read
      const tags = `${i % 3 === 0 ? "" : `"sessionId":"sess-${p % 3}-${i % 5}",`}${i % 2 ? `"cwd":"/work/p${p}",` : ""}`; // --by session, project
      out.push(`{${tags}"type":"assistant","timestamp":"${new Date(t).toISOString()}","requestId":"req_${id}","message":{"id":"msg_${id}","model":"deepseek-v4-pro","usage":{"input_tokens":${10 + (id % 50)},"cache_read_input_tokens":${4000 + p},"output_tokens":${50 + (id % 31)}}}}`);
    } else if (k === 8) {
      out.push(i % 20 === 8 ? `{"id":"bad-${p}-${i}","model":"deepseek-v9","created":${Math.floor(t / 1000)},"usage":{"prompt_tokens":1,"completion_tokens":1}}` : `{"id":"cut-${p}-${i}", "usage": {`);
    } else {
      out.push(`{"type":"user","timestamp":"${new Date(t).toISOString()}","message":{"role":"user","content":"ok"}}`);
    }
  }
  return out.join("\n") + "\n";
}

describe("ratecard usage with worker threads", () => {
  const dir = tempDir();
  for (let p = 0; p < 4; p++) writeFileSync(join(dir, `part-${p}.jsonl`), part(p, 45000) + (p === 1 ? `{"id":"long","pad":"${"x".repeat(5000)}"}\n` : "")); // 36 MB: above the workers' threshold
  writeFileSync(join(dir, "part-4.jsonl.gz"), gzipSync(part(4, 5000)));

  it("prints the same report and skipped records as one thread, byte for byte", { timeout: 90_000 }, async () => {
    const env = { RATECARD_MAX_LINE_BYTES: "4k" }; // the workers keep the run's budgets: part-1's last line is too long
    for (const args of [["usage", dir, "--by", "day,model", "-f", "json"], ["usage", dir, "--by", "month,window"], ["usage", dir, "--by", "session,project,day", "-f", "csv"]]) {
      const parallel = spawnCli(args, { env: { ...env, RATECARD_WORKERS_DEBUG: "1" } });
      const single = await runCli(args, { env }); // in-process: no bundle to start workers from, one thread
      expect(parallel.stderr).toMatch(/^usage: 2 worker threads\n/);
      expect(parallel.code).toBe(0);
      expect(parallel.stdout).toBe(single.stdout);
      expect(parallel.stderr.replace(/^usage: .*\n/, "")).toBe(single.stderr);
      expect(single.stderr).toMatch(/skipped \d+ records that cannot be priced: malformed-json/);
      expect(single.stderr).toMatch(/line-too-long 1 \([^)]*part-1\.jsonl:45001\)/);
    }
    const json = JSON.parse(spawnCli(["usage", dir, "-f", "json"]).stdout);
    expect(json.duplicates).toBeGreaterThan(0);
    const tagged = JSON.parse(spawnCli(["usage", dir, "--by", "session,project", "-f", "json"]).stdout);
    expect(tagged.total).toEqual(json.total); // grouping never drops a record: (none) keeps those without
    const keys = tagged.groups.map((g: { key: { session: string; project: string } }) => `${g.key.session} ${g.key.project}`);
    expect(keys).toContain("(none) /work/p0");
    expect(keys.filter((k: string) => /^sess-0-\d /.test(k)).length).toBeGreaterThan(1); // messages repeat across parts: each is priced where first read, in part-0
    expect(keys.some((k: string) => k.startsWith("(none) ") && !k.includes("/work/"))).toBe(true); // chat records: no session, their folder's name
  });

  it("stops at the same first skipped record with --strict", { timeout: 60_000 }, async () => {
    const parallel = spawnCli(["usage", dir, "--strict"]);
    const single = await runCli(["usage", dir, "--strict"]);
    expect(parallel.code).toBe(2);
    expect(parallel.stderr).toBe(single.stderr);
    expect(parallel.stderr).toContain("part-0.jsonl:9:");
  });
});
