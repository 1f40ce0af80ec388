/**
 * The real-world cases of ../shared/cases (their README says what a case
 * holds and when it passes): each runs the built CLI on a fresh copy of its
 * docs with the JSON and the default reporter, checks the exit code, the rule
 * ids and the places of the diagnostics, type-checks the case's `expect.ts`
 * against the output under the strict settings, and runs the compiled
 * validators on the case's payloads. Skipped, saying why, when ../shared is
 * absent.
 */

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../src/ir/diagnostics.js";
import { HAS_CORPUS, ROOT, SHARED } from "./helpers.js";

const CASES = join(SHARED, "cases");
const BIN = join(ROOT, "bin", "mdtypes.js");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

interface CaseSpec {
  readonly about: string;
  readonly input: string;
  readonly args: readonly string[];
  readonly exit: 0 | 1;
  readonly forbid: readonly string[];
  readonly require: readonly string[];
}

interface Payloads {
  readonly module: string;
  readonly model: string;
  readonly valid: readonly unknown[];
  readonly invalid: readonly { readonly value: unknown; readonly path: string | readonly string[] }[];
}

type Validate = (value: unknown) => { ok: true } | { ok: false; issues: { path: string }[] };

const caseNames = HAS_CORPUS && existsSync(CASES) ? readdirSync(CASES, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(join(CASES, e.name, "case.json"))).map((e) => e.name).sort() : [];

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** Whether `diagnostics` hold rule `spec` (`id` at any severity, or `id=severity`). */
function holds(diagnostics: readonly Diagnostic[], spec: string): boolean {
  const [id, severity] = spec.split("=");
  return diagnostics.some((d) => d.ruleId === id && (severity === undefined || d.severity === severity));
}

/** A stack trace, as Node prints one (`    at fn (file:line:col)`). */
const STACK = /^\s+at .+(?:\d+:\d+\)?|<anonymous>)$/m;

function generate(dir: string, spec: CaseSpec, out: string, reporter: "json" | "human") {
  const args = [BIN, "generate", spec.input, "--out", out, "--no-cache", ...(reporter === "json" ? ["--reporter", "json"] : []), ...spec.args];
  const run = spawnSync(process.execPath, args, { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

if (caseNames.length === 0) {
  describe("cases", () => {
    it.skip(`skipped: ../shared/cases is not beside this checkout (looked in ${CASES})`, () => {});
  });
} else {
  describe("real-world cases (../shared/cases)", () => {
    it.each(caseNames)("%s", async (name) => {
      const spec = JSON.parse(readFileSync(join(CASES, name, "case.json"), "utf8")) as CaseSpec;
      const dir = mkdtempSync(join(tmpdir(), `mdtypes-case-${name}-`));
      scratch.push(dir);
      cpSync(join(CASES, name), dir, { recursive: true });

      // The JSON reporter: exit code, no stack, the rules, the places.
      const json = generate(dir, spec, "out", "json");
      expect(json.stderr, spec.about).not.toMatch(STACK);
      expect(json.stdout).not.toMatch(STACK);
      expect(json.status, `${spec.about}\n${json.stdout}${json.stderr}`).toBe(spec.exit);
      const report = JSON.parse(json.stdout) as { diagnostics: Diagnostic[] };
      const errors = report.diagnostics.filter((d) => d.severity === "error");
      expect(errors.length > 0, JSON.stringify(errors)).toBe(spec.exit === 1);
      expect(existsSync(join(dir, "out")), "nothing is written when the docs have errors").toBe(spec.exit === 0);
      for (const d of report.diagnostics) {
        if (!/\.mdx?$/.test(d.file)) continue;
        expect(Number.isInteger(d.line) && d.line >= 1, `${d.file}:${d.line}:${d.column} ${d.ruleId}`).toBe(true);
        expect(Number.isInteger(d.column) && d.column >= 1, `${d.file}:${d.line}:${d.column} ${d.ruleId}`).toBe(true);
      }
      for (const rule of spec.forbid) expect(holds(report.diagnostics, rule), `forbidden ${rule}: ${JSON.stringify(report.diagnostics.filter((d) => holds([d], rule)))}`).toBe(false);
      for (const rule of spec.require) expect(holds(report.diagnostics, rule), `required ${rule}`).toBe(true);

      // The default reporter: the same exit code, no stack.
      const human = generate(dir, spec, "out-human", "human");
      expect(human.status, human.stderr).toBe(spec.exit);
      expect(human.stderr).not.toMatch(STACK);
      expect(human.stderr).not.toMatch(/internal error/);
      if (spec.exit !== 0) return;

      // expect.ts against the output, strict; the output compiled to JS for the payloads.
      const out = join(dir, "out");
      cpSync(join(dir, "expect.ts"), join(out, "expect.ts"));
      writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
      const base = JSON.parse(readFileSync(join(ROOT, "tests", "tsconfig.generated.json"), "utf8")) as { compilerOptions: Record<string, unknown> };
      const tsconfig = { compilerOptions: { ...base.compilerOptions, noEmit: false, outDir: "js", rootDir: "." }, include: ["**/*.ts"], exclude: ["js"] };
      writeFileSync(join(out, "tsconfig.json"), JSON.stringify(tsconfig));
      const tsc = spawnSync(process.execPath, [TSC, "-p", join(out, "tsconfig.json")], { encoding: "utf8" });
      expect(`${tsc.stdout}${tsc.stderr}`).toBe("");
      expect(tsc.status).toBe(0);

      const payloads = JSON.parse(readFileSync(join(dir, "payloads.json"), "utf8")) as Payloads[];
      for (const p of payloads) {
        const mod = (await import(pathToFileURL(join(out, "js", p.module)).href)) as Record<string, unknown>;
        const is = mod[`is${p.model}`] as (value: unknown) => boolean;
        const validate = mod[`validate${p.model}`] as Validate;
        expect(typeof is, `is${p.model} in ${p.module}`).toBe("function");
        for (const value of p.valid) {
          const copy = JSON.parse(JSON.stringify(value)) as unknown;
          expect(is(copy), `is${p.model}(${JSON.stringify(value)})`).toBe(true);
          expect(validate(copy), `validate${p.model}(${JSON.stringify(value)})`).toEqual({ ok: true, value: copy });
        }
        for (const { value, path } of p.invalid) {
          expect(is(value), `is${p.model}(${JSON.stringify(value)})`).toBe(false);
          const result = validate(value);
          expect(result.ok, `validate${p.model}(${JSON.stringify(value)})`).toBe(false);
          const first = result.ok ? undefined : result.issues[0]?.path;
          const allowed = typeof path === "string" ? [path] : path;
          expect(allowed, `first issue of validate${p.model}(${JSON.stringify(value)}): ${JSON.stringify(result)}`).toContain(first);
        }
      }
    });
  });
}
