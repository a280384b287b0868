// The hand-written table padding draws what cli-table3 drew (same look, byte for byte), in linear time.
import Table from "cli-table3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth, drawGrid, wrapText } from "../../../src/render/formats/grid.js";

const NO_ROW_RULES = { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" };

function cliTable3(head: string[], rows: string[][], right: boolean[], colWidths?: (number | null)[]): string {
  const t = new Table({
    head,
    style: { head: [], border: [] },
    chars: NO_ROW_RULES,
    colAligns: right.map((r) => (r ? "right" : "left")),
    ...(colWidths ? { colWidths, wordWrap: true } : {}),
  });
  for (const r of rows) t.push(r);
  return t.toString();
}

const word = fc.stringMatching(/^[a-z0-9$,.()-]{1,12}$/);
const text = fc.array(word, { minLength: 0, maxLength: 6 }).map((w) => w.join(" "));

describe("drawGrid", () => {
  it("matches cli-table3 for any table of plain cells", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 6 }), fc.infiniteStream(text), fc.infiniteStream(fc.boolean()), (cols, n, cells, flags) => {
        const head = Array.from({ length: cols }, () => cells.next().value || "h");
        const right = Array.from({ length: cols }, () => flags.next().value);
        const rows = Array.from({ length: n }, () => Array.from({ length: cols }, () => cells.next().value));
        const ours = drawGrid(right.map((r) => ({ right: r })), head.map((t) => ({ text: t })), rows.map((r) => r.map((t) => ({ text: t }))));
        expect(ours).toBe(cliTable3(head, rows, right));
      }),
      { numRuns: 200 },
    );
  });

  it("wraps a fixed-width column as cli-table3's wordWrap does", () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (notes) => {
        const rows = notes.map((n, i) => [`m${i}`, n]);
        const ours = drawGrid([{ right: false }, { right: false, wrap: 14 }], [{ text: "model" }, { text: "note" }], rows.map((r) => r.map((t) => ({ text: t }))));
        expect(ours).toBe(cliTable3(["model", "note"], rows, [false, false], [null, 16]));
      }),
      { numRuns: 200 },
    );
  });

  it("measures wide characters and ignores colour codes", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("\x1b[1mabc\x1b[22m")).toBe(3);
    expect(displayWidth("价格")).toBe(4);
    expect(wrapText("one two three", 7)).toEqual(["one two", "three"]);
  });
});
