/**
 * `mdtypes generate --watch`: regenerates a target whenever one of its docs
 * changes, and every target when the config changes. Changes are debounced,
 * runs never overlap, and an error in one run is reported while watching
 * goes on. A remark plugin's module that changes is reported, not loaded
 * again (an ES module is loaded once per process, here when a doc is first
 * parsed: after a start from the cache, perhaps only after the change).
 */

import { watch } from "chokidar";
import { basename, dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { specifierOf } from "../io/plugin-settings.js";
import { endBySignal } from "../io/write.js";
import type { CliIo } from "./io.js";
import { ExpectedError } from "../ir/errors.js";
import { terminalSafe } from "./report.js";
import { DOC_FILE } from "../ir/ir.js";
import type { Target } from "../ir/options.js";

const DEBOUNCE_MS = 150;

export interface WatchHooks {
  /** The config file to watch (it may not exist yet). */
  readonly config: string;
  /** Re-reads the targets (after the config changed). */
  readonly reload: () => Promise<Target[]>;
  /** Regenerates the given targets. */
  readonly run: (targets: Target[]) => Promise<void>;
}

/** Watches until the process is asked to stop; returns the signal that stopped it. */
export async function watchTargets(initial: readonly Target[], io: CliIo, hooks: WatchHooks): Promise<"SIGINT" | "SIGTERM"> {
  let targets = [...initial];
  const config = resolve(hooks.config);
  const inputsOf = (list: readonly Target[]) => list.map((t) => resolve(t.input));
  // A target's templates are its inputs too: a changed template regenerates it.
  const templatesOf = (t: Target) => (t.options.templates === undefined ? undefined : resolve(t.options.templates));
  // A remark plugin's module, once imported, stays as it was for the process's life (ES modules
  // cannot be loaded again): a change to one is told, not silently ignored.
  const pluginsOf = (list: readonly Target[]) => list.flatMap((t) => t.options.remarkPlugins.map(specifierOf).filter((path) => isAbsolute(path)));
  const watchedOf = (list: readonly Target[]) => [...new Set([...inputsOf(list), ...list.flatMap((t) => templatesOf(t) ?? []), ...pluginsOf(list)])];
  const watcher = watch([...watchedOf(targets), config], {
    ignoreInitial: true,
    // Editors save in bursts (temp file, rename): wait for the write to settle.
    awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 20 },
  });

  const pending = new Set<Target>();
  let configChanged = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  /** Whether a regeneration is under way: a signal then ends it where it stands, as it ends a generate. */
  let busy = false;
  /** Whether a signal has come: a regeneration that still ends (a commit never pauses) says nothing of watching on. */
  let stopping = false;

  const flush = () => {
    timer = undefined;
    const batch = [...pending];
    const reload = configChanged;
    pending.clear();
    configChanged = false;
    running = running.then(async () => {
      busy = true;
      try {
        if (reload) {
          const next = await hooks.reload();
          const before = new Set(watchedOf(targets));
          const after = watchedOf(next);
          watcher.unwatch([...before].filter((p) => !after.includes(p)));
          watcher.add(after.filter((p) => !before.has(p)));
          targets = next;
          io.stderr(`${basename(config)} changed: regenerating every target.\n`);
          await hooks.run(targets);
        } else {
          await hooks.run(batch);
        }
      } catch (error) {
        io.stderr(`mdtypes: ${(error instanceof ExpectedError ? error.message : ((error as Error).stack ?? String(error))).split("\n").map(terminalSafe).join("\n")}\n`);
      } finally {
        busy = false;
      }
      // A signal that came during the commit (which never pauses) is taken when the event loop next polls:
      // after two turns it has, and a run that is ending says nothing of watching on.
      await new Promise<void>((turn) => setImmediate(() => setImmediate(turn)));
      if (!stopping) io.stderr("Watching for changes (Ctrl-C to stop)\n");
    });
  };

  watcher.on("all", (_event, path) => {
    const absolute = resolve(path);
    if (pluginsOf(targets).includes(absolute)) {
      io.stderr(`Remark plugin ${terminalSafe(relative(process.cwd(), absolute) || absolute)} changed: a watch loads each plugin once, when it first parses a doc, and may go on with that version; stop it (Ctrl-C) and start it again to be sure the new one is used.\n`);
      return;
    }
    if (absolute === config) configChanged = true;
    else if (DOC_FILE.test(absolute)) {
      for (const target of targets) {
        const input = resolve(target.input);
        if (absolute.startsWith(input + sep)) pending.add(target);
      }
    }
    if (absolute.endsWith(".hbs")) for (const target of targets) if (templatesOf(target) === dirname(absolute)) pending.add(target);
    if (pending.size === 0 && !configChanged) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  });

  // An input folder moved away and back (or deleted and restored) is watched again: its parent is
  // watched too, one level deep, for the folder to reappear.
  const parents = watch([...new Set(inputsOf(targets).map((input) => dirname(input)))], { ignoreInitial: true, depth: 0 });
  parents.on("addDir", (path) => {
    const absolute = resolve(path);
    const back = targets.filter((t) => resolve(t.input) === absolute);
    if (back.length === 0) return;
    watcher.add(absolute);
    for (const target of back) pending.add(target);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  });

  await Promise.all([new Promise<void>((ready) => watcher.on("ready", () => ready())), new Promise<void>((ready) => parents.on("ready", () => ready()))]);
  io.stderr(`Watching ${targets.length === 1 ? "1 folder" : `${targets.length} folders`} for changes (Ctrl-C to stop)\n`);

  const signal = await new Promise<"SIGINT" | "SIGTERM">((stop) => {
    const onInt = () => end("SIGINT");
    const onTerm = () => end("SIGTERM");
    const end = (signal: "SIGINT" | "SIGTERM") => {
      stopping = true;
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      // A regeneration under way: its staging folder removed, nothing committed after this, the process ended by the signal.
      if (busy) endBySignal(signal);
      stop(signal);
    };
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
  });
  if (timer) clearTimeout(timer);
  await running;
  await Promise.all([watcher.close(), parents.close()]);
  return signal;
}
