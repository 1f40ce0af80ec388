/**
 * Shared test helpers: reading one doc through the pipeline, where the
 * shared corpus is, and a `generate --watch` process to drive.
 */

import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { DiagnosticSink, type Diagnostic } from "../src/ir/diagnostics.js";
import type { TypeContext } from "../src/dialects/speakeasy/flavour.js";
import { readDoc } from "../src/recipe.js";
import type { Model } from "../src/ir/ir.js";
import { DEFAULT_OPTIONS, type Options } from "../src/ir/options.js";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The shared corpus (beside the checkout); absent on a user's clone. */
export const SHARED = fileURLToPath(new URL("../../shared/", import.meta.url));
export const SPEAKEASY_CORPUS = `${SHARED}corpus/speakeasy`;
/** Other generators' docs (OpenAPI Generator, APIMatic, liblab, …) in the shared corpus. */
export const DIALECTS_CORPUS = `${SHARED}corpus/dialects`;
/** `MDTYPES_NO_SHARED=1` runs the tests as on a user's clone, where ../shared is absent. */
export const HAS_CORPUS = !process.env.MDTYPES_NO_SHARED && existsSync(SPEAKEASY_CORPUS);

/** Reads one doc text as `id`; returns its model and diagnostics. */
export function readOne(source: string, id = "models/doc.md", options: Partial<Options> = {}): { model: Model | undefined; diagnostics: readonly Diagnostic[] } {
  // Unit tests read Python docs unless they say otherwise (a single doc has no tree to tell its flavour from).
  const result = readDoc(id, source, { ...DEFAULT_OPTIONS, flavour: "python", ...options });
  return { model: result.models[0], diagnostics: result.diagnostics };
}

/** A type context that records what is reported. */
export function typeContext(docId = "models/doc.md"): TypeContext & { sink: DiagnosticSink } {
  const sink = new DiagnosticSink(docId);
  return { docId, sink, report: (ruleId, message) => sink.report(ruleId, { line: 1, column: 1 }, message) };
}

/** `rule@line:column` for each diagnostic: what tests assert on (never the prose). */
export function ruleIds(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.ruleId}@${d.line}:${d.column}`);
}

/** Every file under `dir` (none when it does not exist), by path relative to it, with its text. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = readFileSync(path, "utf8");
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** A `mdtypes generate --watch` process (see {@link startWatch}). */
export interface WatchProcess {
  readonly child: ChildProcess;
  /** Its stderr so far. */
  readonly stderr: () => string;
  /** Waits (up to 10 s, else throws with the stderr) until its stderr after offset `from` matches `pattern`. */
  readonly waitFor: (pattern: RegExp, from: number) => Promise<void>;
  /** Ctrl-C, and its end. */
  readonly stop: () => Promise<void>;
}

/** Starts `mdtypes generate --watch` (the built CLI) in `dir`, with `args` and no colours. */
export function startWatch(dir: string, args: readonly string[] = []): WatchProcess {
  const child = spawn(process.execPath, [join(ROOT, "bin", "mdtypes.js"), "generate", "--watch", ...args], { cwd: dir, env: { ...process.env, MDTYPES_FAULT: "", NO_COLOR: "1" } });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return {
    child,
    stderr: () => stderr,
    async waitFor(pattern, from) {
      for (let i = 0; i < 200; i++) {
        if (pattern.test(stderr.slice(from))) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`timed out waiting for ${pattern}; stderr:\n${stderr}`);
    },
    async stop() {
      child.kill("SIGINT");
      if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.on("exit", r));
    },
  };
}

/** Counts turns of the event loop (an immediate that schedules the next) from now until `stop()`: work that lets the loop turn shows as a count that grows while it runs. */
export function turnCounter(): { readonly turns: () => number; readonly stop: () => void } {
  let turns = 0;
  let stopped = false;
  const tick = () => {
    turns++;
    if (!stopped) setImmediate(tick);
  };
  setImmediate(tick);
  return { turns: () => turns, stop: () => (stopped = true) };
}
