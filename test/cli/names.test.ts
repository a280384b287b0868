// End to end: model names across cards (qualified, bare, snapshot, ambiguous), rates --provider/--search, --top, the cost-sorted comparison and the reported-price mark.
import { describe, expect, it } from "vitest";
import { spawnCli, tempDir } from "../helpers/cli.js";

const flat = (hit: string, miss: string, out: string, extra = "") => `{from: 2026-01-01, input_cache_hit: ${hit}, input_cache_miss: ${miss}, output: ${out}${extra}}`;
const dir = tempDir({
  "acme.yaml": `provider: acme\ncurrency: USD\nchecked: 2026-01-01\nsource: https://acme.example/pricing\nmodels:\n  acme-large:\n    snapshots: [acme-large-20260101]\n    versions:\n      - ${flat("0.1", "1", "2", ", confidence: reported")}\n  shared-7b:\n    versions:\n      - ${flat("0.01", "0.1", "0.2", ", confidence: official")}\n`,
  "resell.yaml": `provider: resell\ncurrency: USD\nmodels:\n  shared-7b:\n    versions:\n      - ${flat("0.02", "0.2", "0.4")}\n`,
});
const work = ["--calls", "1000", "--miss", "1000", "--reply", "1000", "--as-of", "2026-02-01", "--rates", dir];

describe("model names on the command line", () => {
  it("fails with exit 2 on an ambiguous bare id, listing the qualified choices", () => {
    const r = spawnCli(["estimate", ...work, "-m", "shared-7b"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ratecard: error: model "shared-7b" is ambiguous: 2 loaded models answer to it (write one of "acme/shared-7b", "resell/shared-7b")\n');
  });

  it("prices qualified ids and snapshot ids, and keeps did-you-mean for unknown ones", () => {
    const r = spawnCli(["estimate", ...work, "-m", "resell/shared-7b,acme-large-20260101,deepseek/deepseek-chat", "-f", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).estimates.map((e: { model: string; total: string }) => [e.model, e.total])).toEqual([
      ["resell/shared-7b", "0.6"], // 1e6 tokens x 0.2 + 1e6 x 0.4 per 1M
      ["acme-large-20260101", "3"],
      ["deepseek/deepseek-chat", "0.7"], // V3.2: 1e6 x 0.28 + 1e6 x 0.42 per 1M
    ]);
    const u = spawnCli(["estimate", ...work, "-m", "acme-lrge"]);
    expect(u.code).toBe(2);
    expect(u.stderr).toBe('ratecard: error: unknown model "acme-lrge" (did you mean "acme-large"?)\n');
  });

  it("sorts the comparison cheapest first and keeps the N cheapest with --top", () => {
    const models = ["-m", "acme-large,acme/shared-7b,resell/shared-7b"];
    const table = spawnCli(["estimate", ...work, ...models]).stdout;
    expect(table).toContain("comparison: acme/shared-7b $0.30 = 1.00x · resell/shared-7b $0.60 = 2.00x · acme-large \u2020 $3.00 = 10.00x");
    const top = JSON.parse(spawnCli(["estimate", ...work, ...models, "--top", "2", "-f", "json"]).stdout);
    expect(top.estimates.map((e: { model: string }) => e.model)).toEqual(["acme/shared-7b", "resell/shared-7b"]);
    const bad = spawnCli(["estimate", ...work, ...models, "--top", "0"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^ratecard: error: --top: "0" is not a whole number of models >= 1/);
  });

  it("marks a reported price in every format", () => {
    const args = ["estimate", ...work, "-m", "acme-large,acme/shared-7b"];
    const table = spawnCli([...args]).stdout;
    expect(table).toContain("acme-large \u2020\n");
    expect(table).toContain("\u2020 reported price: only third parties give this figure or its date");
    const md = spawnCli([...args, "-f", "markdown"]).stdout;
    expect(md).toContain("#### acme-large \u2020\n");
    expect(md).toContain("- \u2020 reported price");
    const json = JSON.parse(spawnCli([...args, "-f", "json"]).stdout);
    expect(json.estimates.map((e: { confidence: string }) => e.confidence)).toEqual(["reported", "official"]);
    const csv = spawnCli([...args, "-f", "csv"]).stdout.trim().split("\r\n");
    expect(csv[0]!.endsWith(",cost,confidence")).toBe(true);
    expect(csv[1]).toBe("acme-large,,workload,input_cache_hit,,0,0.1,0,reported");
    expect(csv[4]).toBe("acme/shared-7b,,workload,input_cache_hit,,0,0.01,0,official");
    const rates = spawnCli(["rates", "--rates", dir, "--provider", "acme", "--as-of", "2026-02-01"]).stdout;
    expect(rates).toMatch(/acme-large \u2020/);
    expect(rates).toContain("\u2020 reported price");
  });

  it("narrows rates with --provider and --search, failing clearly when nothing matches", () => {
    const ids = (args: string[]) => JSON.parse(spawnCli(["rates", "--rates", dir, "--as-of", "2026-02-01", "-f", "json", ...args]).stdout).models.map((m: { model: string }) => m.model);
    expect(ids(["--provider", "acme"])).toEqual(["acme-large", "acme/shared-7b"]);
    expect(ids(["--search", "7B"])).toEqual(["acme/shared-7b", "resell/shared-7b"]);
    expect(ids(["--provider", "deepseek", "--search", "pro"])).toEqual(["deepseek-v4-pro"]);
    const r = spawnCli(["rates", "--rates", dir, "--provider", "acm"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ratecard: error: no loaded card has provider "acm" (did you mean "acme"?)\n');
  });

  it("warns about a stale card only for the cards the estimate used", () => {
    const on = (m: string) => spawnCli(["estimate", ...work.slice(0, -4), "--as-of", "2026-06-01", "--rates", dir, "-m", m]).stderr;
    expect(on("acme-large")).toMatch(/acme\.yaml: prices last checked 2026-01-01, 151 days before 2026-06-01/);
    expect(on("resell/shared-7b")).toBe("");
  });
});
