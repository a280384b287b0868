// The built-in rate cards, embedded in the bundle as text so they travel with the binary.

import deepseek from "../../rates/deepseek.yaml?raw";

/** Each built-in card as { file, text }; `file` is how messages name it. */
export const BUILTIN_CARDS: readonly { file: string; text: string }[] = [{ file: "rates/deepseek.yaml", text: deepseek }];
