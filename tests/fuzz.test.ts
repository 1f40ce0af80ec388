/**
 * Fuzzing the reader with mutated real docs: a byte-order mark, CRLF or lone
 * CR line ends, NUL characters, truncation anywhere, odd Unicode (line and
 * paragraph separators, lone surrogates, bidi controls, combining marks),
 * huge cells, markdown punctuation dropped in, lines lost or doubled. Whatever
 * the input, `mdtypes generate` exits 0 or 1 (never 2), prints no stack, and
 * places every diagnostic at a real `file:line:column` of the mutated file
 * (lines as the parser counts them: CRLF, CR or LF; leading BOMs are not text).
 *
 * The docs are real ones: a few of each SDK of ../shared/corpus, or the
 * repository's fixtures when the corpus is absent. Most runs go through the
 * CLI's `main` in-process (fast); some through the built binary.
 */

import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/cli.js";
import type { Diagnostic } from "../src/ir/diagnostics.js";
import { HAS_CORPUS, ROOT, SPEAKEASY_CORPUS } from "./helpers.js";

const BIN = join(ROOT, "bin", "mdtypes.js");
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
}

/** Doc trees to mutate: per corpus SDK, its first dozen docs by path (or each fixture tree). */
function seedTrees(): { name: string; files: { rel: string; text: string }[] }[] {
  if (HAS_CORPUS) {
    return readdirSync(SPEAKEASY_CORPUS)
      .filter((name) => statSync(join(SPEAKEASY_CORPUS, name)).isDirectory())
      .map((name) => {
        const docs = join(SPEAKEASY_CORPUS, name, "docs");
        const models = join(docs, readdirSync(docs).find((d) => d.toLowerCase() === "models") ?? "models");
        const files = walk(models).filter((p) => /\.mdx?$/.test(p)).sort().slice(0, 12);
        return { name, files: files.map((p) => ({ rel: relative(models, p), text: readFileSync(p, "utf8") })) };
      });
  }
  return ["python", "typescript", "go", "java", "csharp", "php", "ruby"].map((flavour) => {
    const base = join(ROOT, "fixtures", flavour);
    return { name: flavour, files: walk(base).filter((p) => p.endsWith(".md")).sort().slice(0, 12).map((p) => ({ rel: relative(base, p), text: readFileSync(p, "utf8") })) };
  });
}

const trees = seedTrees();

/** One change to a doc's text. */
type Mutation = (text: string, at: number, pick: number) => string;

const ODD = ["\u2028", "\u2029", "\u0000", "\ud800", "\udc00", "\u202e", "\u200d", "\u0301", "\ufffd", "\ufeff", "😀", "\u0085", "\u000b", "\u000c", "\t", "\u001b[2J"];
const MARKDOWN = ["|", "*", "`", "[", "]", "(", ")", "<", ">", "\\", "~~", "#", "\n", "\n\n", "---\n", "```", "- ", "> ", "__", "::"];

const MUTATIONS: Record<string, Mutation> = {
  bom: (t) => `\ufeff${t}`,
  crlf: (t) => t.replace(/\r?\n/g, "\r\n"),
  cr: (t) => t.replace(/\r?\n/g, "\r"),
  someCrlf: (t, at) => t.slice(0, at) + t.slice(at).replace(/\n/, "\r\n"),
  loneCr: (t, at) => `${t.slice(0, at)}\r${t.slice(at)}`,
  nul: (t, at) => `${t.slice(0, at)}\u0000${t.slice(at)}`,
  truncate: (t, at) => t.slice(0, at),
  odd: (t, at, pick) => t.slice(0, at) + ODD[pick % ODD.length] + t.slice(at),
  markdown: (t, at, pick) => t.slice(0, at) + MARKDOWN[pick % MARKDOWN.length] + t.slice(at),
  hugeCell: (t, at, pick) => {
    const bar = t.indexOf("|", at);
    return bar < 0 ? t : `${t.slice(0, bar + 1)} ${"*x*".repeat(2000 + pick)} ${t.slice(bar + 1)}`;
  },
  dropLine: (t, at) => {
    const start = t.lastIndexOf("\n", at) + 1;
    const end = t.indexOf("\n", at);
    return t.slice(0, start) + (end < 0 ? "" : t.slice(end + 1));
  },
  doubleLine: (t, at) => {
    const start = t.lastIndexOf("\n", at) + 1;
    const end = t.indexOf("\n", at);
    const line = t.slice(start, end < 0 ? t.length : end + 1);
    return t.slice(0, start) + line + (line.endsWith("\n") ? "" : "\n") + t.slice(start);
  },
  empty: () => "",
};

