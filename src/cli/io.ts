/**
 * What the CLI prints to and runs in: its streams, folder and terminal
 * abilities (a module of its own, so that watch mode needs nothing else of
 * the CLI).
 */

/** Where the CLI prints, which folder it runs in, and what the terminal can do. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** Colour in what goes to stderr (diagnostics, summaries). */
  readonly color: boolean;
  /** Colour in what goes to stdout (the drift diff); as {@link color} when not given. */
  readonly stdoutColor?: boolean;
  /** A progress line while docs are read (a terminal, not CI). */
  readonly progress: boolean;
  /** Calls `listener` once, when the reader of stdout or stderr has gone (a write failed with EPIPE): a watch whose output nobody reads ends. */
  readonly readerGone?: (listener: () => void) => void;
  /** How a time the CLI prints (`0.07s`) is handed to `stdout` and `stderr`: as it is when not given (see `replay-record.ts`). */
  readonly timed?: (time: string) => string;
}
