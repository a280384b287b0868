// Warnings live in the report: what stderr says about stale cards, the JSON `warnings` says too.
import { describe, expect, it } from "vitest";
import { spawnCli } from "../helpers/cli.js";

const STALE = "rates/deepseek.yaml: prices last checked 2026-12-01, 61 days before 2027-01-31";
const stderrWarnings = (s: string) => s.split("\n").filter((l) => l.startsWith("ratecard: warning: ")).map((l) => l.slice("ratecard: warning: ".length));

describe("stale-card warnings in JSON", () => {
  it.each([
    ["check", ["check", "examples/worked-example.yaml", "--budget", "5000", "--as-of", "2027-01-31", "-f", "json"]],
    ["diff", ["diff", "examples/worked-example.yaml", "examples/support-plan.yaml", "--as-of", "2027-01-31", "-f", "json"]],
    ["solve", ["solve", "examples/worked-example.yaml", "--budget", "1000", "--for", "reply", "--as-of", "2027-01-31", "-f", "json"]],
    ["estimate", ["estimate", "examples/worked-example.yaml", "--as-of", "2027-01-31", "-f", "json"]],
    ["sweep", ["sweep", "examples/worked-example.yaml", "--vary", "calls=1e5,2e5", "--as-of", "2027-01-31", "-f", "json"]],
  ])("%s says on stdout what it says on stderr", (_name, args) => {
    const r = spawnCli(args);
    const said = stderrWarnings(r.stderr);
    expect(said.some((w) => w.startsWith(STALE))).toBe(true);
    expect(JSON.parse(r.stdout).warnings).toEqual(said);
  });

  it("an empty list when the cards are fresh", () => {
    const r = spawnCli(["solve", "examples/worked-example.yaml", "--budget", "1000", "--for", "reply", "-f", "json"]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout).warnings).toEqual([]);
  });
});
