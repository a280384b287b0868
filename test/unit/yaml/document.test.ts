// YamlFile: positions in errors, unknown keys with suggestions, and the alias-expansion budget.
import { isSeq, type Node } from "yaml";
import { describe, expect, it } from "vitest";
import { YamlFile } from "../../../src/yaml/document.js";

describe("YamlFile", () => {
  it("names file, line and column, and suggests the closest key", () => {
    const y = new YamlFile("calls: 1\nrepyl: 2\n", "w.yaml");
    expect(() => y.map(y.root, "", ["calls", "reply"])).toThrow(expect.objectContaining({
      message: 'unknown key "repyl"',
      hint: 'did you mean "reply"?',
      where: { file: "w.yaml", line: 2, col: 1 },
    }));
  });

  it("keeps the exact source text of plain numbers", () => {
    const y = new YamlFile("rate: 0.1000\nbig: 12345678901234567890\n", "r.yaml");
    const f = y.map(y.root, "", ["rate", "big"]);
    expect([f.text("rate"), f.text("big")]).toEqual(["0.1000", "12345678901234567890"]);
  });

  it("rejects an alias bomb when it is read, counting without expanding", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 8; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? "*a" : `*l${i - 1}`).join(", ")}]`);
    expect(() => new YamlFile(levels.join("\n") + "\n", "bomb.yaml")).toThrow(/bomb\.yaml|YAML aliases expand to more than 1000000 extra nodes/);
    // 10^5 leaves (some 111,000 nodes) pass.
    const y = new YamlFile(levels.slice(0, 5).join("\n") + "\n", "ok.yaml");
    const walk = (n: Node): number => (isSeq(y.deref(n)) ? y.seq(n, "x").reduce((acc, c) => acc + walk(c), 0) : 1);
    expect(walk(y.map(y.root, "", []).get("l4")!)).toBe(100_000);
  });

  it("reads a long list without aliases, and many aliases in linear time", () => {
    const items = new YamlFile(`models:\n${"  - deepseek-v4-flash\n".repeat(100_000)}`, "p.yaml");
    expect(items.seq(items.map(items.root, "", ["models"]).get("models")!, "models")).toHaveLength(100_000);
    const aliases = new YamlFile(`m: &m deepseek-v4-flash\nmodels:\n${"  - *m\n".repeat(100_000)}`, "a.yaml");
    const list = aliases.seq(aliases.map(aliases.root, "", ["m", "models"]).get("models")!, "models");
    expect(list.map((n) => aliases.text(n, "m")).every((t) => t === "deepseek-v4-flash")).toBe(true);
  });

  it("fails on an alias inside its own anchor and on an unknown anchor", () => {
    expect(() => new YamlFile("a: &a [1, *a]\n", "c.yaml")).toThrow(/refers to a node that contains it/);
    expect(() => new YamlFile("a: [1, *nope]\n", "u.yaml")).toThrow(/nope/);
  });
});
