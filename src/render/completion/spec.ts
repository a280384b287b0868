// What a completion script knows: commands, their flags and arguments, and what values each takes.

/** Values a flag or argument completes to: fixed words, the model ids, file paths, or nothing. */
export type Values = { kind: "words"; words: string[] } | { kind: "models" } | { kind: "files" } | { kind: "none" };

/** One flag: its spellings, help text and, when it takes a value, what that value completes to. */
export interface FlagSpec {
  short?: string;
  long?: string;
  description: string;
  /** Undefined for a switch that takes no value. */
  value?: Values;
}

/** One command (or the program itself, with name ""). */
export interface CommandSpec {
  name: string;
  description: string;
  flags: FlagSpec[];
  /** The positional arguments in order; only the last may be `many`. */
  args: ArgsSpec[];
}

/** A positional argument: a name for help, whether several may follow, and what they complete to. */
export interface ArgsSpec {
  name: string;
  many: boolean;
  values: Values;
}

/** Everything a completion script is generated from. */
export interface CompletionSpec {
  program: string;
  root: CommandSpec;
  commands: CommandSpec[];
  models: string[];
}

/** Every spelling of a flag ("-f", "--format"). */
export function spellings(f: FlagSpec): string[] {
  return [f.short, f.long].filter((s): s is string => s !== undefined);
}
