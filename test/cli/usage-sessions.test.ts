// `usage --by session|project` end to end: Claude Code's ~/.claude/projects/<project>/<session>.jsonl layout, every format, exact totals.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Exact, sum } from "../../src/core/exact.js";
import { spawnCli, tempDir } from "../helpers/cli.js";

/** RFC 4180 text -> rows of fields (quoted fields may hold commas and doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field), rows.push(row), (row = []), (field = "");
    } else field += c;
  }
  if (field !== "" || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

/** A Claude Code assistant record of deepseek-v4-flash (flat prices before 2026-08-16: hit 0.0028, miss 0.14, output 0.28 per 1M). */
function rec(o: { id: string; at: string; session?: string; cwd?: string; hit?: number; input?: number; output?: number }): string {
  return JSON.stringify({
    parentUuid: null,
    ...(o.cwd !== undefined ? { cwd: o.cwd } : {}),
    ...(o.session !== undefined ? { sessionId: o.session } : {}),
    type: "assistant",
    timestamp: o.at,
    requestId: `req_${o.id}`,
    message: { id: `msg_${o.id}`, model: "deepseek-v4-flash", usage: { input_tokens: o.input ?? 0, cache_read_input_tokens: o.hit ?? 0, output_tokens: o.output ?? 0 } },
  });
}

const ESC_SESSION = "sess-b\u001b[2J"; // control characters in a sessionId are printed escaped, never raw

// By hand:
//   A1 sess-a, cwd /home/dev/alpha, 2026-08-10: 2M hit x 0.0028 + 1M miss x 0.14 + 0.5M out x 0.28 = 0.0056 + 0.14 + 0.14 = 0.2856
//   A2 sess-a, no cwd (folder -home-dev-alpha), 2026-08-11: 3M miss x 0.14 + 1M out x 0.28 = 0.42 + 0.28 = 0.70
//   B1 sess-b<ESC>, no cwd (folder -home-dev-beta), 2026-08-10: 2M miss x 0.14 = 0.28
//   B2 no sessionId, cwd /home/dev/beta, 2026-08-11: 1M hit x 0.0028 + 0.25M out x 0.28 = 0.0028 + 0.07 = 0.0728
//   total 1.3384; A1 is logged twice (same message.id + requestId): counted once.
const BY_SESSION = { "(none)": ["0.0728", 1], "sess-a": ["0.9856", 2], "sess-b\\x1b[2J": ["0.28", 1] };
const BY_PROJECT = { "-home-dev-alpha": ["0.7", 1], "-home-dev-beta": ["0.28", 1], "/home/dev/alpha": ["0.2856", 1], "/home/dev/beta": ["0.0728", 1] };

