// Price intervals -> a SQL script: CREATE TABLEs (intervals, model names), batched INSERTs, and the reference pricing query.

import { InputError } from "../../core/errors.js";
import { formatInstant } from "../../core/instant.js";
import { chunked, type IntervalColumn, type IntervalExport } from "./columns.js";

/** The engines whose SQL must differ somewhere; without --dialect the script is standard SQL. */
export const SQL_DIALECTS = ["duckdb", "postgres", "bigquery", "spark"] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];

/** Where the dialects differ: identifier quotes, type names, literals, one session setting. */
interface DialectSpec {
  quote: string;
  text: string;
  time: string;
  price: string;
  notNull: boolean;
  timeLiteral(iso: string): string;
  priceLiteral(decimal: string): string;
  /** The factor that turns tokens x price per 1M into money, exactly. */
  perToken: string;
  preamble: string[];
}

/** Table and view names of the script. */
const INTERVALS_TABLE = "ratecard_intervals";
const NAMES_TABLE = "ratecard_model_names";
const PRICED_VIEW = "ratecard_priced_usage";

/** "2026-03-08T06:59:59.500Z" -> "2026-03-08 06:59:59.5" style text without the zone. */
function wallClock(iso: string): string {
  return iso.replace("T", " ").replace(/Z$/, "");
}

const STANDARD: DialectSpec = {
  quote: '"',
  text: "VARCHAR(255)",
  time: "TIMESTAMP",
  price: "DECIMAL(38,12)",
  notNull: true,
  timeLiteral: (iso) => `TIMESTAMP '${wallClock(iso)}'`,
  priceLiteral: (d) => d,
  perToken: "CAST(0.000001 AS DECIMAL(7,6))",
  preamble: [],
};

const DIALECTS: Record<SqlDialect | "standard", DialectSpec> = {
  standard: STANDARD,
  duckdb: STANDARD,
  postgres: STANDARD,
  bigquery: {
    quote: "`",
    text: "STRING",
    time: "TIMESTAMP",
    price: "BIGNUMERIC(38,12)", // NUMERIC allows at most 9 decimals
    notNull: true,
    timeLiteral: (iso) => `TIMESTAMP '${wallClock(iso)}+00'`,
    priceLiteral: (d) => `BIGNUMERIC '${d}'`, // a bare 0.028 would be a FLOAT64
    perToken: "BIGNUMERIC '0.000001'",
    preamble: ["-- BigQuery: run with a default dataset (bq query --dataset_id=DATASET) or qualify the names."],
  },
  spark: {
    quote: "`",
    text: "STRING",
    time: "TIMESTAMP_NTZ",
    price: "DECIMAL(38,12)",
    notNull: false,
    timeLiteral: (iso) => `TIMESTAMP_NTZ '${wallClock(iso)}'`,
    priceLiteral: (d) => d,
    perToken: "CAST(0.000001 AS DECIMAL(7,6))",
    // Spark otherwise cuts a product's scale to 6 places when its precision passes 38.
    preamble: ["SET spark.sql.decimalOperations.allowPrecisionLoss = false;"],
  },
};

/** Rows per INSERT statement. */
const BATCH = 500;
/** Decimal places the price columns hold. */
const SCALE = 12;

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function sqlType(c: IntervalColumn, d: DialectSpec): string {
  return c.kind === "time" ? d.time : c.kind === "price" ? d.price : c.kind === "count" ? "BIGINT" : d.text;
}

/** A price as a literal the column holds exactly; more decimals than the scale fail closed. */
function priceValue(text: string, c: IntervalColumn, d: DialectSpec): string {
  const places = text.includes(".") ? text.length - text.indexOf(".") - 1 : 0;
  if (places > SCALE) {
    throw new InputError(`price ${text} in column ${c.name} has ${places} decimal places; DECIMAL(38,${SCALE}) would round it`, "use -f csv or -f json, which carry every digit");
  }
  return d.priceLiteral(text);
}

function valueSql(text: string | null, c: IntervalColumn, d: DialectSpec): string {
  if (text === null) return "NULL";
  if (c.kind === "time") return d.timeLiteral(text);
  if (c.kind === "price") return priceValue(text, c, d);
  if (c.kind === "count") return text;
  return literal(text);
}

/**
 * The reference query: every usage record priced by one range join, then totals per model. Each
 * token bucket is usage column x price per 1M; with long-context tiers, the price is the highest
 * tier whose threshold the request's input (hits + misses + writes) is strictly above; a fee is
 * count x price per unit. A bucket whose price may be missing (a retention or fee the version
 * lacks) counts only when used, so using it leaves the cost NULL.
 */
