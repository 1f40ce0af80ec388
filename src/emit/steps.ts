/**
 * Rendering in steps. Each target's emitter is a generator that yields
 * (`undefined`) after each model and returns its files: {@link drain} runs
 * one to its end at once; `generate` runs it letting the event loop turn
 * between steps (`io/pace.ts`), so that a Ctrl-C is taken during a long
 * render. Either way, the files are the same.
 */
export type Steps<T> = Generator<undefined, T, undefined>;

/** Runs `steps` to its end, without pausing: its result. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
