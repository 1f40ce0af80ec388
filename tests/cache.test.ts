/**
 * The cache and the worker threads (issue #6), through the built binary on a
 * scratch project (the Discord Python docs of the shared corpus; the repo's
 * own fixtures when ../shared is absent): the output never depends on them,
 * only changed docs are parsed again, and a damaged cache is never trusted.
 */

import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Cache, sha256 } from "../src/io/cache.js";
import { resolveOptions } from "../src/ir/options.js";
import { check } from "../src/run.js";
import { HAS_CORPUS, ROOT, snapshot, SPEAKEASY_CORPUS } from "./helpers.js";

const BIN = join(ROOT, "bin", "mdtypes.js");
const SOURCE = HAS_CORPUS ? join(SPEAKEASY_CORPUS, "ryan-blunden__discord-python-sdk", "docs", "models") : join(ROOT, "fixtures", "python", "discord", "models");
const DOC = "auditlogentryresponse.md";

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) {
    // A test makes the cache read-only; give it back before removing it.
    spawnSync("chmod", ["-R", "u+w", dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A scratch project: `docs/models/` (a copy of the docs) and a config pointing it at `out/`. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "mdtypes-cache-"));
  scratch.push(dir);
  cpSync(SOURCE, join(dir, "docs", "models"), { recursive: true });
  writeFileSync(join(dir, "mdtypes.config.json"), JSON.stringify({ input: "docs/models", output: "out" }));
  return dir;
}

interface Run {
  status: number | null;
  stderr: string;
  /** The target's counts, from the JSON report. */
  stats: { docs: number; parsed: number; files: number; models: number };
  report: { ok: boolean; targets: { drift?: { changed: { path: string }[] }; written?: { written: string[] } }[] };
}

