/**
 * Long work on the main thread (reading the docs, rendering the modules)
 * never yields by itself, and the event loop is where a SIGINT or SIGTERM is
 * taken: a run staging a new output folder, which listens for them to remove
 * it, would act on a Ctrl-C only once all of that work is done (seconds on a
 * large tree). The work lets the loop turn now and then instead.
 */

/** Milliseconds of work between turns of the event loop. A turn costs microseconds. */
export const TURN_EVERY_MS = 50;

/**
 * A pacer: each call, between two pieces of work, lets the event loop turn
 * once (the promise it returns) when `everyMs` milliseconds have passed since
 * the last turn, else returns `undefined`. `everyMs` 0: a turn at every call
 * (tests).
 */
export function pacer(everyMs: number | undefined = TURN_EVERY_MS): () => Promise<void> | undefined {
  let turned = performance.now();
  return () => {
    if (performance.now() - turned < everyMs) return undefined;
    // One turn of the loop; by the next such turn it has polled for events, where a signal is taken.
    return new Promise<void>((turn) =>
      setImmediate(() => {
        turned = performance.now();
        turn();
      }),
    );
  };
}

/**
 * Runs `steps` (a generator that yields between pieces of work and returns
 * the result) to its end, letting the event loop turn every `everyMs`
 * milliseconds; after each turn, `halted` says whether to stop there, for
 * good: the promise then never settles (a signal's handler is ending the
 * process).
 */
export async function runPaced<T>(steps: Iterator<unknown, T, undefined>, everyMs: number | undefined = TURN_EVERY_MS, halted: () => boolean = () => false): Promise<T> {
  const pace = pacer(everyMs);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    const turn = pace();
    if (turn === undefined) continue;
    await turn;
    if (halted()) await new Promise<never>(() => {});
  }
}
