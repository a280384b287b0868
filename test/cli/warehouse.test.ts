// The cards in the warehouse: `rates --intervals -f sql` loaded into DuckDB and PostgreSQL prices generated logs exactly as `ratecard usage` (and, for v2 buckets, `estimate`) does.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadRateCards } from "../../src/cards/load.js";
import { Exact } from "../../src/core/exact.js";
import { formatInstant, parseInstant } from "../../src/core/instant.js";
import { InputError } from "../../src/core/errors.js";
import { estimate } from "../../src/core/estimate.js";
import type { RateBook, Workload } from "../../src/core/types.js";
import { UsageAggregator } from "../../src/usage/aggregate.js";
import { RECORD, RecordReader } from "../../src/usage/record.js";
import { ROOT, spawnCli, tempDir } from "../helpers/cli.js";
import { startPostgres, type Postgres } from "../helpers/postgres.js";

const acme = readFileSync(join(ROOT, "test/fixtures/intervals/acme.yaml"), "utf8");
const dir = tempDir({ "acme.yaml": acme });
/** The models these logs use: acme's and DeepSeek's (three-bucket prices; the other built-in cards have cache-write prices, which the v2 part below covers). */
const V1_MODELS = [acme, readFileSync(join(ROOT, "rates/deepseek.yaml"), "utf8")].flatMap((t) => Object.keys((parse(t) as { models: object }).models));
const RANGE = [...V1_MODELS, "--from", "2025-01-01", "--to", "2026-12-31", "--rates", "acme.yaml"];

/** A small seeded generator (mulberry32), so the logs are the same on every run. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface LogRecord {
  id: number;
  model: string;
  ts: number;
  hit: number;
  miss: number;
  output: number;
}

/**
 * Records at interval edges (the first and the last millisecond of a sample of rows: price
 * changes, peak/off-peak, holidays, DST, alias switches), at random instants, and ones that
 * must not be priced: a retired model after retirement, an unknown model, a time before a
 * model's first price.
 */
function generateLogs(csv: string): LogRecord[] {
  const rand = prng(14);
  const rows = csv.trimEnd().split("\r\n").slice(1).map((l) => l.split(","));
  const models = [...new Set(rows.map((r) => r[0]!))];
  const out: LogRecord[] = [];
  const tokens = () => Math.floor(rand() * 2_000_000_000);
  const add = (model: string, ts: number) => out.push({ id: out.length + 1, model, ts, hit: tokens(), miss: tokens(), output: tokens() });
  rows.forEach((r, i) => {
    if (i % 7 !== 0 && r[1] === "" && r[4] === "") return; // every row with an alias or a window, a seventh of the rest
    const start = parseInstant(r[2]!);
    const end = parseInstant(r[3]!);
    add(r[0]!, start);
    add(r[0]!, end - 1);
    if (rand() < 0.3) add(r[0]!, start + Math.floor(rand() * (end - start)));
  });
  const from = parseInstant("2025-01-01");
  const to = parseInstant("2027-01-01");
  for (let i = 0; i < 150; i++) add(models[Math.floor(rand() * models.length)]!, from + Math.floor(rand() * (to - from)));
  add("deepseek-v4-pro", parseInstant("2026-10-01T02:00Z")); // National Day, 10:00 Beijing time
  add("deepseek-v4-pro", parseInstant("2026-09-30T02:00Z")); // the working day before
  add("deepseek-chat", parseInstant("2026-07-24T15:59Z")); // retired from this instant
  // other names of a model: provider/id, a snapshot id, provider/snapshot
  for (const name of ["acme/acme-large", "acme-large-20260101", "acme/acme-large-20260101", "deepseek/deepseek-v4-pro", "deepseek/deepseek-v4-flash"]) {
    for (let i = 0; i < 20; i++) add(name, from + Math.floor(rand() * (to - from)));
  }
  add("deepseek-reasoner", parseInstant("2026-10-01T08:00Z"));
  add("acme-small", parseInstant("2026-12-01"));
  add("acme-typo", parseInstant("2026-05-01"));
  add("acme-small", parseInstant("2026-01-31T23:59:59.999Z")); // before its first price
  add("acme-latest", parseInstant("2026-01-20")); // an alias whose target has no price yet
  return out;
}

function jsonl(records: LogRecord[]): string {
  return records
    .map((r) => JSON.stringify({ model: r.model, timestamp: formatInstant(r.ts), usage: { prompt_cache_hit_tokens: r.hit, prompt_cache_miss_tokens: r.miss, completion_tokens: r.output } }))
    .join("\n") + "\n";
}

