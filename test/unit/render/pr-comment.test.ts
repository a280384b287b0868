// Markdown reports stay small enough for a pull-request comment.
import { describe, expect, it } from "vitest";
import { COMMENT_BUDGET, prComment } from "../../../src/render/pr-comment.js";

describe("prComment", () => {
  it("folds the details into a <details> block with a blank line so GitHub renders their Markdown", () => {
    expect(prComment("# head\n", "More", "| a |\n|---|\n")).toBe("# head\n\n<details>\n<summary>More</summary>\n\n| a |\n|---|\n\n</details>\n");
  });

  it("leaves the details out, saying so, when they would pass the comment budget", () => {
    const details = "| x |\n".repeat(COMMENT_BUDGET / 6 + 1);
    const out = prComment("# head\n", "More", details);
    expect(out.length).toBeLessThan(COMMENT_BUDGET);
    expect(out).not.toContain("<details>");
    expect(out).toContain("_More left out: too long for a pull-request comment (see `-f json`)._");
  });
});
