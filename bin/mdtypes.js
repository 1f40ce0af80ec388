#!/usr/bin/env node
// The `mdtypes` command. The code lives in dist/, built by `npm install` (the `prepare` script):
// the CLI bundled into a few modules (dist/bundle/), which load faster than the modules it is made of.
const { main } = await import("../dist/bundle/cli.js");

process.exitCode = await main(process.argv.slice(2));
