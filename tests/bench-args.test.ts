/**
 * The benches' command lines (`bench/args.mjs`): `--help` lists every option, and a mistake is one
 * line and exit 2 before anything is built or timed. Only the argument parsing runs here.
 */

import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

const bench = (script: string, args: string[]) => spawnSync(process.execPath, [join(ROOT, "bench", script), ...args], { cwd: ROOT, encoding: "utf8", timeout: 30_000 });

describe("bench command lines", () => {
  it.each([
    ["validators.mjs", ["--rounds", "--quick", "--node-flag", "--cell", "--json", "--per-value"]],
    ["codegen.mjs", ["--runs", "--quick", "--keep", "--no-settle", "--only", "--parse-only", "--parse-baseline", "--parse-rounds"]],
  ])("%s --help lists every option and exits 0, wherever -h stands", (script, options) => {
    for (const args of [["--help"], ["--quick", "-h"]]) {
      const run = bench(script, args);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^usage: node bench\//);
      for (const option of options) expect(run.stdout).toContain(`  ${option}`);
    }
  });

  it.each([
    ["validators.mjs", ["--rounds", "1e3"], "--rounds takes a whole number from 1 to 1000"],
    ["validators.mjs", ["--rounds=0x10"], "--rounds takes a whole number from 1 to 1000"],
    ["codegen.mjs", ["--runs", " 5"], "--runs takes a whole number from 1 to 1000"],
    ["codegen.mjs", ["--bogus"], 'unknown argument "--bogus"'],
    ["codegen.mjs", ["--runs", "--quick"], "--runs takes a value, not the option --quick"],
    ["validators.mjs", ["--cell", "--quick"], "--cell takes a value, not the option --quick"],
    ["validators.mjs", ["--per-value"], "--per-value times one cell's values"],
    ["validators.mjs", ["--cell", "Event,invalid,mdtypes", "--per-value"], "--per-value compares two validators"],
  ])("%s %j: one line, exit 2", (script, args, message) => {
    const run = bench(script, args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(message);
  });
});
