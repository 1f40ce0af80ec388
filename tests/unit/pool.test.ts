/**
 * The reading pool with workers that go wrong: one that dies after claiming a
 * batch, one that throws, one that posts a batch with no results, one that
 * cannot even start. Their docs are read by the main thread at the end: the
 * results are those of a run without workers, in the same order.
 */

import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveOptions } from "../../src/ir/options.js";
import { readDocs } from "../../src/io/pool.js";
import { prepare } from "../../src/stages/prepare.js";
import { readSources } from "../../src/io/sources.js";
import { ROOT, turnCounter } from "../helpers.js";

const scratch = mkdtempSync(join(tmpdir(), "mdtypes-pool-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Worker modules that claim batches the way `read-worker.ts` does, then fail. A claim of a
 * batch that holds docs is written down (`MARKER`): the test then knows docs were lost.
 */
const claim = `
import { appendFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
const counters = new Int32Array(workerData.counters);
const claim = () => {
  const start = Atomics.add(counters, 0, 1) * workerData.batch;
  if (start < workerData.docs.length) appendFileSync(MARKER, start + "\\n");
  return start;
};
`;
const broken = {
  "dies after claiming a batch": `${claim}\nclaim();\nprocess.exit(3);\n`,
  "throws after claiming two batches": `${claim}\nclaim();\nclaim();\nthrow new Error("worker broke");\n`,
  "posts a batch without results, then says it is done": `${claim}\nparentPort.postMessage({ start: claim(), results: [] });\nparentPort.postMessage({ done: true });\n`,
  "cannot start (a syntax error)": `${claim}\nthis is not javascript\n`,
};

// The fixtures ten times over (under other ids): enough reading for the workers to start and claim batches.
const fixtures = await readSources(join(ROOT, "fixtures", "python"), []);
const sources = Array.from({ length: 10 }, (_, n) => fixtures.map((doc) => ({ id: `copy${n}/${doc.id}`, source: doc.source }))).flat();
const { options } = prepare(fixtures, resolveOptions());
const expected = await readDocs(sources, options, { workers: 0 });

describe("readDocs with workers that fail", () => {
  it("has enough docs for several batches per thread", () => {
    expect(sources.length).toBeGreaterThan(400);
    expect(expected.every((result, i) => result.id === sources[i]!.id)).toBe(true);
  });

  it.each(Object.entries(broken))("a worker that %s costs time, not a result", async (name, code) => {
    const base = join(scratch, name.replace(/\W+/g, "-"));
    writeFileSync(`${base}.mjs`, `const MARKER = ${JSON.stringify(`${base}.claims`)};\n${code}`);
    const progress: number[] = [];
    const results = await readDocs(sources, options, { workers: 2, workerFile: `${base}.mjs`, progress: (done) => progress.push(done) });
    expect(results).toEqual(expected);
    expect(progress.at(-1)).toBe(sources.length);
    // The failing workers did take docs away from the main thread (the one that cannot start took none).
    expect(existsSync(`${base}.claims`)).toBe(!name.startsWith("cannot start"));
  });
});

describe("readDocs and the event loop", () => {
  it("lets the event loop turn while the main thread reads (a signal is taken then, not after every doc is read)", async () => {
    const counter = turnCounter();
    // Turns counted at each batch's end: with a turn after every batch, they grow while reading goes on.
    const seen: number[] = [];
    const results = await readDocs(sources, options, { workers: 0, yieldEvery: 0, progress: () => seen.push(counter.turns()) });
    counter.stop();
    expect(results).toEqual(expected);
    const whileReading = seen.slice(0, -1);
    expect(whileReading.length).toBeGreaterThan(10);
    // Every batch after the first began after a turn of the loop.
    expect(new Set(whileReading).size).toBeGreaterThan(whileReading.length / 2);
    expect(whileReading.at(-1)).toBeGreaterThan(10);
  });

  it("by default reads for a while between turns, and gives the same results", async () => {
    const counter = turnCounter();
    const seen: number[] = [];
    const results = await readDocs(sources, options, { workers: 0, progress: () => seen.push(counter.turns()) });
    counter.stop();
    expect(results).toEqual(expected);
    // Fewer turns than batches: a turn every 50 ms of reading, not after every batch (a batch of these docs takes a few ms).
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.at(-2) ?? 0).toBeLessThan(seen.length - 1);
  });
});
