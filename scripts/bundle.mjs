// Bundles the CLI (dist/cli/cli.js, from tsc) and what it imports into one module,
// dist/cli.bundle.js, which bin/mdtypes.js runs: Node then loads one file
// instead of some 150 small ones (about 80 ms less on every run).
import { build } from "esbuild";

await build({
  entryPoints: ["dist/cli/cli.js"],
  outfile: "dist/cli.bundle.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // CommonJS dependencies (handlebars) call `require`, which an ES module lacks.
  banner: { js: 'import { createRequire as __mdtypesCreateRequire } from "node:module";\nconst require = __mdtypesCreateRequire(import.meta.url);' },
  logLevel: "warning",
});