function run(cwd: string, ...args: string[]): Run {
  const result = spawnSync(process.execPath, [BIN, ...args, "--reporter", "json"], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(result.stdout) as Run["report"] & { targets: { stats: Run["stats"] }[] };
  return { status: result.status, stderr: result.stderr, stats: report.targets[0]!.stats, report };
}

function cacheFiles(dir: string): string[] {
  return readdirSync(join(dir, ".mdtypes-cache")).filter((name) => name.endsWith(".json"));
}

function editDoc(dir: string): void {
  const path = join(dir, "docs", "models", DOC);
  writeFileSync(path, readFileSync(path, "utf8").replace(/^# (\w+)/m, "# $1\n\nA description added by the test."));
}

describe("the cache", () => {
  it("answers a second run without parsing, and re-parses only the doc that changed", () => {
    const dir = project();
    const cold = run(dir, "generate");
    expect(cold.status).toBe(0);
    expect(cold.stats.parsed).toBe(cold.stats.docs);
    const output = snapshot(join(dir, "out"));

    const warm = run(dir, "check");
    expect(warm.status).toBe(0);
    expect(warm.stats.parsed).toBe(0);
    expect(run(dir, "generate").stats.parsed).toBe(0);

    editDoc(dir);
    const drift = run(dir, "check");
    expect(drift.status).toBe(1);
    expect(drift.stats.parsed).toBe(1);
    expect(drift.report.targets[0]!.drift!.changed.map((c) => c.path)).toEqual([DOC.replace(/\.md$/, ".ts")]);

    const regenerated = run(dir, "generate");
    expect(regenerated.stats.parsed).toBe(0); // the check before already read the changed doc into the cache
    expect(regenerated.report.targets[0]!.written!.written).toEqual([DOC.replace(/\.md$/, ".ts")]);
    expect(snapshot(join(dir, "out"))).not.toEqual(output);
  });

  it("gives the same bytes as a run without it, cold and warm", () => {
    const dir = project();
    expect(run(dir, "generate", "--out", "plain", "--no-cache").status).toBe(0);
    expect(existsSync(join(dir, ".mdtypes-cache"))).toBe(false); // --no-cache neither reads nor writes it
    expect(run(dir, "generate", "--out", "cold").stats.parsed).toBeGreaterThan(0);
    expect(run(dir, "generate", "--out", "warm").stats.parsed).toBe(0);
    const plain = snapshot(join(dir, "plain"));
    expect(Object.keys(plain).length).toBeGreaterThan(3);
    expect(snapshot(join(dir, "cold"))).toEqual(plain);
    expect(snapshot(join(dir, "warm"))).toEqual(plain);
  });

  it("lives in a folder git ignores by itself, and --cache-dir moves it", () => {
    const dir = project();
    run(dir, "generate");
    expect(readFileSync(join(dir, ".mdtypes-cache", ".gitignore"), "utf8")).toMatch(/^\*$/m);
    expect(existsSync(join(dir, ".mdtypes-cache", "CACHEDIR.TAG"))).toBe(true);
    run(dir, "check", "--cache-dir", "elsewhere");
    expect(readdirSync(join(dir, "elsewhere")).some((name) => name.startsWith("docs-"))).toBe(true);
  });

  it("never trusts a damaged entry: truncated, a byte changed, garbage, or another build's", () => {
    const dir = project();
    run(dir, "generate");
    const expected = snapshot(join(dir, "out"));
    const damage: ((text: string) => string)[] = [
      (text) => text.slice(0, text.length >> 1),
      // One character in the middle of the body changed, the header's hash kept.
      (text) => {
        const at = text.length >> 1;
        return text.slice(0, at) + (text[at] === "0" ? "1" : "0") + text.slice(at + 1);
      },
      () => "\u0000\u0001 not a cache file",
      // A well-formed entry of another build of mdtypes (its fingerprint differs).
      (text) => {
        const body = text.slice(text.indexOf("\n") + 1).replace(/^\{"tool":"[0-9a-f]+"/, '{"tool":"0000"');
        return `mdtypes-cache 1 ${sha256(body)}\n${body}`;
      },
    ];
    for (const hurt of damage) {
      for (const name of cacheFiles(dir)) {
        const path = join(dir, ".mdtypes-cache", name);
        writeFileSync(path, hurt(readFileSync(path, "utf8")));
      }
      const result = run(dir, "check");
      expect(result.status).toBe(0);
      expect(result.stats.parsed).toBe(result.stats.docs);
      expect(snapshot(join(dir, "out"))).toEqual(expected);
      // …and the damaged entries were replaced: the next run is answered from the cache.
      expect(run(dir, "check").stats.parsed).toBe(0);
    }
  });

  it("a changed option misses: --rule gives its own diagnostics, not the cached ones", () => {
    const dir = project();
    const before = run(dir, "check");
    expect(before.status).toBe(1); // out/ does not exist yet: everything is missing
    const withRule = spawnSync(process.execPath, [BIN, "check", "--rule", "unknown-type=error", "--reporter", "json"], { cwd: dir, encoding: "utf8" });
    const again = spawnSync(process.execPath, [BIN, "check", "--rule", "unknown-type=error", "--reporter", "json"], { cwd: dir, encoding: "utf8" });
    expect(JSON.parse(again.stdout).diagnostics).toEqual(JSON.parse(withRule.stdout).diagnostics);
    // One run entry per target and options, one docs entry per target and reading options (`rules` is one).
    expect(cacheFiles(dir).filter((name) => name.startsWith("run-"))).toHaveLength(2);
    expect(cacheFiles(dir).filter((name) => name.startsWith("docs-"))).toHaveLength(2);
  });

  it("the docs are read once for every target of them: options only the emit stage reads (the target, the one module, unknownKeys, …) parse nothing again", () => {
    const dir = project();
    expect(run(dir, "generate").stats.parsed).toBeGreaterThan(0);
    for (const args of [["--unknown-keys", "reject"], ["--max-depth", "64"], ["--import-extension", ".ts"], ["--out-file", "one/api.ts"]]) {
      const other = run(dir, "generate", "docs/models", ...(args[0] === "--out-file" ? args : ["--out", `out-${args[0]}`, ...args]));
      expect(other.status, args.join(" ")).toBe(0);
      expect(other.stats.parsed, args.join(" ")).toBe(0);
    }
    // An option that changes what the docs mean reads them again.
    expect(run(dir, "generate", "docs/models", "--out", "out-lenient", "--nullability", "as-documented").stats.parsed).toBeGreaterThan(0);
  });

  it("a warm check of one module of every model (larger than one read) forgives CRLF line ends and sees a byte changed at its very end", () => {
    const dir = project();
    // The repo's own docs make a smaller module than the corpus's: one model of many fields makes it larger than a read.
    if (!HAS_CORPUS) {
      const rows = Array.from({ length: 800 }, (_, i) => `| \`field_${i}\` | *OptionalNullable[str]* | :heavy_minus_sign: | Field number ${i} of a wide model. |`);
      writeFileSync(join(dir, "docs", "models", "widemodel.md"), `# WideModel\n\nA model of many fields.\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n${rows.join("\n")}\n`);
    }
    const args = ["docs/models", "--out-file", "one/api.ts"];
    expect(run(dir, "generate", ...args).status).toBe(0);
    expect(run(dir, "check", ...args).status).toBe(0);
    const path = join(dir, "one", "api.ts");
    const text = readFileSync(path, "utf8");
    expect(Buffer.byteLength(text)).toBeGreaterThan(64 * 1024);
    writeFileSync(path, text.replace(/\n/g, "\r\n"));
    const crlf = run(dir, "check", ...args);
    expect(crlf.status).toBe(0);
    expect(crlf.stats.parsed).toBe(0);
    writeFileSync(path, `${text.slice(0, -2)}${text.at(-2) === "x" ? "y" : "x"}\n`);
    const changed = run(dir, "check", ...args);
    expect(changed.status).toBe(1);
    expect(changed.report.targets[0]!.drift!.changed.map((f) => f.path)).toEqual(["api.ts"]);
  });

  it("a cache that cannot be written slows a run down, never fails it", () => {
    const dir = project();
    run(dir, "generate", "--no-cache");
    const cacheDir = join(dir, ".mdtypes-cache");
    run(dir, "check"); // makes the folder
    for (const name of readdirSync(cacheDir)) rmSync(join(cacheDir, name));
    chmodSync(cacheDir, 0o555);
    const result = run(dir, "check");
    chmodSync(cacheDir, 0o755);
    expect(result.status).toBe(0);
    expect(result.report.ok).toBe(true);
  });

  it("the API takes a cache too, and reports what it parsed", async () => {
    const dir = project();
    run(dir, "generate", "--no-cache");
    const cache = new Cache(join(dir, "api-cache"));
    const options = resolveOptions();
    const first = await check(join(dir, "docs", "models"), join(dir, "out"), options, { cache });
    const second = await check(join(dir, "docs", "models"), join(dir, "out"), options, { cache });
    expect(first.drift).toEqual({ changed: [], missing: [], orphaned: [] });
    expect(second.drift).toEqual(first.drift);
    expect(first.stats.parsed).toBe(first.stats.docs);
    expect(second.stats.parsed).toBe(0);
    expect(second.diagnostics).toEqual(first.diagnostics);
  });
});

describe("worker threads", () => {
  it("give the same bytes whatever their number", () => {
    const dir = project();
    for (const workers of ["0", "1", "3"]) expect(run(dir, "generate", "--out", `w${workers}`, "--no-cache", "--workers", workers).status).toBe(0);
    const one = snapshot(join(dir, "w0"));
    expect(snapshot(join(dir, "w1"))).toEqual(one);
    expect(snapshot(join(dir, "w3"))).toEqual(one);
  });

  it("--workers takes a whole number or auto", () => {
    const dir = project();
    const bad = spawnSync(process.execPath, [BIN, "check", "--workers", "two"], { cwd: dir, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--workers/);
  });
});
