#!/usr/bin/env node
// The `mdtypes` command. The code lives in dist/, built by `npm install` (the `prepare` script).
// CommonJS (bin/package.json says so), which Node starts faster than an ES module: a warm `check`
// whose every input is as at the last one is replayed by a small module of its own
// (src/cli/replay.ts, bundled as dist/replay.cjs) before the rest of the CLI is loaded; anything
// else runs the CLI, bundled into a few ES modules (dist/bundle/).
"use strict";

const argv = process.argv.slice(2);
// The install answering: a record made by another build or version of mdtypes is never replayed.
const replayed = require("../dist/replay.cjs").replay(argv, require("node:path").join(__dirname, ".."));
if (replayed !== undefined) process.exitCode = replayed;
else {
  import("../dist/bundle/cli.js")
    .then(({ main }) => main(argv))
    .then((code) => {
      process.exitCode = code;
    });
}
