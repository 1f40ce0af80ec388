/**
 * Type-checks a folder of generated code with `tsc` (TypeScript 7 has no JS
 * API: it is spawned) under the strict settings of tests/tsconfig.generated.json.
 */

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./helpers.js";

const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

/** Runs `tsc --noEmit` over `dir` (which must be ESM, e.g. hold a `{"type":"module"}` package.json); returns its output and status. */
export function typecheck(dir: string, extraOptions: Record<string, unknown> = {}): { status: number | null; output: string } {
  const base = JSON.parse(readFileSync(join(ROOT, "tests", "tsconfig.generated.json"), "utf8")) as { compilerOptions: Record<string, unknown> };
  const configDir = mkdtempSync(join(tmpdir(), "mdtypes-tsc-"));
  try {
    const config = { compilerOptions: { ...base.compilerOptions, ...extraOptions }, include: [`${dir.split("\\").join("/")}/**/*.ts`] };
    writeFileSync(join(configDir, "tsconfig.json"), JSON.stringify(config));
    const result = spawnSync(process.execPath, [TSC, "-p", join(configDir, "tsconfig.json")], { encoding: "utf8" });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
}
