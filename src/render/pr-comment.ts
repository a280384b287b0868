// Keeps Markdown reports small enough for a pull-request comment (GitHub caps a comment at 65,536 characters).

/** Longest report we emit: well under GitHub's comment limit, leaving room for a second report. */
export const COMMENT_BUDGET = 30_000;

/** `main` then `details` in a collapsed block; the details are dropped (with a note) when too long. */
export function prComment(main: string, summary: string, details: string): string {
  const block = `<details>\n<summary>${summary}</summary>\n\n${details.trimEnd()}\n\n</details>\n`;
  if (main.length + block.length <= COMMENT_BUDGET) return `${main}\n${block}`;
  return `${main}\n_${summary} left out: too long for a pull-request comment (see \`-f json\`)._\n`;
}
