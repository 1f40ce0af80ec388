/**
 * User templates (`templates` in the config, `--templates`), through the
 * built binary on a scratch project: an override shows in the output, which
 * passes the strict type-check; `check` reports drift when the user's
 * template changes (cache or not); bad template folders are one line and
 * exit 2, with nothing written.
 */

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, startWatch } from "./helpers.js";
import { typecheck } from "./typecheck.js";

const BIN = join(ROOT, "bin", "mdtypes.js");
const DOCS = join(ROOT, "fixtures", "typescript");

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** An override of the `declaration` partial: the built-in layout, with a line of its own above each model. */
const DECLARATION = readFileSync(join(ROOT, "templates", "ts", "declaration.hbs"), "utf8");
const OVERRIDE = `/** House style: {{names.type}} (view model {{viewModel}}). */\n${DECLARATION}`;

/** A scratch project: the petstore docs, `templates/declaration.hbs`, and a config using both. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "mdtypes-templates-"));
  scratch.push(dir);
  cpSync(DOCS, join(dir, "docs"), { recursive: true });
  mkdirSync(join(dir, "templates"));
  writeFileSync(join(dir, "templates", "declaration.hbs"), OVERRIDE);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(join(dir, "mdtypes.config.json"), JSON.stringify({ input: "docs", output: "out", templates: "templates" }));
  return dir;
}

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, MDTYPES_FAULT: "", NO_COLOR: "1" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("built-in templates, precompiled by the build", () => {
  it("every built-in template and partial is in dist/templates.precompiled.cjs, made from its current text", () => {
    // \`npm test\` builds first; the CLI (and so every golden check) renders with these.
    const precompiled = createRequire(import.meta.url)(join(ROOT, "dist", "templates.precompiled.cjs")) as Record<string, Record<string, { source: string; spec: unknown }>>;
    for (const target of ["ts", "zod"]) {
      const files = readdirSync(join(ROOT, "templates", target)).filter((f) => f.endsWith(".hbs"));
      expect(Object.keys(precompiled[target]!).sort(), target).toEqual(files.map((f) => f.slice(0, -".hbs".length)).sort());
      for (const file of files) expect(precompiled[target]![file.slice(0, -".hbs".length)]!.source, `${target}/${file}`).toBe(readFileSync(join(ROOT, "templates", target, file), "utf8"));
    }
  });

  it("a built-in template edited since the build is compiled from its text: its change shows, and a syntax error is one line, exit 2", () => {
    // A copy of the package (code, templates, manifest; the dependencies linked), its templates edited.
    const pkg = mkdtempSync(join(tmpdir(), "mdtypes-package-"));
    scratch.push(pkg);
    for (const entry of ["bin", "dist", "templates", "package.json"]) cpSync(join(ROOT, entry), join(pkg, entry), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(pkg, "node_modules"), "dir");
    const api = join(pkg, "templates", "ts", "api.hbs");
    const original = readFileSync(api, "utf8");
    const dir = project();
    const bin = join(pkg, "bin", "mdtypes.js");
    writeFileSync(api, `${original}// edited after the build\n`);
    let result = spawnSync(process.execPath, [bin, "generate", "docs", "--out", "edited", "--no-cache"], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(result.status, result.stderr).toBe(0);
    const written = readdirSync(join(dir, "edited"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") && !f.endsWith("index.ts") && !f.endsWith("_runtime.ts"));
    expect(written.length).toBeGreaterThan(3);
    for (const file of written) expect(readFileSync(join(dir, "edited", file), "utf8"), file).toContain("// edited after the build");
    writeFileSync(api, `${original}{{#if}}\n`);
    result = spawnSync(process.execPath, [bin, "generate", "docs", "--out", "broken", "--no-cache"], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^mdtypes: Template built-in template "ts\/api\.hbs" does not compile: /);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(join(dir, "broken"))).toBe(false);
  });
});

describe("the cache and the tool's own files", () => {
  it("a change to the code in dist/ invalidates every entry; a type declaration or source map does not (no code that runs)", () => {
    const pkg = mkdtempSync(join(tmpdir(), "mdtypes-package-"));
    scratch.push(pkg);
    for (const entry of ["bin", "dist", "templates", "package.json"]) cpSync(join(ROOT, entry), join(pkg, entry), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(pkg, "node_modules"), "dir");
    // A run that starts within a clock tick or so of a change to the tool takes the change for one made while it ran and
    // saves nothing (`toolSteady`): the copy must be older than that when the first run starts.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    const dir = project();
    const bin = join(pkg, "bin", "mdtypes.js");
    const check = () => spawnSync(process.execPath, [bin, "check", "docs", "--out", "out", "--cache-dir", "cache"], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(spawnSync(process.execPath, [bin, "generate", "docs", "--out", "out", "--cache-dir", "cache"], { cwd: dir, encoding: "utf8" }).status).toBe(0);
    expect(check().stderr).toContain("all from the cache");
    const declaration = readdirSync(join(pkg, "dist"), { recursive: true, encoding: "utf8" }).find((f) => f.endsWith(".d.ts"))!;
    const map = readdirSync(join(pkg, "dist"), { recursive: true, encoding: "utf8" }).find((f) => f.endsWith(".map"))!;
    writeFileSync(join(pkg, "dist", declaration), `${readFileSync(join(pkg, "dist", declaration), "utf8")}\n// edited\n`);
    writeFileSync(join(pkg, "dist", map), `${readFileSync(join(pkg, "dist", map), "utf8")} `);
    expect(check().stderr).toContain("all from the cache");
    const code = join(pkg, "dist", "index.js");
    writeFileSync(code, `${readFileSync(code, "utf8")}\n// edited\n`);
    const after = check();
    expect(after.status, after.stderr).toBe(0);
    expect(after.stderr).not.toContain("all from the cache");
    expect(after.stderr).toMatch(/\d+ docs parsed/);
  }, 60_000);
});

describe("user templates", () => {
  it("override a built-in partial by name; the output shows it and passes the strict type-check", () => {
    const dir = project();
    const generated = run(dir, "generate");
    expect(generated.stderr).toContain("written");
    expect(generated.status).toBe(0);
    const pet = readFileSync(join(dir, "out", "petstore", "models", "components", "pet.ts"), "utf8");
    expect(pet).toContain("/** House style: Pet (view model 1). */\n");
    expect(pet).toContain("export interface Pet {");
    const checked = typecheck(join(dir, "out"));
    expect(checked.output).toBe("");
    expect(checked.status).toBe(0);
  }, 60_000);

  it("`check` reports drift when the user's template changes, with the cache and without", () => {
    const dir = project();
    expect(run(dir, "generate").status).toBe(0);
    expect(run(dir, "check").status).toBe(0);
    writeFileSync(join(dir, "templates", "declaration.hbs"), OVERRIDE.replace("House style", "Team style"));
    for (const flags of [[], ["--no-cache"]]) {
      const checked = run(dir, "check", ...flags);
      expect(checked.status).toBe(1);
      expect(checked.stdout).toContain("+/** Team style: Pet (view model 1). */");
      expect(checked.stdout).toContain("-/** House style: Pet (view model 1). */");
    }
    expect(run(dir, "generate").status).toBe(0);
    expect(run(dir, "check").status).toBe(0);
    // A template added to the folder counts too.
    writeFileSync(join(dir, "templates", "api.hbs"), `// api\n${readFileSync(join(ROOT, "templates", "ts", "api.hbs"), "utf8")}`);
    expect(run(dir, "check").status).toBe(1);
  }, 60_000);

  it("`generate --watch` regenerates when a template changes", async () => {
    const dir = project();
    const watch = startWatch(dir);
    const { waitFor } = watch;
    try {
      await waitFor(/Watching/, 0);
      const mark = watch.stderr().length;
      writeFileSync(join(dir, "templates", "declaration.hbs"), OVERRIDE.replace("House style", "Watched style"));
      await waitFor(/Watching for changes/, mark);
      expect(watch.stderr().slice(mark)).toMatch(/files? written/);
      expect(readFileSync(join(dir, "out", "petstore", "models", "components", "pet.ts"), "utf8")).toContain("/** Watched style: Pet");
    } finally {
      await watch.stop();
    }
  }, 60_000);

  it("`--templates` on the command line wins over the config, relative to the working directory", () => {
    const dir = project();
    mkdirSync(join(dir, "other"));
    writeFileSync(join(dir, "other", "declaration.hbs"), OVERRIDE.replace("House style", "Flag style"));
    expect(run(dir, "generate", "--templates", "other").status).toBe(0);
    expect(readFileSync(join(dir, "out", "petstore", "models", "components", "pet.ts"), "utf8")).toContain("/** Flag style: Pet");
  }, 60_000);

  it.each([
    ["a name no built-in template has", "delcaration.hbs", OVERRIDE, /Template "delcaration\.hbs" in templates overrides nothing: the ts target's templates and partials are api\.hbs, declaration\.hbs/],
    ["a template that does not compile", "declaration.hbs", "{{#if object}}", /Template "declaration\.hbs" in templates does not compile: Parse error/],
    ["a helper handlebars does not have", "declaration.hbs", "{{upper names.type}}", /Template "declaration\.hbs" in templates does not compile: .*upper/],
    ["a template that drops the marker line", "model.ts.hbs", "// mine\n{{header}}\n", /render ts\/model\.ts\.hbs without \{\{header\}\} as its first line/],
    ["a field the view model lacks", "declaration.hbs", "{{names.typo}}", /Templates in templates \(declaration\.hbs\) failed rendering ts\/model\.ts\.hbs with view model 1: "typo" not defined/],
  ])("%s: one line, exit 2, nothing written", (_, file, text, message) => {
    const dir = project();
    rmSync(join(dir, "templates", "declaration.hbs"));
    writeFileSync(join(dir, "templates", file), text);
    const result = run(dir, "generate");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(join(dir, "out"))).toBe(false);
  }, 60_000);

  it.each([
    ["a missing folder", ["--templates", "nowhere"], /^mdtypes: Templates folder "nowhere" does not exist\n$/],
    ["a file", ["--templates", "mdtypes.config.json"], /^mdtypes: Templates folder "mdtypes\.config\.json" is a file, not a folder\n$/],
    ["the json-schema target", ["--target", "json-schema"], /^mdtypes: Templates in templates have nothing to override: the json-schema target writes its documents from data/],
    ["the json-schema target with --templates", ["--target", "json-schema", "--templates", "templates"], /^mdtypes: Templates in templates have nothing to override: the json-schema target writes its documents from data/],
  ])("%s: one line, exit 2", (_, args, message) => {
    const dir = project();
    const result = run(dir, "generate", ...args);
    expect(result.stderr).toMatch(message);
    expect(result.status).toBe(2);
    expect(existsSync(join(dir, "out"))).toBe(false);
  }, 60_000);

  it("a templates folder shared at the top of a config with targets is the templated targets' alone: a json-schema target leaves it be", () => {
    const dir = project();
    writeFileSync(join(dir, "mdtypes.config.json"), JSON.stringify({ templates: "templates", targets: [{ input: "docs", output: "ts" }, { input: "docs", output: "schemas", target: "json-schema" }] }));
    const result = run(dir, "generate");
    expect(result.stderr).not.toMatch(/mdtypes:/);
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, "ts", "petstore", "models", "components", "pet.ts"), "utf8")).toContain("/** House style: Pet");
    expect(existsSync(join(dir, "schemas", "petstore", "models", "components", "pet.schema.json"))).toBe(true);
  }, 60_000);

  it("the log helper is not one (it would write into the JSON report), and a template file without its .hbs ending is named", () => {
    const dir = project();
    writeFileSync(join(dir, "templates", "declaration.hbs"), `{{log "hi"}}\n${DECLARATION}`);
    const logged = run(dir, "generate", "--reporter", "json");
    const report = JSON.parse(logged.stdout) as { targets: { error?: string }[] };
    expect(report.targets[0]?.error).toMatch(/does not compile: .*unknown helper log/);
    expect(logged.status).toBe(2);
    writeFileSync(join(dir, "templates", "declaration.hbs"), OVERRIDE);
    writeFileSync(join(dir, "templates", "api"), "x");
    const misnamed = run(dir, "generate");
    expect(misnamed.stderr).toMatch(/^mdtypes: File "api" in templates is named like the ts target's template "api\.hbs" but lacks the \.hbs ending/);
    expect(misnamed.status).toBe(2);
    writeFileSync(join(dir, "templates", "README.md"), "notes");
    rmSync(join(dir, "templates", "api"));
    expect(run(dir, "generate").status).toBe(0);
  }, 60_000);

  it("without a templates folder the output is the built-in templates' (the goldens)", () => {
    const dir = project();
    writeFileSync(join(dir, "mdtypes.config.json"), JSON.stringify({ input: "docs", output: "out" }));
    expect(run(dir, "generate").status).toBe(0);
    expect(readFileSync(join(dir, "out", "petstore", "models", "components", "pet.ts"), "utf8")).toBe(readFileSync(join(ROOT, "generated", "typescript", "petstore", "models", "components", "pet.ts"), "utf8"));
  }, 60_000);
});
