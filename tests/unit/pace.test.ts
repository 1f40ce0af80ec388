/**
 * Long work on the main thread lets the event loop turn (`io/pace.ts`): the
 * render of a generate, step by step, gives the files the one-go render
 * gives, and stops for good at a turn after which a signal is ending the run.
 */

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pacer, runPaced } from "../../src/io/pace.js";
import { resolveOptions } from "../../src/ir/options.js";
import { render, renderSources } from "../../src/recipe.js";
import type { OutputFile } from "../../src/emit/emit.js";
import { readSources } from "../../src/io/sources.js";
import { ROOT, turnCounter } from "../helpers.js";

/** A generator of `n` steps that records, at each, how many turns the loop had made; returns "done". */
function* counted(n: number, counter: { turns: () => number }, seen: number[]): Generator<undefined, string, undefined> {
  for (let i = 0; i < n; i++) {
    seen.push(counter.turns());
    yield;
  }
  return "done";
}

describe("pacer and runPaced", () => {
  it("a pacer gives a turn once its interval has passed since the last one, else nothing", async () => {
    const every = pacer(0);
    const turn = every();
    expect(turn).toBeInstanceOf(Promise);
    await turn;
    const never = pacer(60_000);
    expect(never()).toBeUndefined();
    expect(never()).toBeUndefined();
  });

  it("runPaced returns the steps' result, the loop turning between steps (every 0 ms) or not at all (a long interval)", async () => {
    const counter = turnCounter();
    const seen: number[] = [];
    expect(await runPaced(counted(20, counter, seen), 0)).toBe("done");
    // Each step after the first began after a turn of the loop.
    expect(new Set(seen).size).toBe(20);
    const unpaced: number[] = [];
    expect(await runPaced(counted(20, counter, unpaced), 60_000)).toBe("done");
    expect(new Set(unpaced).size).toBe(1);
    counter.stop();
  });

  it("runPaced stops for good at the first turn after which `halted` says so: no later step runs, the promise never settles", async () => {
    const counter = turnCounter();
    const seen: number[] = [];
    let halted = false;
    const steps = counted(20, counter, seen);
    const run = runPaced(steps, 0, () => halted);
    // The first step ran at once; halt before the loop gives the next.
    halted = true;
    const settled = await Promise.race([run.then(() => "settled"), new Promise((wait) => setTimeout(() => wait("pending"), 100))]);
    counter.stop();
    expect(settled).toBe("pending");
    expect(seen.length).toBe(1);
  });
});

describe("the render of a generate", () => {
  const input = join(ROOT, "fixtures", "python", "semantics");
  const options = resolveOptions({ flavour: "python" });

  it("lets the event loop turn between modules, and renders the files the one-go render gives", async () => {
    const sources = await readSources(input, options.exclude);
    const counter = turnCounter();
    const seen: number[] = [];
    const streamed: OutputFile[] = [];
    const paced = await renderSources(input, sources, options, { workers: 0, yieldEvery: 0 }, (file) => {
      seen.push(counter.turns());
      streamed.push(file);
    });
    counter.stop();
    // Every module after the first began after a turn of the loop (the runtime and the index come after the loop).
    expect(seen.length).toBeGreaterThan(10);
    expect(new Set(seen).size).toBe(seen.length);
    const once = await render(input, options, { workers: 0, yieldEvery: 60_000 });
    expect(paced.files).toEqual(once.files);
    expect(paced.diagnostics).toEqual(once.diagnostics);
    expect(streamed.length).toBe(seen.length);
  });
});