/** The usage table and its rows, in SQL both engines take. */
function usageSql(records: LogRecord[]): string {
  // the DeepSeek card prices Search and Fetch requests since its 2026-12-01 re-check: the query reads their counts (none here)
  const values = records.map((r) => `(${r.id}, '${r.model}', TIMESTAMP '${formatInstant(r.ts).replace("T", " ").replace("Z", "")}', ${r.hit}, ${r.miss}, ${r.output}, 0, 0)`);
  return `CREATE TABLE usage (id INTEGER, model VARCHAR(255), ts TIMESTAMP, cache_hit BIGINT, cache_miss BIGINT, output BIGINT, requests_search BIGINT, requests_fetch BIGINT);\nINSERT INTO usage VALUES\n${values.join(",\n")};\n`;
}

/**
 * What one record costs under `ratecard usage`'s own pipeline (its record reader and aggregator,
 * on that record alone), with its billed-as model and window; "unpriced" when it is skipped.
 */
function usageOfOne(book: RateBook, record: LogRecord): string {
  const reader = new RecordReader("auto");
  const agg = new UsageAggregator(book, { by: ["model"] });
  const kind = reader.read(jsonl([record]).trimEnd());
  if (kind !== RECORD) throw new Error(`record ${record.id} did not read as a record`);
  agg.add(reader.record, "logs.jsonl", record.id);
  const report = agg.report();
  if (report.total.records === 0) return `${record.id} unpriced`;
  const line = report.groups[0]!.lines[0]!;
  return `${record.id} ${report.total.cost.toDecimal()} ${line.billedAs ?? ""} ${line.window ?? ""}`;
}

/** Normalises a SQL decimal ("0.000120000000000000") to ratecard's form ("0.00012"). */
const exact = (text: string) => Exact.parseDecimal(text)!.toDecimal();

