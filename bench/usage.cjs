// Preloaded with `node --require` by codegen.mjs: at exit, writes what the process used to the
// file named by BENCH_USAGE_FILE, as three numbers: its peak resident memory (all its threads,
// in KiB), then its user and its system CPU time (all threads, in microseconds).
// CommonJS, as `--import` of an ES module would start Node's ES module loader in every
// process measured (some 10 ms here), which a command run as CommonJS never starts.
"use strict";
const { writeFileSync } = require("node:fs");

process.on("exit", () => {
  if (!process.env.BENCH_USAGE_FILE) return;
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  writeFileSync(process.env.BENCH_USAGE_FILE, `${maxRSS} ${userCPUTime} ${systemCPUTime}`);
});
