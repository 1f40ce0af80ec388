/**
 * Expected failures: bad usage (flags, config) and I/O problems. The CLI
 * prints their message in one line and exits 2. Anything else that is thrown
 * is an internal error (a bug): the CLI prints its stack.
 */

export class ExpectedError extends Error {
  override readonly name = "ExpectedError";
  /** `usage` for flags and config, `io` for files that cannot be read or written. */
  readonly kind: "usage" | "io";

  constructor(kind: "usage" | "io", message: string) {
    super(message);
    this.kind = kind;
  }
}

/** A usage error (a bad flag or config value). */
export function usageError(message: string): ExpectedError {
  return new ExpectedError("usage", message);
}

/** An I/O error (a file or folder that cannot be read or written). */
export function ioError(message: string): ExpectedError {
  return new ExpectedError("io", message);
}