const mutation = fc.record({
  kind: fc.constantFrom(...Object.keys(MUTATIONS)),
  at: fc.nat(),
  pick: fc.nat({ max: 1000 }),
});

/** A tree, which of its docs to mutate, and how (several mutations in a row). */
const scenario = fc.record({
  tree: fc.nat({ max: trees.length - 1 }),
  doc: fc.nat(),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
});

function applyAll(text: string, mutations: readonly { kind: string; at: number; pick: number }[]): string {
  let out = text;
  for (const m of mutations) out = (MUTATIONS[m.kind] as Mutation)(out, out.length === 0 ? 0 : m.at % (out.length + 1), m.pick);
  return out;
}

/** The lines of a doc as the parser counts them (and as the code frame shows them). */
function linesOf(text: string): string[] {
  return text.replace(/^\ufeff+/, "").split(/\r\n|\r|\n/);
}

/** Writes the scenario's tree, mutated; returns its folder and the mutated doc's path. */
function materialize(s: { tree: number; doc: number; mutations: readonly { kind: string; at: number; pick: number }[] }) {
  const dir = mkdtempSync(join(tmpdir(), "mdtypes-fuzz-"));
  scratch.push(dir);
  const tree = trees[s.tree]!;
  const target = s.doc % tree.files.length;
  tree.files.forEach((file, i) => {
    const path = join(dir, "docs", file.rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, i === target ? applyAll(file.text, s.mutations) : file.text);
  });
  return dir;
}

const STACK = /^\s+at .+(?:\d+:\d+\)?|<anonymous>)$/m;

/**
 * Checks one run's outcome: exit 0 or 1, no stack, every diagnostic at a real
 * place. `base`: the folder a diagnostic's relative `file` is relative to, the
 * process's working folder (the CLI names paths as its process sees them, and
 * `main` in this process runs in `io.cwd` without changing the process's).
 */
function checkOutcome(base: string, status: number | null, stdout: string, stderr: string, what: string): void {
  expect([0, 1], `${what}: exit ${status}\n${stderr}`).toContain(status);
  expect(stderr, what).not.toMatch(STACK);
  expect(stderr, what).not.toMatch(/internal error/);
  const report = JSON.parse(stdout) as { diagnostics: Diagnostic[] };
  expect(report.diagnostics.some((d) => d.severity === "error"), what).toBe(status === 1);
  for (const d of report.diagnostics) {
    const path = resolve(base, d.file);
    if (!/\.mdx?$/.test(path)) continue;
    expect(existsSync(path), `${what}: ${d.file}`).toBe(true);
    const lines = linesOf(readFileSync(path, "utf8"));
    const place = `${what}: ${d.file}:${d.line}:${d.column} ${d.ruleId} (${lines.length} lines)`;
    expect(d.line >= 1 && d.line <= lines.length, place).toBe(true);
    expect(d.column >= 1 && d.column <= (lines[d.line - 1]?.length ?? 0) + 1, place).toBe(true);
  }
}

/** The CLI's `main`, in this process, with its output captured. */
async function runMain(dir: string, reporter: "json" | "human") {
  let stdout = "";
  let stderr = "";
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), cwd: dir, color: reporter === "human", progress: false };
  const status = await main(["generate", "docs", "--out", "out", "--no-cache", "--workers", "0", "--reporter", reporter, "--verbose"], io);
  return { status, stdout, stderr };
}

