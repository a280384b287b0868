// Completion script renderers keyed by shell.

import { renderBash } from "./bash.js";
import { renderFish } from "./fish.js";
import type { CompletionSpec } from "./spec.js";
import { renderZsh } from "./zsh.js";

/** The shells `ratecard completion` writes scripts for. */
export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

/** One script renderer per shell. */
export const COMPLETION_RENDERERS: Record<Shell, (spec: CompletionSpec) => string> = { bash: renderBash, zsh: renderZsh, fish: renderFish };
