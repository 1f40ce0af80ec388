// Preloaded with `node --require` by codegen.mjs: at exit, writes the process's peak
// resident memory (all its threads, in KiB) to the file named by BENCH_PEAK_FILE.
// CommonJS, as `--import` of an ES module would start Node's ES module loader in every
// process measured (some 10 ms here), which a command run as CommonJS never starts.
"use strict";
const { writeFileSync } = require("node:fs");

process.on("exit", () => {
  if (process.env.BENCH_PEAK_FILE) writeFileSync(process.env.BENCH_PEAK_FILE, String(process.resourceUsage().maxRSS));
});
