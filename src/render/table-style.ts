// Shared cli-table3 settings: no rule between body rows, so tables stay compact.

/** Border characters that drop the line between rows. */
export const NO_ROW_RULES = { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" };