describe("pricing logs in the warehouse", () => {
  let sql = "";
  let records: LogRecord[] = [];
  let perRecord: string[] = [];
  let perModel: string[] = [];
  let pg: Postgres | undefined;

  beforeAll(async () => {
    const s = spawnCli(["rates", "--intervals", ...RANGE, "-f", "sql"], { cwd: dir });
    expect(s.stderr).toBe("");
    expect(s.code).toBe(0);
    sql = s.stdout;
    const csv = spawnCli(["rates", "--intervals", ...RANGE, "-f", "csv"], { cwd: dir });
    expect(csv.code).toBe(0);
    records = generateLogs(csv.stdout);
    writeFileSync(join(dir, "logs.jsonl"), jsonl(records));
    const book = loadRateCards([{ file: "acme.yaml", text: acme }]);
    perRecord = records.map((r) => usageOfOne(book, r));
    // the whole log through the built binary, per model
    const u = spawnCli(["usage", "logs.jsonl", "--rates", "acme.yaml", "--by", "model", "-f", "json"], { cwd: dir });
    expect(u.code).toBe(0);
    const report = JSON.parse(u.stdout) as { total: { records: number; cost: string }; groups: { key: { model: string }; records: number; cost: string }[]; skipped: { count: number }[] };
    const skipped = report.skipped.reduce((a, x) => a + x.count, 0);
    perModel = [...report.groups.map((g) => `${g.key.model} ${g.records} ${exact(g.cost)}`), `unpriced ${skipped}`, `total ${report.total.records} ${exact(report.total.cost)}`];
    pg = startPostgres();
  }, 300_000);

  afterAll(() => pg?.stop());

  it("the logs span price changes, peak and off-peak, holidays, aliases and unpriced records", () => {
    const priced = perRecord.filter((p) => !p.endsWith("unpriced"));
    expect(records.length).toBeGreaterThan(1000);
    expect(priced.some((p) => p.endsWith(" peak"))).toBe(true);
    expect(priced.some((p) => p.endsWith(" off-peak"))).toBe(true);
    expect(priced.some((p) => / deepseek-flash /.test(p))).toBe(true); // billed as an alias
    expect(perRecord.filter((p) => p.endsWith("unpriced")).length).toBeGreaterThanOrEqual(6);
    const bySnapshot = records.filter((r) => r.model === "acme-large-20260101").map((r) => perRecord[r.id - 1]!);
    expect(bySnapshot.filter((p) => !p.endsWith("unpriced")).length).toBeGreaterThan(5);
    // a record on a Chinese holiday at 10:00 Beijing time is off-peak
    const at = (iso: string) => perRecord[records.find((r) => r.model === "deepseek-v4-pro" && r.ts === parseInstant(iso))!.id - 1];
    expect(at("2026-10-01T02:00Z")).toMatch(/ off-peak$/);
    expect(at("2026-09-30T02:00Z")).toMatch(/ peak$/);
  });

  /** Runs the script on an engine and compares record for record, then the reference query's totals. */
  function checkEngine(rowsOf: (q: string) => Promise<string[][]>, load: (script: string) => Promise<void>) {
    return async () => {
      const cut = sql.lastIndexOf("\nSELECT ");
      await load(usageSql(records) + sql.slice(0, cut + 1));
      const priced = await rowsOf(`SELECT id, CAST(cost AS VARCHAR(80)), billed_as, "window" FROM ratecard_priced_usage ORDER BY id`);
      expect(priced.map(([id, cost, billedAs, window]) => (cost === null || cost === "" ? `${id} unpriced` : `${id} ${exact(cost!)} ${billedAs ?? ""} ${window ?? ""}`))).toEqual(perRecord);
      const totals = await rowsOf(sql.slice(cut + 1));
      const unpriced = totals.reduce((a, t) => a + Number(t[4]), 0);
      const models = totals.filter((t) => Number(t[3]) > 0).map((t) => `${t[0]} ${t[3]} ${exact(t[5]!)}`);
      const all = totals.reduce((a, t) => (t[5] ? a.add(Exact.parseDecimal(t[5])!) : a), Exact.ZERO);
      const count = totals.reduce((a, t) => a + Number(t[3]), 0);
      expect([...models, `unpriced ${unpriced}`, `total ${count} ${all.toDecimal()}`]).toEqual(perModel);
    };
  }

  it(
    "DuckDB (embedded): every record costs what ratecard usage says, and the totals match",
    checkEngine(
      async (q) => {
        const reader = await duck!.runAndReadAll(q);
        return reader.getRows().map((row) => row.map((v) => (v === null ? null : String(v)))) as string[][];
      },
      async (script) => {
        duck = await (await DuckDBInstance.create(":memory:")).connect();
        await duck.run(script);
      },
    ),
    120_000,
  );

  it(
    "PostgreSQL (a real server): every record costs what ratecard usage says, and the totals match",
    checkEngine(
      async (q) => parseCsv(pg!.sql(q)),
      async (script) => {
        pg!.sql(script);
      },
    ),
    120_000,
  );

  it("--dialect duckdb and postgres change nothing but the header: standard SQL serves both", () => {
    for (const d of ["duckdb", "postgres"]) {
      const r = spawnCli(["rates", "--intervals", ...RANGE, "-f", "sql", "--dialect", d], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout.replace(`Dialect: ${d}.`, "Standard SQL (DuckDB, PostgreSQL).")).toBe(sql);
    }
  });
});

let duck: Awaited<ReturnType<Awaited<ReturnType<typeof DuckDBInstance.create>>["connect"]>> | undefined;

/** psql --csv output (a header line, no quoted newlines here) -> rows, empty fields as null. */
function parseCsv(text: string): string[][] {
  return text
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((l) => l.split(",").map((f) => (f === "" ? (null as unknown as string) : f.replace(/^"|"$/g, ""))));
}

