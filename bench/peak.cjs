// Preloaded with `node --import` by codegen.mjs: at exit, writes the process's peak
// resident memory (all its threads, in KiB) to the file named by BENCH_PEAK_FILE.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  if (process.env.BENCH_PEAK_FILE) writeFileSync(process.env.BENCH_PEAK_FILE, String(process.resourceUsage().maxRSS));
});