function pricingQuery(columns: readonly IntervalColumn[], d: DialectSpec = STANDARD): string {
  const q = (id: string) => `${d.quote}${id}${d.quote}`;
  const priced = columns.filter((c) => c.pricing);
  const tiers = [...new Set(columns.flatMap((c) => (c.tier ? [c.tier.k] : [])))].sort((a, b) => b - a);
  const input = priced.filter((c) => c.pricing!.input).map((c) => `u.${q(c.pricing!.usage)}`).join(" + ");
  const price = (c: IntervalColumn) => {
    if (tiers.length === 0 || c.pricing!.per === "unit") return `r.${q(c.name)}`;
    const whens = tiers.map((k) => `WHEN (${input}) > r.${q(`tier${k}_above`)} THEN r.${q(`tier${k}_${c.name}`)}`);
    return `CASE ${whens.join(" ")} ELSE r.${q(c.name)} END`;
  };
  const term = (c: IntervalColumn) => {
    const u = `u.${q(c.pricing!.usage)}`;
    const product = `${u} * ${price(c)}`;
    return c.nullable ? `CASE WHEN ${u} = 0 THEN 0 ELSE ${product} END` : product;
  };
  const tokens = priced.filter((c) => c.pricing!.per === "million").map(term).join("\n          + ");
  const fees = priced.filter((c) => c.pricing!.per === "unit").map(term);
  const usageColumns = ["model", "ts", ...priced.map((c) => c.pricing!.usage)].join(", ");
  return [
    `-- Every record of usage(${usageColumns}, ...) priced at its instant (ts in UTC):`,
    `-- the logged model name (bare id, provider/id or snapshot id) to its model, then one range join. A`,
    `-- record no interval holds (unknown, ambiguous or retired model, before the model's first price,`,
    `-- outside the exported range) keeps a NULL cost and counts as unpriced, never as 0.`,
    ...(tiers.length ? [`-- Long-context tiers: a request whose input (hits + misses + writes) is above tier<k>_above pays that tier's prices.`] : []),
    `-- Batch, service-tier and region modifiers are not applied: price such records with ratecard estimate.`,
    `CREATE VIEW ${PRICED_VIEW} AS`,
    `SELECT u.*, r.${q("billed_as")}, r.${q("window")}, r.${q("currency")},`,
    `       (${tokens})`,
    `         * ${d.perToken}${fees.map((f) => `\n       + ${f}`).join("")} AS ${q("cost")}`,
    `FROM usage u`,
    `LEFT JOIN ${NAMES_TABLE} n ON n.${q("name")} = u.${q("model")}`,
    `LEFT JOIN ${INTERVALS_TABLE} r`,
    `  ON r.${q("model")} = n.${q("model")} AND u.${q("ts")} >= r.${q("start")} AND u.${q("ts")} < r.${q("end")};`,
    ``,
    `SELECT ${q("model")}, ${q("currency")}, COUNT(*) AS ${q("records")}, COUNT(${q("cost")}) AS ${q("priced")},`,
    `       COUNT(*) - COUNT(${q("cost")}) AS ${q("unpriced")}, SUM(${q("cost")}) AS ${q("cost")}`,
    `FROM ${PRICED_VIEW}`,
    `GROUP BY ${q("model")}, ${q("currency")}`,
    `ORDER BY ${q("model")}, ${q("currency")};`,
    ``,
  ].join("\n");
}

function* statements(x: IntervalExport, dialect: SqlDialect | undefined): Generator<string> {
  const d = DIALECTS[dialect ?? "standard"];
  const q = (id: string) => `${d.quote}${id}${d.quote}`;
  yield `-- ratecard price intervals from ${formatInstant(x.from)} to ${formatInstant(x.to)}: start inclusive, end exclusive, UTC;\n`;
  yield `-- prices per 1M tokens, exact. ${dialect ? `Dialect: ${dialect}.` : "Standard SQL (DuckDB, PostgreSQL)."}\n`;
  for (const line of d.preamble) yield `${line}\n`;
  const defs = x.columns.map((c) => `  ${q(c.name)} ${sqlType(c, d)}${!c.nullable && d.notNull ? " NOT NULL" : ""}`);
  yield `CREATE TABLE ${INTERVALS_TABLE} (\n${defs.join(",\n")}\n);\n`;
  const head = `INSERT INTO ${INTERVALS_TABLE} (${x.columns.map((c) => q(c.name)).join(", ")}) VALUES\n`;
  let n = 0;
  for (const r of x.rows) {
    const values = `(${x.columns.map((c) => valueSql(c.value(r), c, d)).join(", ")})`;
    yield n % BATCH === 0 ? `${n === 0 ? "" : ";\n"}${head}${values}` : `,\n${values}`;
    n++;
  }
  if (n > 0) yield ";\n";
  yield `CREATE TABLE ${NAMES_TABLE} (\n  ${q("name")} ${d.text}${d.notNull ? " NOT NULL" : ""},\n  ${q("model")} ${d.text}${d.notNull ? " NOT NULL" : ""}\n);\n`;
  for (let i = 0; i < x.names.length; i += BATCH) {
    const values = x.names.slice(i, i + BATCH).map((m) => `(${literal(m.name)}, ${literal(m.model)})`);
    yield `INSERT INTO ${NAMES_TABLE} (${q("name")}, ${q("model")}) VALUES\n${values.join(",\n")};\n`;
  }
  yield "\n" + pricingQuery(x.columns, d);
}

/** The export as a SQL script in chunks: standard SQL, or the given dialect where engines differ. */
export function intervalsSql(x: IntervalExport, dialect?: SqlDialect): Generator<string> {
  return chunked(statements(x, dialect));
}
