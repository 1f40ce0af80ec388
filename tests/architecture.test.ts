/**
 * The layout's rules, checked from the imports of every module of `src/`
 * (static, dynamic and type-only alike), as ARCHITECTURE.md states them:
 * no import cycles; the IR imports nothing but itself; a dialect imports only
 * the IR, the shared doc helpers (`src/dialects/*.ts`) and its own folder —
 * never emit, the CLI, the stages or I/O; emit imports no dialect, no stage,
 * no I/O and not the CLI; nothing outside the CLI imports it; a handful of
 * files at the root.
 */

import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

const SRC = join(ROOT, "src");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : name.endsWith(".ts") ? [join(dir, name)] : []));
}

/** Every module of `src/` (paths relative to it) with what it imports: other modules, and packages. */
function importGraph(): Map<string, { modules: string[]; packages: string[] }> {
  const graph = new Map<string, { modules: string[]; packages: string[] }>();
  for (const file of walk(SRC)) {
    const text = readFileSync(file, "utf8");
    const specifiers = [...text.matchAll(/(?:^|[\s;])(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm)].map((m) => (m[1] ?? m[2]) as string);
    const modules: string[] = [];
    const packages: string[] = [];
    for (const spec of specifiers) {
      if (spec.startsWith(".")) modules.push(relative(SRC, normalize(join(dirname(file), spec))).replace(/\.js$/, ".ts").split("\\").join("/"));
      else packages.push(spec);
    }
    graph.set(relative(SRC, file).split("\\").join("/"), { modules, packages });
  }
  return graph;
}

type Graph = Map<string, { modules: string[]; packages: string[] }>;
const graph: Graph = importGraph();
const inside = (path: string, folder: string) => path.startsWith(`${folder}/`);

/** Every import cycle, as `a → b → a`. */
function cyclesOf(g: Graph): string[] {
  const state = new Map<string, "open" | "done">();
  const cycles: string[] = [];
  const visit = (node: string, path: string[]) => {
    if (state.get(node) === "done") return;
    if (state.get(node) === "open") {
      cycles.push([...path.slice(path.indexOf(node)), node].join(" → "));
      return;
    }
    state.set(node, "open");
    for (const next of g.get(node)?.modules ?? []) visit(next, [...path, node]);
    state.set(node, "done");
  };
  for (const node of [...g.keys()].sort()) visit(node, []);
  return cycles;
}

/** Imports that break the rules, as `from → to`. */
function violationsOf(g: Graph): string[] {
  const out: string[] = [];
  for (const [from, { modules, packages }] of g) {
    const own = /^dialects\/([^/]+)\//.exec(from)?.[1];
    for (const to of modules) {
      const edge = `${from} → ${to}`;
      if (inside(from, "ir") && !inside(to, "ir")) out.push(`the IR imports outside it: ${edge}`);
      if (own && !(inside(to, "ir") || (/^dialects\/[^/]+\.ts$/.test(to) && to !== "dialects/index.ts") || inside(to, `dialects/${own}`))) out.push(`a dialect imports beyond the IR and the doc helpers: ${edge}`);
      if (inside(from, "emit") && !(inside(to, "ir") || inside(to, "emit"))) out.push(`emit imports beyond the IR: ${edge}`);
      if (!inside(from, "cli") && inside(to, "cli")) out.push(`the CLI is imported: ${edge}`);
    }
    if (own) for (const pkg of packages) if (/^node:(?:fs|fs\/promises|child_process|worker_threads|net|http|https)$/.test(pkg)) out.push(`a dialect does I/O: ${from} → ${pkg}`);
  }
  if ((g.get("ir/ir.ts")?.modules.length ?? 0) > 0) out.push("ir/ir.ts imports something");
  return out;
}

/** The modules `entry` loads before it runs: its static value imports, transitively (type-only and dynamic imports left out). */
function loadedAtStart(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(SRC, file), "utf8");
    for (const m of text.matchAll(/^(?:import|export)\s(?!type\s)[^;]*?\sfrom\s*["'](\.[^"']+)["']/gm)) {
      visit(relative(SRC, normalize(join(dirname(join(SRC, file)), m[1] as string))).replace(/\.js$/, ".ts").split("\\").join("/"));
    }
  };
  visit(entry);
  return seen;
}

describe("start-up", () => {
  it("the CLI loads neither the markdown parser, nor a dialect, nor an emitter before it needs them (a warm check and --version never do)", () => {
    const loaded = [...loadedAtStart("cli/cli.ts")];
    expect(loaded.length).toBeGreaterThan(10);
    expect(loaded.filter((f) => f === "stages/parse.ts" || f === "stages/read.ts" || f === "dialects/index.ts" || inside(f, "emit") && f !== "emit/marker.ts" || /^dialects\/[^/]+\//.test(f))).toEqual([]);
  });
});

describe("the layout of src/", () => {
  it("reads every relative import (the graph is the code's)", () => {
    expect(graph.size).toBeGreaterThan(40);
    for (const [from, { modules }] of graph) for (const to of modules) expect(graph.has(to), `${from} imports ${to}, which does not exist`).toBe(true);
  });

  it("has no import cycle", () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it("keeps the rules: the IR imports nothing outside it; a dialect only the IR, the doc helpers and its folder, and no I/O; emit only the IR; nothing the CLI", () => {
    expect(violationsOf(graph)).toEqual([]);
  });

  it("holds a handful of files at its root: the public API, the cached run and the recipe", () => {
    expect(readdirSync(SRC).filter((name) => name.endsWith(".ts")).sort()).toEqual(["index.ts", "recipe.ts", "run.ts"]);
  });

  it("the checks fail on a break: a dialect importing emit or the file system, emit a dialect, a stage the CLI, a cycle", () => {
    const bad: Graph = new Map(graph);
    const add = (from: string, to: string, pkg?: string) => {
      const node = bad.get(from) ?? { modules: [], packages: [] };
      bad.set(from, { modules: pkg ? node.modules : [...node.modules, to], packages: pkg ? [...node.packages, pkg] : node.packages });
    };
    add("dialects/speakeasy/index.ts", "emit/emit.ts");
    add("dialects/speakeasy/python.ts", "", "node:fs");
    add("emit/names.ts", "dialects/speakeasy/index.ts");
    add("stages/read.ts", "cli/report.ts");
    add("ir/diagnostics.ts", "recipe.ts");
    expect(violationsOf(bad)).toEqual(
      expect.arrayContaining([
        "a dialect imports beyond the IR and the doc helpers: dialects/speakeasy/index.ts → emit/emit.ts",
        "a dialect does I/O: dialects/speakeasy/python.ts → node:fs",
        "emit imports beyond the IR: emit/names.ts → dialects/speakeasy/index.ts",
        "the CLI is imported: stages/read.ts → cli/report.ts",
        "the IR imports outside it: ir/diagnostics.ts → recipe.ts",
      ]),
    );
    expect(cyclesOf(bad).length).toBeGreaterThan(0);
  });
});
