/**
 * The watch loop itself (`src/cli/watch.ts`), with a regeneration that is a
 * timer, not a parse: which runs start, and what a change during one does.
 * The watch is ended by its output's reader going away (`readerGone`), which
 * ends it as a signal does but leaves the test's process running.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { watchTargets } from "../../src/cli/watch.js";
import { DEFAULT_OPTIONS, type Target } from "../../src/ir/options.js";

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A folder of one doc, a target on it, an io whose reader can be made to go, and the watch's stderr. */
function setUp() {
  const dir = mkdtempSync(join(tmpdir(), "mdtypes-watch-"));
  scratch.push(dir);
  mkdirSync(join(dir, "docs"));
  const doc = join(dir, "docs", "widget.md");
  writeFileSync(doc, "# Widget\n");
  const target: Target = { name: "out", input: join(dir, "docs"), output: join(dir, "out"), options: DEFAULT_OPTIONS };
  let gone: (() => void) | undefined;
  let stderr = "";
  const io: CliIo = {
    stdout: () => {},
    stderr: (text) => void (stderr += text),
    cwd: dir,
    color: false,
    progress: false,
    readerGone: (listener) => void (gone = listener),
  };
  return {
    /** Starts the watch, each regeneration being `run`. */
    watch: (run: () => Promise<void>) => watchTargets([target], io, { config: join(dir, "mdtypes.config.json"), reload: async () => [target], run }),
    edit: (text: string) => writeFileSync(doc, `# Widget\n\n${text}\n`),
    end: () => gone?.(),
    stderr: () => stderr,
    async until(test: () => boolean, what: string) {
      for (let i = 0; i < 200; i++) {
        if (test()) return;
        await sleep(25);
      }
      throw new Error(`timed out waiting for ${what}; stderr:\n${stderr}`);
    },
  };
}

describe("watch loop", () => {
  it("changes that come during a regeneration are taken together by the next one: one run waits its turn, never one a change", async () => {
    const w = setUp();
    const runs: number[] = [];
    let started = 0;
    const watching = w.watch(async () => {
      started++;
      // The first regeneration lasts while four changes come, each past the debounce.
      await sleep(started === 1 ? 2500 : 50);
      runs.push(started);
    });
    await w.until(() => /Watching 1 folder/.test(w.stderr()), "the watcher");
    w.edit("one");
    await w.until(() => started === 1, "the first regeneration");
    for (const text of ["two", "three", "four", "five"]) {
      w.edit(text);
      await sleep(400);
    }
    await w.until(() => runs.length === 2, "the second regeneration");
    await sleep(800);
    w.end();
    await watching;
    expect(runs).toEqual([1, 2]);
  });

  it("a run waiting its turn does not start once the watch is ending; the run under way ends as it would", async () => {
    const w = setUp();
    let started = 0;
    let finished = 0;
    const watching = w.watch(async () => {
      started++;
      await sleep(1500);
      finished++;
    });
    await w.until(() => /Watching 1 folder/.test(w.stderr()), "the watcher");
    w.edit("one");
    await w.until(() => started === 1, "the first regeneration");
    // A change that queues a run behind this one (its debounce passes), then the end.
    w.edit("two");
    await sleep(600);
    w.end();
    await watching;
    expect([started, finished]).toEqual([1, 1]);
    // The run that ended as the watch did says nothing of watching on.
    expect(w.stderr()).not.toMatch(/Watching for changes/);
  });
});
