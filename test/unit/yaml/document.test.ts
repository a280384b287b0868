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

  it("stops walking an alias bomb at the node budget", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 8; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? "*a" : `*l${i - 1}`).join(", ")}]`);
    const y = new YamlFile(levels.join("\n") + "\n", "bomb.yaml");
    const f = y.map(y.root, "", []);
    const walk = (n: Node): number => (isSeq(y.deref(n)) ? y.seq(n, "x").reduce((acc, c) => acc + walk(c), 0) : 1);
    expect(() => walk(f.get("l7")!)).toThrow(/more than 100000 YAML nodes after expanding aliases/);
  });
});
