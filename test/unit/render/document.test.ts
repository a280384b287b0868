// One document, every document format: control characters escaped in titles and cells; the compact layout fits.
import { describe, expect, it } from "vitest";
import type { Document } from "../../../src/render/document.js";
import { DOCUMENT_FORMATS } from "../../../src/render/reporters.js";

const doc: Document = {
  command: "estimate",
  title: "t\u0007itle",
  headline: "head\u001b[31mline",
  facts: ["fa\rct"],
  sections: [
    {
      title: "sec\u2028tion",
      table: {
        columns: [{ head: "na\tme", kind: "text" }, { head: "cost", kind: "money", short: "c" }],
        rows: [{ cells: ["a\u0000b", "$1.00"] }, { cells: ["total", "$1.00"], strong: true }],
      },
      notes: [{ text: "no\u0085te", level: "warn" }],
    },
  ],
  warnings: ["war\u202ening"],
};

describe("document renderers", () => {
  it.each(Object.keys(DOCUMENT_FORMATS))("%s escapes every control character from titles, facts, cells and notes", async (format) => {
    const text = await DOCUMENT_FORMATS[format]!(doc, { color: false });
    expect(text.replace(/\n/g, "")).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u202e]/);
    // the terminal shows the headline, markdown and html the title too
    for (const shown of [...(format === "table" ? [] : ["t\\x07itle"]), "head\\x1b[31mline", "a\\x00b", "no\\x85te"]) expect(text).toContain(shown);
  });

  it("stacks rows on a narrow terminal, each line within its width", async () => {
    const wide: Document = { ...doc, sections: [{ table: { columns: [{ head: "model", kind: "text" }, ...["a", "b", "c", "d"].map((h) => ({ head: `column ${h}`, kind: "money" as const, short: h }))], rows: [{ cells: ["deepseek-v4-flash", "$1,000.00", "$2,000.00", "$3,000.00", "$4,000.00"] }] } }] };
    const text = await DOCUMENT_FORMATS.table!(wide, { color: false, width: 40 });
    expect(text).not.toContain("┌");
    expect(text).toContain("deepseek-v4-flash\n  a $1,000.00 · b $2,000.00\n  c $3,000.00 · d $4,000.00");
    expect(Math.max(...text.split("\n").map((l) => l.length))).toBeLessThanOrEqual(40);
  });
});
