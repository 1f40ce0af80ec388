#!/usr/bin/env node
// The `mdtypes` command. The code lives in dist/, built by `npm install` (the `prepare` script).
import { main } from "../dist/cli.js";

process.exitCode = await main(process.argv.slice(2));
