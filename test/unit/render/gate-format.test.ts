// Shared gate display: signed money, rounded percentage changes, escaped GitHub annotations.
import { describe, expect, it } from "vitest";
import { Exact } from "../../../src/core/exact.js";
import { formatPctChange, formatSignedMoney } from "../../../src/render/gate-format.js";
import { annotationLine } from "../../../src/render/github.js";

describe("gate formatting", () => {
  it("rounds percentage changes to two places only for display", () => {
    expect(formatPctChange(Exact.int(100))).toBe("+100%");
    expect(formatPctChange(Exact.of(100n, 3n))).toBe("+33.33%");
    expect(formatPctChange(Exact.parseDecimal("-12.5")!)).toBe("-12.5%");
    expect(formatPctChange(Exact.ZERO)).toBe("0%");
    expect(formatPctChange(Exact.parseDecimal("0.004")!)).toBe("+<0.01%");
    expect(formatPctChange(null)).toBe("n/a");
  });

  it("signs increases, keeps decreases' minus and leaves zero bare", () => {
    expect(formatSignedMoney(Exact.int(1682), "USD")).toBe("+$1,682.00");
    expect(formatSignedMoney(Exact.int(-18), "USD")).toBe("-$18.00");
    expect(formatSignedMoney(Exact.ZERO, "USD")).toBe("$0.00");
  });

  it("escapes annotation data and properties as the runner expects", () => {
    const line = annotationLine({ level: "error", title: "a: b, c", message: "50% over\nnext", file: "plans/x,y.yaml", line: 3 });
    expect(line).toBe("::error file=plans/x%2Cy.yaml,line=3,title=a%3A b%2C c::50%25 over%0Anext\n");
  });
});
