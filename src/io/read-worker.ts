/**
 * A worker thread of the pool (see `pool.ts`): claims batches of docs from
 * the shared counter, reads them, and posts each batch's results.
 */

import { parentPort, workerData } from "node:worker_threads";
import type { WorkerInput, WorkerMessage } from "./pool.js";
import { readDoc, type DocResult } from "../stages/read.js";
import { loadRemarkPlugins } from "../stages/remark-plugins.js";
import { loadedPluginRecords } from "./plugin-settings.js";

const { docs, options, counters: buffer, batch } = workerData as WorkerInput;
await loadRemarkPlugins(options.remarkPlugins);
const counters = new Int32Array(buffer);
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
// What this thread imported, before any result: the main thread's cache keys must take the plugins as they ran here too.
if (options.remarkPlugins.length > 0) post({ plugins: loadedPluginRecords() });

for (;;) {
  const start = Atomics.add(counters, 0, 1) * batch;
  if (start >= docs.length) break;
  const end = Math.min(start + batch, docs.length);
  const results: DocResult[] = [];
  for (let i = start; i < end; i++) results.push(readDoc(docs[i]!.id, docs[i]!.source, options));
  Atomics.add(counters, 1, end - start);
  post({ start, results });
}
post({ done: true });
