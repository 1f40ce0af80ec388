/**
 * Reads many docs at once: the main thread and worker threads claim batches
 * of docs from one shared counter until none are left. Each result goes to
 * the doc's own slot, and reading a doc is a pure function of the doc and the
 * options, so the output never depends on which thread read what.
 *
 * A worker that fails to start or dies leaves its claimed docs unread; the
 * main thread reads whatever is missing at the end, so a broken worker costs
 * time, never a result.
 */

import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { SourceDoc } from "../dialects/dialect.js";
import { CODE_ROOT } from "./package-root.js";
import { pacer } from "./pace.js";
import { reconcileLoadedPlugins } from "./plugin-settings.js";
import type { Options } from "../ir/options.js";
import { readDoc, type DocResult } from "../stages/read.js";

/** How many worker threads to use: a number (0: none), or `auto`. */
export type WorkerSetting = number | "auto";

/**
 * Text (UTF-16 code units) each worker must have to read before it pays for
 * itself: starting one, loading the parser and warming it up takes some
 * 0.3 s, the time the parser needs for about 1 MB of docs.
 */
const TEXT_PER_WORKER = 1_000_000;

/**
 * Cores each reading thread needs. Parsing allocates a lot, and V8 collects
 * garbage and compiles on helper threads: one thread reading keeps about one
 * and a half cores busy. Measured on 2 cores, a second reading thread made
 * cold runs slower, from 700 to 3,500 docs (the README has the figures).
 */
const CORES_PER_THREAD = 1.5;

/** The most workers `auto` starts. */
const MAX_AUTO_WORKERS = 7;

/** Docs per claim: small enough to balance, large enough that claims and messages cost nothing. */
const BATCH = 8;

/** What a worker is given. */
export interface WorkerInput {
  readonly docs: readonly SourceDoc[];
  readonly options: Options;
  /** Int32 slots: [0] the next batch to claim, [1] how many docs are read. */
  readonly counters: SharedArrayBuffer;
  readonly batch: number;
}

/** What a worker posts: the remark plugins it imported (first, when there are any), the results of one batch, or that it is done. */
export type WorkerMessage =
  | { readonly start: number; readonly results: readonly DocResult[] }
  | { readonly done: true }
  /** The remark plugins the worker imported, as `loadedPluginRecords` gives them. */
  | { readonly plugins: readonly (readonly [string, string])[] };

/** The worker's module (`io/read-worker.js` of the code folder); absent when running from the TypeScript sources (tests), which then read on one thread. */
const WORKER_FILE = (() => {
  const path = join(CODE_ROOT, "io", "read-worker.js");
  return existsSync(path) ? path : undefined;
})();

/** How many workers a run over `docs` uses. */
export function workerCount(setting: WorkerSetting, docs: readonly SourceDoc[], workerFile = WORKER_FILE): number {
  if (!workerFile) return 0;
  // Never more workers than batches to claim: a thread with nothing to read costs its start and its memory.
  if (setting !== "auto") return Math.max(0, Math.min(Math.floor(setting), Math.ceil(docs.length / BATCH)));
  let text = 0;
  for (const doc of docs) text += doc.source.length;
  return autoWorkers(text);
}

/** What `auto` picks for `text` code units of docs on this machine. */
export function autoWorkers(text: number): number {
  // The main thread reads too.
  const threads = Math.floor(availableParallelism() / CORES_PER_THREAD);
  return Math.max(0, Math.min(threads - 1, Math.floor(text / TEXT_PER_WORKER), MAX_AUTO_WORKERS));
}

/** How docs are read: threads, progress, and (for tests) the worker's module. */
export interface ReadSettings {
  readonly workers?: WorkerSetting;
  readonly progress?: (done: number, total: number) => void;
  /** The worker's module (tests give one that fails); by default `read-worker.js`. */
  readonly workerFile?: string;
  /** Milliseconds of reading between turns of the event loop (tests give 0: a turn after every batch); by default 50. */
  readonly yieldEvery?: number;
}

/** Reads `docs` (in any order, on any number of threads); the results are in the order of `docs`. */
export async function readDocs(docs: readonly SourceDoc[], options: Options, settings: ReadSettings = {}): Promise<DocResult[]> {
  const results: (DocResult | undefined)[] = new Array(docs.length).fill(undefined);
  const workerFile = settings.workerFile ?? WORKER_FILE;
  const count = workerCount(settings.workers ?? "auto", docs, workerFile);
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const finished: Promise<void>[] = [];
  if (count > 0 && workerFile) {
    const input: WorkerInput = { docs, options, counters: counters.buffer as SharedArrayBuffer, batch: BATCH };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(workerFile, { workerData: input });
      finished.push(
        new Promise<void>((done) => {
          worker.on("message", (message: WorkerMessage) => {
            if ("done" in message) return done();
            if ("plugins" in message) return reconcileLoadedPlugins(message.plugins);
            message.results.forEach((result, offset) => {
              results[message.start + offset] = result;
            });
          });
          // A worker that fails costs its batches, which are read below.
          worker.on("error", () => done());
          worker.on("exit", () => done());
        }),
      );
    }
  }
  // The main thread claims batches like any worker, and lets the event loop turn now and then (see `pace.ts`).
  const pace = pacer(settings.yieldEvery);
  for (;;) {
    const start = Atomics.add(counters, 0, 1) * BATCH;
    if (start >= docs.length) break;
    const end = Math.min(start + BATCH, docs.length);
    for (let i = start; i < end; i++) results[i] = readDoc(docs[i]!.id, docs[i]!.source, options);
    settings.progress?.(Atomics.add(counters, 1, end - start) + end - start, docs.length);
    await pace();
  }
  await Promise.all(finished);
  if (docs.length > 0) settings.progress?.(docs.length, docs.length);
  return results.map((result, i) => result ?? readDoc(docs[i]!.id, docs[i]!.source, options));
}
