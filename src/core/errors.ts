// Typed errors: each carries a kind (src/cli maps kinds to exit codes); none carries a stack to the user.

/** Where in an input file something was found. */
export interface Location {
  file: string;
  line?: number;
  col?: number;
}

/** What went wrong: bad flags or arguments, bad input, a gate that failed, or output that could not be written. */
export type ErrorKind = "usage" | "input" | "gate" | "write";

/** Base class of every expected error; `kind` says what went wrong (the CLI's exit table maps it to a code). */
export class RatecardError extends Error {
  readonly kind: ErrorKind;
  readonly hint?: string;
  readonly where?: Location;
  constructor(message: string, opts: { kind: ErrorKind; hint?: string; where?: Location }) {
    super(message);
    this.kind = opts.kind;
    this.hint = opts.hint;
    this.where = opts.where;
  }
}

/** Bad flags or arguments. */
export class UsageError extends RatecardError {
  constructor(message: string, hint?: string) {
    super(message, { kind: "usage", hint });
    this.name = "UsageError";
  }
}

/** Bad input: a file, a key, a value, an unknown model, a date with no price. */
export class InputError extends RatecardError {
  constructor(message: string, hint?: string, where?: Location) {
    super(message, { kind: "input", hint, where });
    this.name = "InputError";
  }
}

/** A gate failed: a budget or threshold was passed. */
export class BudgetExceeded extends RatecardError {
  constructor(message: string) {
    super(message, { kind: "gate" });
    this.name = "BudgetExceeded";
  }
}

/** Output could not be written (a full disk, a closed stream); never a gate verdict. */
export class WriteError extends RatecardError {
  constructor(message: string, hint?: string) {
    super(message, { kind: "write", hint });
    this.name = "WriteError";
  }
}

/** Returns a copy of an input error with a location attached when it has none. */
export function withLocation(err: unknown, where: Location | undefined): unknown {
  if (!where || !(err instanceof InputError) || err.where) return err;
  const located = new InputError(err.message, err.hint, where);
  return located;
}
