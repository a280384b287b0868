// Options every renderer takes, and the formats every command has.

/** The formats every command has (a command may add its own: focus, github); config `format:` takes these. */
export const FORMATS = ["table", "json", "csv", "markdown", "html"] as const;
export type Format = (typeof FORMATS)[number];

/** How to render: colour only for a TTY without NO_COLOR. */
export interface RenderOptions {
  color: boolean;
  /** Columns of the terminal; a wider table drops to the compact layout (unset: piped, full tables). */
  width?: number;
  /** Draw the line chart under the table (sweep). */
  chart?: boolean;
}
