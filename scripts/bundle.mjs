// Bundles the CLI (dist/cli/cli.js, from tsc) and what it imports into dist/bundle/,
// which bin/mdtypes.js runs: Node then loads a few files instead of some 150 small ones
// (about 80 ms less on every run). The bundle is split where the code imports
// dynamically: the code only the long way of a run needs (the recipe: parsing, emitting,
// writing) is a chunk of its own, loaded only when the cache cannot answer, so a warm
// `check` and `--version` never load or evaluate it.
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** micromark's `parse` gets a merge of its constructs that it keeps (scripts/bundle/combine-extensions.mjs). */
const keepMergedConstructs = {
  name: "keep-merged-constructs",
  setup(bundle) {
    const shim = fileURLToPath(new URL("bundle/combine-extensions.mjs", import.meta.url));
    bundle.onResolve({ filter: /^micromark-util-combine-extensions$/ }, (args) => (/[\\/]micromark[\\/]lib[\\/]parse\.js$/.test(args.importer) ? { path: shim } : undefined));
  },
};

/** commander's `child_process` is loaded when first used, not at startup (scripts/bundle/lazy-child-process.cjs). */
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(bundle) {
    const shim = fileURLToPath(new URL("bundle/lazy-child-process.cjs", import.meta.url));
    bundle.onResolve({ filter: /^node:child_process$/ }, (args) => (/[\\/]commander[\\/]lib[\\/]command\.js$/.test(args.importer) ? { path: shim } : undefined));
  },
};

rmSync("dist/bundle", { recursive: true, force: true });
await build({
  entryPoints: { cli: "dist/cli/cli.js" },
  outdir: "dist/bundle",
  bundle: true,
  splitting: true,
  chunkNames: "chunk-[hash]",
  platform: "node",
  format: "esm",
  target: "node20",
  // CommonJS dependencies (handlebars) call `require`, which an ES module lacks.
  banner: { js: 'import { createRequire as __mdtypesCreateRequire } from "node:module";\nconst require = __mdtypesCreateRequire(import.meta.url);' },
  plugins: [keepMergedConstructs, lazyChildProcess],
  logLevel: "warning",
});

// The replay of a warm `check` (src/cli/replay.ts), which bin/mdtypes.js tries first: one CommonJS
// file of its own, with nothing of the CLI's chunks, as Node loads CommonJS faster than ES modules.
await build({
  entryPoints: ["dist/cli/replay.js"],
  outfile: "dist/replay.cjs",
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  logLevel: "warning",
});
