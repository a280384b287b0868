// `ratecard rates --history -f csv|json` exports every version of every loaded card, checked against the YAML itself.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseInstant, formatInstant } from "../../src/core/instant.js";
import { ROOT, spawnCli, tempDir } from "../helpers/cli.js";

interface YamlVersion {
  from: string | Date;
  peak?: Record<string, number>;
  off_peak?: Record<string, number>;
  input_cache_hit?: number;
  input_cache_miss?: number;
  output?: number;
}

const EXTRA = "currency: USD\nmodels:\n  acme-large:\n    versions:\n      - from: 2026-01-01\n        input_cache_hit: 0.1\n        input_cache_miss: 1\n        output: 2\n      - from: 2026-06-01T12:00Z\n        retired: true\n";

/** Expected export rows straight from card YAML (plain yaml parse; short decimals print back as written). */
function expectedRows(text: string): string[] {
  const card = parse(text) as { models: Record<string, { versions: YamlVersion[] }> };
  const rows: string[] = [];
  for (const [id, m] of Object.entries(card.models)) {
    for (const v of m.versions) {
      const from = formatInstant(parseInstant(v.from instanceof Date ? v.from.toISOString().replace(".000Z", "Z") : String(v.from)));
      const p = (s?: Record<string, number>) => (s ? [s.input_cache_hit, s.input_cache_miss, s.output].map(String).join("/") : "");
      if (v.peak) rows.push(`${id} ${from} peak ${p(v.peak)}`, `${id} ${from} off-peak ${p(v.off_peak)}`);
      else rows.push(`${id} ${from} - ${v.output !== undefined ? p(v as unknown as Record<string, number>) : ""}`);
    }
  }
  return rows.sort();
}

const builtin = readFileSync(join(ROOT, "rates/deepseek.yaml"), "utf8");
/** The models these checks cover: DeepSeek's card and the extra one (the other built-in cards have their own tests). */
const COVERED = new Set([...Object.keys((parse(builtin) as { models: object }).models), "acme-large"]);
const covered = (row: string) => COVERED.has(row.split(" ")[0]!);

describe("rates --history export", () => {
  const dir = tempDir({ "acme.yaml": EXTRA });

  it("CSV has one row per version and price window of every card, with exact prices", () => {
    const r = spawnCli(["rates", "--history", "-f", "csv", "--rates", "acme.yaml"], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split(/\r?\n/);
    const head = lines[0]!.split(",");
    const col = (name: string) => head.indexOf(name);
    // RFC 4180 fields (notes hold quoted commas); tier, modifier and fee rows (a `part`) are not versions
    const cells = (l: string) => [...l.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, "").replace(/""/g, '"'));
    const rows = lines.slice(1).map(cells).filter((c) => col("part") < 0 || !c[col("part")]);
    const got = rows.map((c) => {
      const prices = c[col("output")] ? [c[col("input_cache_hit")], c[col("input_cache_miss")], c[col("output")]].join("/") : "";
      return `${c[col("model")]} ${c[col("from")]} ${c[col("window")] || "-"} ${prices}`;
    });
    expect(got.filter(covered).sort()).toEqual([...expectedRows(builtin), ...expectedRows(EXTRA)].sort());
    expect(got.some((g) => g.startsWith("claude-sonnet-5-5 2026-10-07T00:00:00Z - 0.1/2/10"))).toBe(true);
  });

  it("JSON has one entry per version of every card, windows grouped, each with its until", () => {
    const r = spawnCli(["rates", "--history", "-f", "json", "--rates", "acme.yaml"], { cwd: dir });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { schema_version: number; versions: { model: string; from: string; until: string | null; status: string; prices: { window: string | null; input_cache_hit: string; input_cache_miss: string; output: string }[] }[] };
    expect(json.schema_version).toBe(1);
    const got = json.versions.flatMap((v) =>
      v.prices.length === 0 ? [`${v.model} ${v.from} - `] : v.prices.map((p) => `${v.model} ${v.from} ${p.window ?? "-"} ${[p.input_cache_hit, p.input_cache_miss, p.output].join("/")}`),
    );
    expect(got.filter(covered).sort()).toEqual([...expectedRows(builtin), ...expectedRows(EXTRA)].sort());
    expect(got).toContain("gemini-4-argon 2026-12-01T00:00:00Z - 0.2/4/20");
    const acme = json.versions.filter((v) => v.model === "acme-large");
    expect(acme.map((v) => [v.status, v.from, v.until])).toEqual([
      ["price", "2026-01-01T00:00:00Z", "2026-06-01T12:00:00Z"],
      ["retired", "2026-06-01T12:00:00Z", null],
    ]);
  });

  it("takes its format and extra cards from the config file too", () => {
    const cfg = tempDir({ "ratecard.yaml": "format: csv\nrates: [acme.yaml]\n", "acme.yaml": EXTRA });
    const r = spawnCli(["rates", "--history", "acme-large"], { cwd: cfg });
    expect(r.code).toBe(0);
    expect(r.stdout.split(/\r?\n/).filter(Boolean).map((l) => l.split(",").slice(0, 3).join(","))).toEqual([
      "model,currency,status",
      "acme-large,USD,price",
      "acme-large,USD,retired",
    ]);
  });
});
