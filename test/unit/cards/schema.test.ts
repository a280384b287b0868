// The JSON Schemas accept the built-in cards and the examples, and reject what the loader rejects.
import Ajv from "ajv";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../../helpers/cli.js";

function validator(name: string) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(readFileSync(join(ROOT, "schema", name), "utf8")));
}

const yamlFiles = (dir: string) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith(".yaml")).map((f) => join(dir, f));

describe("schemas", () => {
  it.each(yamlFiles("rates"))("%s is a valid rate card", (file) => {
    const validate = validator("rate-card.schema.json");
    const ok = validate(parse(readFileSync(join(ROOT, file), "utf8")));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each(yamlFiles("examples").filter((f) => !f.includes("workflow")))("%s is a valid plan", (file) => {
    const validate = validator("plan.schema.json");
    expect(validate(parse(readFileSync(join(ROOT, file), "utf8")))).toBe(true);
  });

  it("rejects a typo'd key in a card and in a plan", () => {
    const card = validator("rate-card.schema.json");
    expect(card({ currency: "USD", models: { m: { versions: [{ from: "2026-01-01", input_cache_hit: 1, input_cache_miss: 1, ouptut: 1 }] } } })).toBe(false);
    const plan = validator("plan.schema.json");
    expect(plan({ calls: 10, mis: 5 })).toBe(false);
  });
});