describe("pricing v2 records in the warehouse: cache writes by retention, fees, long-context tiers", () => {
  const v2 = readFileSync(join(ROOT, "test/fixtures/cards/v2-card.yaml"), "utf8");
  const dir2 = tempDir({ "v2.yaml": v2 });
  const ARGS = ["rates", "--intervals", "--from", "2026-01-01", "--to", "2027-02-28", "--rates", "v2.yaml", "--provider", "testco", "-f", "sql"];
  const book = loadRateCards([{ file: "v2.yaml", text: v2 }]);
  let sql = "";
  let pg: Postgres | undefined;
  interface V2Record { id: number; model: string; ts: number; hit: number; miss: number; output: number; write: number; write1h: number; search: number; fetch: number }
  const records: V2Record[] = [];
  const rand = prng(9);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const from = parseInstant("2026-01-01");
  const to = parseInstant("2027-03-01");
  for (let i = 0; i < 400; i++) {
    const input = pick([1000, 150_000, 199_999, 200_000, 200_001, 450_000]); // around the 200,000 tier
    const write = i % 3 === 0 ? Math.floor(rand() * input * 0.3) : 0;
    const write1h = i % 4 === 0 ? Math.floor(rand() * input * 0.2) : 0;
    const hit = Math.floor(rand() * (input - write - write1h));
    const ts = pick([from + Math.floor(rand() * (to - from)), parseInstant("2026-10-17") - 1, parseInstant("2026-10-17"), parseInstant("2027-01-01") - 1, parseInstant("2027-01-01")]);
    records.push({
      id: i + 1, model: pick(["test-large", "test-small", "test-large-20260101", "testco/test-small"]), ts,
      hit, miss: input - write - write1h - hit, output: Math.floor(rand() * 64000), write, write1h,
      search: i % 5 === 0 ? Math.floor(rand() * 4) : 0, fetch: i % 7 === 0 ? 1 + Math.floor(rand() * 3) : 0,
    });
  }

  /** What `estimate` bills the record as one call at its instant; "unpriced" when it cannot (a retention or fee the model lacks there). */
  function estimated(r: V2Record): string {
    const cacheWrites: Record<string, Exact> = {};
    if (r.write) cacheWrites[""] = Exact.int(r.write);
    if (r.write1h) cacheWrites["1h"] = Exact.int(r.write1h);
    const requests: Record<string, Exact> = {};
    if (r.search) requests.search = Exact.int(r.search);
    if (r.fetch) requests.fetch = Exact.int(r.fetch);
    const w: Workload = {
      name: "record", calls: Exact.ONE, cachedPrefix: Exact.int(r.hit), miss: Exact.int(r.miss), reply: Exact.int(r.output), reasoning: Exact.ZERO,
      ...(Object.keys(cacheWrites).length ? { cacheWrites } : {}), ...(Object.keys(requests).length ? { requests } : {}),
    };
    try {
      return `${r.id} ${estimate(book, { workloads: [w], models: [{ id: r.model }] }, { asOf: r.ts }).estimates[0]!.total.toDecimal()}`;
    } catch (err) {
      if (err instanceof InputError) return `${r.id} unpriced`;
      throw err;
    }
  }

  function usageSql2(): string {
    const values = records.map((r) => `(${r.id}, '${r.model}', TIMESTAMP '${formatInstant(r.ts).replace("T", " ").replace("Z", "")}', ${r.hit}, ${r.miss}, ${r.output}, ${r.write}, ${r.write1h}, ${r.search}, ${r.fetch})`);
    return `CREATE TABLE usage (id INTEGER, model VARCHAR(255), ts TIMESTAMP, cache_hit BIGINT, cache_miss BIGINT, output BIGINT, cache_write BIGINT, cache_write_1h BIGINT, requests_search BIGINT, requests_fetch BIGINT);\nINSERT INTO usage VALUES\n${values.join(",\n")};\n`;
  }

  beforeAll(() => {
    const s = spawnCli(ARGS, { cwd: dir2 });
    expect(s.stderr).toBe("");
    expect(s.code).toBe(0);
    sql = s.stdout;
    pg = startPostgres();
  }, 120_000);

  afterAll(() => pg?.stop());

  const expectedAll = () => records.map(estimated);
  const check = async (rowsOf: (q: string) => Promise<string[][]>) => {
    const got = (await rowsOf(`SELECT id, CAST(cost AS VARCHAR(80)) FROM ratecard_priced_usage ORDER BY id`)).map(([id, cost]) => (cost === null || cost === "" ? `${id} unpriced` : `${id} ${exact(cost!)}`));
    const want = expectedAll();
    expect(got).toEqual(want);
    // the logs really cross the tier, use both retentions and fees, and hit unpriced cases
    expect(want.filter((x) => x.endsWith("unpriced")).length).toBeGreaterThan(10);
    expect(records.filter((r) => r.model.startsWith("test-large") && r.hit + r.miss + r.write + r.write1h > 200_000 && !want[r.id - 1]!.endsWith("unpriced")).length).toBeGreaterThan(20);
  };

  it("DuckDB: every record costs what ratecard estimate bills it", async () => {
    const con = await (await DuckDBInstance.create(":memory:")).connect();
    await con.run(usageSql2() + sql);
    await check(async (q) => (await con.runAndReadAll(q)).getRows().map((row) => row.map((v) => (v === null ? null : String(v)))) as string[][]);
  }, 120_000);

  it("PostgreSQL: every record costs what ratecard estimate bills it", async () => {
    pg!.sql(usageSql2() + sql.slice(0, sql.lastIndexOf("\nSELECT ") + 1));
    await check(async (q) => parseCsv(pg!.sql(q)));
  }, 120_000);
});
