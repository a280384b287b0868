// The JSON Schemas accept the built-in cards and the examples, and reject what the loader rejects.
import Ajv from "ajv";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadRateCards } from "../../../src/cards/load.js";
import { InputError } from "../../../src/core/errors.js";
import { parsePlan } from "../../../src/workload/parse-plan.js";
import { ROOT } from "../../helpers/cli.js";

function validator(name: string) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(readFileSync(join(ROOT, "schema", name), "utf8")));
}
const cardSchema = validator("rate-card.schema.json");
const planSchema = validator("plan.schema.json");

const yamlFiles = (dir: string) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith(".yaml")).map((f) => join(dir, f));
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");
const examples = yamlFiles("examples").filter((f) => !f.includes("workflow"));
const invalid = yamlFiles("test/fixtures/invalid");

/** What the loader says about a file: the InputError, or undefined when it loads. */
function loaderError(file: string): unknown {
  try {
    if (file.includes("/card-")) loadRateCards([{ file, text: read(file) }]);
    else parsePlan(read(file), file);
  } catch (err) {
    return err;
  }
  return undefined;
}

describe("schemas", () => {
  it.each(yamlFiles("rates"))("%s is a valid rate card", (file) => {
    const ok = cardSchema(parse(read(file)));
    expect(cardSchema.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each(yamlFiles("test/fixtures/cards"))("%s (a v2 card using every structure) is valid for the schema and the loader", (file) => {
    expect(cardSchema(parse(read(file)))).toBe(true);
    expect(cardSchema.errors ?? []).toEqual([]);
    expect(() => loadRateCards([{ file, text: read(file) }])).not.toThrow();
  });

  it("accepts the v2 workload keys in a plan (schema and loader)", () => {
    const file = "test/fixtures/plans/v2-plan.yaml";
    expect(planSchema(parse(read(file)))).toBe(true);
    expect(loaderError(file)).toBeUndefined();
  });

  it("accepts plan-level defaults (schema and loader)", () => {
    const file = "test/fixtures/plans/defaults-plan.yaml";
    expect(planSchema(parse(read(file)))).toBe(true);
    expect(loaderError(file)).toBeUndefined();
  });

  it.each(examples)("%s is a valid plan for the schema and the loader", (file) => {
    expect(planSchema(parse(read(file)))).toBe(true);
    expect(loaderError(file)).toBeUndefined();
  });

  it.each([...yamlFiles("rates"), ...examples])("%s names its schema for editors", (file) => {
    const schema = file.startsWith("rates/") ? "rate-card.schema.json" : "plan.schema.json";
    expect(read(file).split("\n")[0]).toBe(`# yaml-language-server: $schema=../schema/${schema}`);
  });

  it("rejects a typo'd key in a card and in a plan", () => {
    expect(cardSchema({ currency: "USD", models: { m: { versions: [{ from: "2026-01-01", input_cache_hit: 1, input_cache_miss: 1, ouptut: 1 }] } } })).toBe(false);
    expect(planSchema({ calls: 10, mis: 5 })).toBe(false);
  });

  it("has a corpus of invalid cards and plans", () => {
    expect(invalid.filter((f) => f.includes("/card-")).length).toBeGreaterThanOrEqual(10);
    expect(invalid.filter((f) => f.includes("/plan-")).length).toBeGreaterThanOrEqual(10);
    expect(invalid.every((f) => /\/(card|plan)-[^/]+\.yaml$/.test(f))).toBe(true);
  });

  it.each(invalid)("%s is rejected by the schema and by the loader", (file) => {
    const validate = file.includes("/card-") ? cardSchema : planSchema;
    expect(validate(parse(read(file))), "the schema accepts it").toBe(false);
    const err = loaderError(file);
    expect(err, "the loader accepts it").toBeInstanceOf(InputError);
    expect((err as InputError).where?.file).toBe(file);
  });
});
