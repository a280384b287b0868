// Options every renderer takes, and the output formats.

/** The formats of --format. */
export const FORMATS = ["table", "json", "csv", "markdown"] as const;
export type Format = (typeof FORMATS)[number];

/** The formats of the gate commands (`check`, `diff`). */
export const GATE_FORMATS = ["table", "json", "markdown", "github"] as const;
export type GateFormat = (typeof GATE_FORMATS)[number];

/** How to render: colour only for a TTY without NO_COLOR. */
export interface RenderOptions {
  color: boolean;
}
