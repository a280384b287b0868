// Typed errors: each kind maps to one exit code in src/cli; none carries a stack to the user.

/** Where in an input file something was found. */
export interface Location {
  file: string;
  line?: number;
  col?: number;
}

/** Base class of every expected error; `exitCode` is what the CLI exits with. */
export class RatecardError extends Error {
  readonly exitCode: number;
  readonly hint?: string;
  readonly where?: Location;
  constructor(message: string, opts: { exitCode: number; hint?: string; where?: Location }) {
    super(message);
    this.exitCode = opts.exitCode;
    this.hint = opts.hint;
    this.where = opts.where;
  }
}

/** Bad flags or arguments (exit 2). */
export class UsageError extends RatecardError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: 2, hint });
    this.name = "UsageError";
  }
}

/** Bad input: a file, a key, a value, an unknown model, a date with no price (exit 2). */
export class InputError extends RatecardError {
  constructor(message: string, hint?: string, where?: Location) {
    super(message, { exitCode: 2, hint, where });
    this.name = "InputError";
  }
}

/** A gate failed: a budget or threshold was passed (exit 1). */
export class BudgetExceeded extends RatecardError {
  constructor(message: string) {
    super(message, { exitCode: 1 });
    this.name = "BudgetExceeded";
  }
}

/** Output could not be written (a full disk, a closed stream): exit 4, never a gate verdict. */
export class WriteError extends RatecardError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: 4, hint });
    this.name = "WriteError";
  }
}

/** Returns a copy of an input error with a location attached when it has none. */
export function withLocation(err: unknown, where: Location | undefined): unknown {
  if (!where || !(err instanceof InputError) || err.where) return err;
  const located = new InputError(err.message, err.hint, where);
  return located;
}
