/**
 * `mdtypes generate --watch`: regenerates a target whenever one of its docs
 * changes, and every target when the config changes. Changes are debounced,
 * runs never overlap (changes during one are taken together by the next),
 * and an error in one run, or a folder that cannot be watched, is reported
 * while watching goes on. A remark plugin's module that changes is reported, not loaded
 * again (an ES module is loaded once per process, here when a doc is first
 * parsed: after a start from the cache, perhaps only after the change).
 */

import { watch } from "chokidar";
import { basename, dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { specifierOf } from "../io/plugin-settings.js";
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

/**
 * Watches until nobody reads what it prints (a write failed with EPIPE), and
 * returns then; a signal ends the process, as it ends a generate (see
 * `endBySignal` in `io/write.ts`).
 */
export async function watchTargets(initial: readonly Target[], io: CliIo, hooks: WatchHooks): Promise<void> {
  let targets = [...initial];
  const config = resolve(hooks.config);
  const inputsOf = (list: readonly Target[]) => list.map((t) => resolve(t.input));
  // A target's templates are its inputs too: a changed template regenerates it.
  const templatesOf = (t: Target) => (t.options.templates === undefined ? undefined : resolve(t.options.templates));
  // A remark plugin's module, once imported, stays as it was for the process's life (ES modules
  // cannot be loaded again): a change to one is told, not silently ignored.
  const pluginsOf = (list: readonly Target[]) => list.flatMap((t) => t.options.remarkPlugins.map(specifierOf).filter((path) => isAbsolute(path)));
  const watchedOf = (list: readonly Target[]) => [...new Set([...inputsOf(list), ...list.flatMap((t) => templatesOf(t) ?? []), ...pluginsOf(list)])];
  const watcher = watch(watchedOf(targets), {
    ignoreInitial: true,
    // Editors save in bursts (temp file, rename): wait for the write to settle.
    awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 20 },
  });

  const pending = new Set<Target>();
  let configChanged = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  /** Whether the watch is ending (its reader gone): no run starts, and one that still ends says nothing of watching on. */
  let stopping = false;

  /** Whether a run waits its turn: it takes what is pending when it starts, so changes that come meanwhile join it (never a backlog of runs). */
  let queued = false;

  const flush = () => {
    timer = undefined;
    if (queued) return;
    queued = true;
    running = running.then(async () => {
      queued = false;
      // The watch ended between two runs: the one waiting does not start.
      if (stopping) return;
      const batch = [...pending];
      const reload = configChanged;
      pending.clear();
      configChanged = false;
      if (batch.length === 0 && !reload) return;
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
      }
      // A signal that came during the commit (which never pauses) is taken when the event loop next polls:
      // after two turns it has, and a run that is ending says nothing of watching on.
      await new Promise<void>((turn) => setImmediate(() => setImmediate(turn)));
      if (!stopping) io.stderr("Watching for changes (Ctrl-C to stop)\n");
    });
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  };

  watcher.on("all", (_event, path) => {
    const absolute = resolve(path);
    if (pluginsOf(targets).includes(absolute)) {
      io.stderr(`Remark plugin ${terminalSafe(relative(process.cwd(), absolute) || absolute)} changed: a watch loads each plugin once, when it first parses a doc, and may go on with that version; stop it (Ctrl-C) and start it again to be sure the new one is used.\n`);
      return;
    }
    // The config is seen by the watch of its folder (below).
    if (DOC_FILE.test(absolute)) {
      for (const target of targets) {
        const input = resolve(target.input);
        if (absolute.startsWith(input + sep)) pending.add(target);
      }
    }
    if (absolute.endsWith(".hbs")) for (const target of targets) if (templatesOf(target) === dirname(absolute)) pending.add(target);
    if (pending.size === 0 && !configChanged) return;
    schedule();
  });

  // An input folder moved away and back (or deleted and restored) is watched again: its parent is
  // watched too, one level deep, for the folder to reappear. So is the config's folder: a config
  // deleted and made again (a branch switched, a stash popped) is seen, which a watch of the file
  // alone loses with the file.
  const parents = watch([...new Set([...inputsOf(targets).map((input) => dirname(input)), dirname(config)])], {
    ignoreInitial: true,
    depth: 0,
    awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 20 },
  });
  parents.on("all", (event, path) => {
    const absolute = resolve(path);
    if (absolute === config) {
      configChanged = true;
      schedule();
      return;
    }
    if (event !== "addDir") return;
    const back = targets.filter((t) => resolve(t.input) === absolute);
    if (back.length === 0) return;
    watcher.add(absolute);
    for (const target of back) pending.add(target);
    schedule();
  });

  // A folder or file that cannot be watched (no permission, the system's limit on watches reached) is told, in one line, and watching goes on.
  const onError = (error: unknown) => {
    const { code, path, message } = error as NodeJS.ErrnoException;
    const limit = code === "ENOSPC" || code === "EMFILE" ? " (the system's limit on watched files is reached: on Linux, raise fs.inotify.max_user_watches)" : "";
    const what = code !== undefined && path !== undefined ? `Cannot watch ${relative(io.cwd, path) || path}: ${code}` : String(message ?? error);
    io.stderr(`mdtypes: ${terminalSafe(what)}${limit}; watching goes on without it: a change there, or to its permissions, is not seen until the watch is started again\n`);
  };
  watcher.on("error", onError);
  parents.on("error", onError);

  await Promise.all([new Promise<void>((ready) => watcher.on("ready", () => ready())), new Promise<void>((ready) => parents.on("ready", () => ready()))]);
  io.stderr(`Watching ${targets.length === 1 ? "1 folder" : `${targets.length} folders`} for changes (Ctrl-C to stop)\n`);

  // A signal (Ctrl-C, SIGTERM, SIGHUP) ends a watch as it ends a generate: no listener of the watch's
  // own is in the way. While a run stages files, write.ts listens, removes the staging folder and
  // ends the process by the signal (a commit under way ends first, whole, and the event loop's next
  // poll, before "Watching for changes" could print, ends it); otherwise the signal's default action
  // ends the process at once, even in the middle of work that never pauses (loading a large cache).
  // What is left to the watch: nobody reads what it prints any more (found at its next write). The
  // run under way then ends as it would (whole or not at all), and no other starts.
  await new Promise<void>((stop) => {
    io.readerGone?.(() => {
      stopping = true;
      stop();
    });
  });
  if (timer) clearTimeout(timer);
  await running;
  await Promise.all([watcher.close(), parents.close()]);
}
