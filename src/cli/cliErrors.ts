// The two kinds of user mistakes the command reports without a stack trace.

/** Bad usage: unknown option, missing argument, invalid value. Exit code 2, with the usage text. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Bad data that is not a library error (a model file, mismatched features). Exit code 1. */
export class CliDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliDataError';
  }
}
