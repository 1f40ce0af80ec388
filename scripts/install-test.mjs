// mdtypes as users get it: `npm pack`, then a fresh project installs the tarball as a dev
// dependency and runs `npx mdtypes generate` and `npx mdtypes check` on a copy of real docs (a
// corpus SDK when ../shared is beside the checkout, else the repository's fixtures).
// Fails (exit 1) on any npm warning, any non-zero exit, or a drift check that misses an edit.
//
//   node scripts/install-test.mjs          (run by .ci/run)

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CORPUS_SDK = join(ROOT, "..", "shared", "corpus", "speakeasy", "dubinc__dub-ts", "docs", "models");
const work = mkdtempSync(join(tmpdir(), "mdtypes-install-"));

function run(what, command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", npm_config_audit: "false", npm_config_fund: "false" } });
  return { what, status: result.status, out: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

function expect(result, status) {
  if (result.status !== status) fail(`${result.what}: exit ${result.status}, expected ${status}\n${result.out}`);
  const warnings = result.out.split("\n").filter((line) => /^npm (warn|WARN|error|ERR)/.test(line));
  if (warnings.length > 0) fail(`${result.what}: npm printed\n${warnings.join("\n")}`);
  return result;
}

function fail(message) {
  console.error(`install test: ${message}`);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}

try {
  expect(run("npm pack", "npm", ["pack", "--pack-destination", work], ROOT), 0);
  const tarball = join(work, readdirSync(work).find((name) => name.endsWith(".tgz")) ?? fail("npm pack made no tarball"));

  const project = join(work, "project");
  cpSync(existsSync(CORPUS_SDK) ? CORPUS_SDK : join(ROOT, "fixtures", "typescript"), join(project, "docs", "models"), { recursive: true });
  writeFileSync(join(project, "package.json"), `${JSON.stringify({ name: "scratch", private: true, type: "module" }, null, 2)}\n`);
  expect(run("npm install <tarball>", "npm", ["install", "--save-dev", tarball], project), 0);

  const manifest = JSON.parse(readFileSync(join(project, "node_modules", "mdtypes", "package.json"), "utf8"));
  if (manifest.scripts?.prepare || manifest.scripts?.install || manifest.scripts?.postinstall) fail("the installed package has an install-time script");
  if (!existsSync(join(project, "node_modules", "mdtypes", "dist", "bundle", "cli.js"))) fail("the installed package has no dist/");

  expect(run("npx mdtypes --version", "npx", ["mdtypes", "--version"], project), 0);
  expect(run("npx mdtypes generate", "npx", ["mdtypes", "generate", "docs/models", "--out", "src/generated"], project), 0);
  expect(run("npx mdtypes check", "npx", ["mdtypes", "check", "docs/models", "--out", "src/generated"], project), 0);
  if (!existsSync(join(project, "node_modules", ".cache", "mdtypes"))) fail("the cache is not in node_modules/.cache/mdtypes");

  // An edited doc is drift: check fails (exit 1) and names the file.
  const doc = readdirSync(join(project, "docs", "models"), { recursive: true }).map(String).find((name) => name.endsWith(".md"));
  const path = join(project, "docs", "models", doc);
  writeFileSync(path, readFileSync(path, "utf8").replace(/^(#|title:) .*$/m, "$&\n\nEdited by the install test."));
  const drift = expect(run("npx mdtypes check after an edit", "npx", ["mdtypes", "check", "docs/models", "--out", "src/generated"], project), 1);
  if (!drift.out.includes("changed")) fail(`the drift check did not name the changed file\n${drift.out}`);

  console.log(`install test: ${tarball.split("/").at(-1)} installs into a fresh project with no npm warnings; generate, check and drift work (${existsSync(CORPUS_SDK) ? "dub-ts docs" : "fixtures"}).`);
  rmSync(work, { recursive: true, force: true });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