describe("fuzz: mutated real docs", () => {
  it("cover every tree", () => {
    expect(trees.length).toBeGreaterThanOrEqual(7);
    for (const tree of trees) expect(tree.files.length, tree.name).toBeGreaterThan(0);
  });

  it("never exit 2, never print a stack, always place diagnostics at a real file:line:column (in-process, JSON and human)", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const dir = materialize(s);
        const what = `${trees[s.tree]!.name} ${JSON.stringify(s.mutations)}`;
        const json = await runMain(dir, "json");
        checkOutcome(process.cwd(), json.status, json.stdout, json.stderr, what);
        // The human reporter reads the files again for its code frames: it must survive them too.
        const human = await runMain(dir, "human");
        expect(human.status, `${what}\n${human.stderr}`).toBe(json.status);
        expect(human.stderr, what).not.toMatch(STACK);
        expect(human.stderr, what).not.toMatch(/internal error/);
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 300 },
    );
  });

  it("the built binary agrees (a few runs through a real process)", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const dir = materialize(s);
        const what = `${trees[s.tree]!.name} ${JSON.stringify(s.mutations)}`;
        const run = spawnSync(process.execPath, [BIN, "generate", "docs", "--out", "out", "--no-cache", "--reporter", "json"], { cwd: dir, encoding: "utf8" });
        checkOutcome(dir, run.status, run.stdout, run.stderr, what);
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 12 },
    );
  });

  it("random flags, commands and reporters through the binary: exit 0, 1 or 2, no stack, no raw control character on the terminal", () => {
    // Each flag with values that are right, wrong, missing or hostile.
    const FLAGS: Record<string, readonly (string | undefined)[]> = {
      "--flavour": ["auto", "python", "go", "ruby", "cobol", undefined],
      "--nullability": ["lenient", "as-documented", "maybe"],
      "--property-names": ["auto", "camelCase", "snake_case", "as-documented", "PascalCase"],
      "--unknown-keys": ["accept", "reject", ""],
      "--import-extension": [".js", ".ts", ".mjs"],
      "--max-depth": ["1", "512", "0", "-3", "1e3", "\u001b[2J"],
      "--rule": ["unknown-type=off", "unresolved-link=warning", "nope=error", "unknown-type=loud", "="],
      "--exclude": ["**/a*.md", "[", "\u0007"],
      "--workers": ["0", "1", "auto", "-1", "many"],
      "--reporter": ["human", "json", "github", "xml"],
      "--out": ["out", "docs", ".", "out/\u001b]0;pwned\u0007"],
      "--config": ["mdtypes.config.json", "none.json", "docs"],
      "--cache-dir": ["cache", "docs/x.md"],
      "--remark-plugin": ["./nope.mjs", "\u001b[31m"],
      "--verbose": [undefined],
      "--no-cache": [undefined],
      "--bogus": [undefined, "x"],
    };
    const flag = fc.tuple(fc.constantFrom(...Object.keys(FLAGS)), fc.nat()).map(([name, i]) => {
      const values = FLAGS[name] as readonly (string | undefined)[];
      const value = values[i % values.length];
      return value === undefined ? [name] : [name, value];
    });
    const invocation = fc.record({
      command: fc.constantFrom("generate", "check", "ir", "help", "bogus"),
      input: fc.constantFrom("docs", undefined, "nowhere", "docs/\u001b[2J"),
      flags: fc.array(flag, { maxLength: 5 }),
    });
    const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
    fc.assert(
      fc.property(scenario, invocation, (s, call) => {
        const dir = materialize(s);
        writeFileSync(join(dir, "mdtypes.config.json"), JSON.stringify({ input: "docs", output: "out" }));
        const args = [call.command, ...(call.input === undefined ? [] : [call.input]), ...call.flags.flat()];
        const what = `${trees[s.tree]!.name} ${JSON.stringify(s.mutations)} mdtypes ${JSON.stringify(args)}`;
        const run = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "" }, timeout: 60_000 });
        expect([0, 1, 2], `${what}: exit ${run.status}\n${run.stderr}`).toContain(run.status);
        expect(run.stderr, what).not.toMatch(STACK);
        expect(run.stderr, what).not.toMatch(/mdtypes: internal error/);
        expect(run.stderr, `${what}: raw control character on stderr`).not.toMatch(CONTROL);
        expect(run.stdout, `${what}: raw control character on stdout`).not.toMatch(CONTROL);
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 40 },
    );
  });
});