describe("ratecard usage --by session / project", () => {
  const dir = tempDir();
  const projects = join(dir, ".claude", "projects");
  mkdirSync(join(projects, "-home-dev-alpha"), { recursive: true });
  mkdirSync(join(projects, "-home-dev-beta"), { recursive: true });
  const a1 = rec({ id: "a1", at: "2026-08-10T09:00:00Z", session: "sess-a", cwd: "/home/dev/alpha", hit: 2_000_000, input: 1_000_000, output: 500_000 });
  writeFileSync(join(projects, "-home-dev-alpha", "sess-a.jsonl"), [
    a1,
    JSON.stringify({ type: "user", sessionId: "sess-a", cwd: "/home/dev/alpha", timestamp: "2026-08-10T09:01:00Z", message: { role: "user", content: "ok" } }),
    a1,
    rec({ id: "a2", at: "2026-08-11T09:00:00Z", session: "sess-a", input: 3_000_000, output: 1_000_000 }),
  ].join("\n") + "\n");
  writeFileSync(join(projects, "-home-dev-beta", "sess-b.jsonl"), [
    rec({ id: "b1", at: "2026-08-10T10:00:00Z", session: ESC_SESSION, input: 2_000_000 }),
    rec({ id: "b2", at: "2026-08-11T10:00:00Z", cwd: "/home/dev/beta", hit: 1_000_000, output: 250_000 }),
  ].join("\n") + "\n");

  const usage = (...args: string[]) => {
    const r = spawnCli(["usage", projects, ...args]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("\u001b"); // the raw control character never reaches the screen
    return r.stdout;
  };
  type Report = { total: { records: number; cost: string }; duplicates: number; ignored: number; groups: { key: Record<string, string>; records: number; cost: string }[] };
  const json = (...by: string[]) => JSON.parse(usage("--by", by.join(","), "-f", "json")) as Report;
  /** Cost and records per value of one dimension, compared as exact numbers. */
  const byKey = (r: Report, d: string) => Object.fromEntries(r.groups.map((g) => [g.key[d], [Exact.parseDecimal(g.cost)!.toDecimal(), g.records]]));
  const exact = (o: Record<string, (string | number)[]>) => Object.fromEntries(Object.entries(o).map(([k, [c, n]]) => [k, [Exact.parseDecimal(c as string)!.toDecimal(), n]]));

  it("groups by sessionId, records without one in (none), to the hand totals", () => {
    const r = json("session");
    expect(r.groups.map((g) => g.key.session)).toEqual(["(none)", "sess-a", "sess-b\\x1b[2J"]);
    expect(byKey(r, "session")).toEqual(exact(BY_SESSION));
    expect(r.total).toEqual({ records: 4, cost: "1.3384", tokens: expect.anything() });
    expect([r.duplicates, r.ignored]).toEqual([1, 1]);
  });

  it("groups by project: the record's cwd when it has one, else its log's folder", () => {
    const r = json("project");
    expect(byKey(r, "project")).toEqual(exact(BY_PROJECT));
    expect(r.total.cost).toBe("1.3384");
  });

  it("combines with the other dimensions: day x session, session x project x model", () => {
    const days = json("day", "session");
    expect(days.groups.map((g) => [g.key.day, g.key.session, g.cost, g.records])).toEqual([
      ["2026-08-10", "sess-a", "0.2856", 1],
      ["2026-08-10", "sess-b\\x1b[2J", "0.28", 1],
      ["2026-08-11", "(none)", "0.0728", 1],
      ["2026-08-11", "sess-a", "0.7", 1],
    ]);
    const three = json("session", "project", "model");
    expect(three.groups.map((g) => [g.key.session, g.key.project, g.key.model, g.cost])).toEqual([
      ["(none)", "/home/dev/beta", "deepseek-v4-flash", "0.0728"],
      ["sess-a", "-home-dev-alpha", "deepseek-v4-flash", "0.7"],
      ["sess-a", "/home/dev/alpha", "deepseek-v4-flash", "0.2856"],
      ["sess-b\\x1b[2J", "-home-dev-beta", "deepseek-v4-flash", "0.28"],
    ]);
    expect(three.total.cost).toBe("1.3384");
  });

  it("csv and focus carry the session and project of every row; their costs add up to the hand totals", () => {
    const csv = parseCsv(usage("--by", "session,project", "-f", "csv"));
    expect(csv[0]!.slice(0, 3)).toEqual(["session", "project", "model"]);
    const cost = csv[0]!.indexOf("cost");
    const csvBy = (col: number) => {
      const out: Record<string, Exact[]> = {};
      for (const row of csv.slice(1)) (out[row[col]!] ??= []).push(Exact.parseDecimal(row[cost]!)!);
      return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, sum(v).toDecimal()]));
    };
    expect(csvBy(0)).toEqual(Object.fromEntries(Object.entries(exact(BY_SESSION)).map(([k, [c]]) => [k, c])));
    expect(csvBy(1)).toEqual(Object.fromEntries(Object.entries(exact(BY_PROJECT)).map(([k, [c]]) => [k, c])));

    const focus = parseCsv(usage("--by", "session", "-f", "focus"));
    const tags = focus[0]!.indexOf("Tags");
    const billed = focus[0]!.indexOf("BilledCost");
    const out: Record<string, Exact[]> = {};
    for (const row of focus.slice(1)) (out[(JSON.parse(row[tags]!) as { session: string }).session] ??= []).push(Exact.parseDecimal(row[billed]!)!);
    expect(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, sum(v).toDecimal()]))).toEqual(Object.fromEntries(Object.entries(exact(BY_SESSION)).map(([k, [c]]) => [k, c])));
  });

  it("table, markdown and html show each group and the total", () => {
    for (const format of ["table", "markdown", "html"]) {
      const out = usage("--by", "session,project", "-f", format);
      for (const label of ["(none)", "sess-a", "sess-b\\x1b[2J", "-home-dev-alpha", "/home/dev/alpha", "-home-dev-beta", "/home/dev/beta"]) expect(out, `${format}: ${label}`).toContain(label);
      expect(out, format).toContain("$1.34"); // 1.3384 rounded for the screen
    }
    const table = usage("--by", "session");
    expect(table).toMatch(/\(none\)\s*│\s*1 │.*\$0\.07 │/);
    expect(table).toMatch(/sess-a\s*│\s*2 │.*\$0\.99 │/);
  });

  it("lists session and project among the groupings, with a did-you-mean for a near miss", () => {
    const r = spawnCli(["usage", projects, "--by", "sesion"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--by: "sesion" is not a grouping.*session/);
  });
});
