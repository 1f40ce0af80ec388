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

/**
 * A system error from the file system (it has a `code` such as `ENOTDIR`,
 * `EACCES`, `ENOSPC`) as the I/O error it is, in one line; anything else is
 * returned as it was.
 */
export function systemErrorAsIo(error: unknown): unknown {
  if (error instanceof ExpectedError || !(error instanceof Error)) return error;
  const { code, path } = error as NodeJS.ErrnoException;
  if (typeof code !== "string" || !/^E[A-Z]+$/.test(code)) return error;
  return ioError(`${path ? `${path}: ` : ""}${error.message.replace(/^[A-Z]+: /, "").split("\n")[0]}`);
}

/** Runs `work`, turning file-system errors into I/O errors (see {@link systemErrorAsIo}). */
export async function withIoErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw systemErrorAsIo(error);
  }
}
