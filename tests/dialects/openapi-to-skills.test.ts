/**
 * The openapi-to-skills dialect (grammar §F): reading schema docs and their
 * nested fields, skipping the pack's other docs, detection, and the shared
 * corpus pack (`Yuyz0112__public-api-skills`).
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { detectDialect, recognize } from "../../src/dialects/detect.js";
import type { Diagnostic } from "../../src/ir/diagnostics.js";
import type { Model, ObjectModel, UnionModel } from "../../src/ir/ir.js";
import { DEFAULT_OPTIONS, type Options } from "../../src/ir/options.js";
import { readDoc, render } from "../../src/recipe.js";
import { HAS_CORPUS, ROOT, ruleIds, SHARED } from "../helpers.js";
import { typecheck } from "../typecheck.js";

// The documented reading (the tree-level pre-pass sets it when the docs show `null`).
const OPTIONS: Options = { ...DEFAULT_OPTIONS, dialect: "openapi-to-skills", nullability: "as-documented" };
const ID = "pack/references/schemas/Order/Order.md";

function objectDoc(rows: string, nested = ""): string {
  return `# Order\n\n**Type:** object\n\n## Fields\n\n| Field | Type | Required | Description |\n|-------|------|----------|-------------|\n${rows}\n${nested}`;
}

function read(source: string, options: Partial<Options> = {}) {
  return readDoc(ID, source, { ...OPTIONS, ...options });
}

function typesOf(source: string, options: Partial<Options> = {}) {
  const model = read(source, options).models[0] as ObjectModel;
  return Object.fromEntries(model.fields.map((f) => [f.name, f.type]));
}

describe("openapi-to-skills: fields", () => {
  it("reads every type form", () => {
    const types = typesOf(
      objectDoc(
        [
          "| `a` | string | Yes |  |",
          "| `b` | string (date-time) | Yes |  |",
          "| `c` | string,null (date) | No |  |",
          "| `d` | integer,null (int32) | No |  |",
          "| `e` | number (double) | No |  |",
          "| `f` | [Customer](Customer.md) | Yes |  |",
          "| `g` | OrderItem[] | Yes |  |",
          "| `h` | string[] | No |  |",
          "| `i` | any | No |  |",
          "| `j` | object,null | No |  |",
          "| `k` | null | No |  |",
          "| `l` | string,integer | No |  |",
          "| `m` | string (uri) | No |  |",
        ].join("\n"),
      ),
    );
    expect(types).toEqual({
      a: { kind: "string" },
      b: { kind: "string", format: "date-time" },
      c: { kind: "nullable", type: { kind: "string", format: "date" } },
      d: { kind: "nullable", type: { kind: "integer" } },
      e: { kind: "number" },
      f: { kind: "named", name: "Customer" },
      g: { kind: "array", items: { kind: "named", name: "OrderItem" } },
      h: { kind: "array", items: { kind: "string" } },
      i: { kind: "unknown", reason: "any" },
      j: { kind: "nullable", type: { kind: "record", values: { kind: "unknown", reason: "any" } } },
      k: { kind: "literal", value: null },
      l: { kind: "union", members: [{ kind: "string" }, { kind: "integer" }] },
      m: { kind: "string" },
    });
  });

  it("reads a complete enum as literals and a truncated one as its base type", () => {
    const types = typesOf(objectDoc(["| `a` | enum: x, y | Yes |  |", "| `b` | enum: 1, 2, 3... | No |  |", "| `c` | enum: web, store,  | No |  |", "| `d` | enum: only | Yes |  |", "| `e` | enum: a, b, c... | No |  |"].join("\n")));
    expect(types.a).toEqual({ kind: "union", members: [{ kind: "literal", value: "x" }, { kind: "literal", value: "y" }] });
    expect(types.b).toEqual({ kind: "integer" });
    expect(types.c).toEqual({ kind: "nullable", type: { kind: "union", members: [{ kind: "literal", value: "web" }, { kind: "literal", value: "store" }] } });
    expect(types.d).toEqual({ kind: "literal", value: "only" });
    expect(types.e).toEqual({ kind: "string" });
  });

  it("allows null on every field under lenient (a tree whose docs show none)", () => {
    expect(typesOf(objectDoc("| `a` | string | Yes |  |"), { nullability: "lenient" }).a).toEqual({ kind: "nullable", type: { kind: "string" } });
  });

  it("makes a sub-model of each nested-fields table, two levels deep", () => {
    const nested = "## Nested Fields\n\n### `ship`\n\n| Field | Type | Required | Description |\n|-------|------|----------|-------------|\n| `addr` | object | No |  |\n\n#### `ship.addr`\n\n| Field | Type | Required | Description |\n|-------|------|----------|-------------|\n| `city` | string | Yes |  |\n\n### `lines`\n\n| Field | Type | Required | Description |\n|-------|------|----------|-------------|\n| `sku` | string | Yes |  |\n";
    const { models, diagnostics } = read(objectDoc("| `ship` | object | No |  |\n| `lines` | object[] | Yes |  |", nested));
    expect(diagnostics).toEqual([]);
    expect(models.map((m) => [m.id, m.name])).toEqual([
      [ID, "Order"],
      [`${ID}#ship`, "Order.ship"],
      [`${ID}#ship_addr`, "Order.ship.addr"],
      [`${ID}#lines`, "Order.lines"],
    ]);
    const own = models[0] as ObjectModel;
    expect(own.fields.map((f) => f.type)).toEqual([{ kind: "ref", target: `${ID}#ship` }, { kind: "array", items: { kind: "ref", target: `${ID}#lines` } }]);
    expect((models[1] as ObjectModel).fields[0]?.type).toEqual({ kind: "ref", target: `${ID}#ship_addr` });
  });

  it("reports bad rows and types at their place", () => {
    const { diagnostics } = read(objectDoc("| `a` | strng | Yes |  |\n| `b` | string | Maybe |  |\n| `c` | string |"));
    expect(ruleIds(diagnostics)).toEqual(["malformed-row@10:18", "malformed-row@11:1", "unknown-type@9:9"]);
  });
});

describe("openapi-to-skills: other schema kinds", () => {
  it("reads enums, compositions, arrays and primitives", () => {
    const enumModel = read("# Status\n\n**Type:** enum\n\n## Values\n\n- `open`\n- `closed`\n").models[0];
    expect(enumModel).toMatchObject({ kind: "enum", base: "string", values: [{ value: "open" }, { value: "closed" }] });
    const numbers = read("# Level\n\n**Type:** enum\n\n## Values\n\n- `1`\n- `2`\n").models[0];
    expect(numbers).toMatchObject({ kind: "enum", base: "integer", values: [{ value: 1 }, { value: 2 }] });
    const oneOf = read("# Event\n\n**Type:** oneOf\n\n## Composition\n\n- [A](a.md)\n- (inline schema)\n").models[0] as UnionModel;
    expect(oneOf.members.map((m) => m.type)).toEqual([{ kind: "named", name: "A" }, { kind: "unknown", reason: "any" }]);
    // allOf: the union of the linked members, which never rejects a value matching all of them.
    const allOf = read("# Priced\n\n**Type:** allOf\n\n## Composition\n\n- [Order](Order.md)\n- (inline schema)\n").models[0] as UnionModel;
    expect(allOf.members.map((m) => m.type)).toEqual([{ kind: "named", name: "Order" }]);
    const array = read("# List\n\n**Type:** array\n\nArray of [Order](Order.md)\n").models[0] as UnionModel;
    expect(array.members.map((m) => m.type)).toEqual([{ kind: "array", items: { kind: "named", name: "Order" } }]);
    expect(read("# Id\n\n**Type:** primitive\n").models[0]?.kind).toBe("opaque");
  });

  it("reads a composition that lost its items as opaque, with a warning", () => {
    const { models, diagnostics } = read("# Palette\n\n**Type:** oneOf\n\n## Composition\n\n");
    expect(models[0]?.kind).toBe("opaque");
    expect(ruleIds(diagnostics)).toEqual(["unknown-type@3:11"]);
  });

  it("skips group indexes, operations, resources and the skill doc", () => {
    const docs = [
      ["pack/references/schemas/Order/_index.md", "# Order Schemas\n\n1 schemas in this group.\n\n| Schema | Type | Description |\n|--------|------|-------------|\n| [Order](Order.md) | object |  |\n"],
      ["pack/references/operations/get.md", "# GET /orders\n\n**Operation ID:** `getOrders`\n"],
      ["pack/SKILL.md", "---\nname: pack\n---\n\n# Pack\n\n## How to Use This Skill\n"],
    ] as const;
    for (const [id, source] of docs) {
      const result = readDoc(id, source, OPTIONS);
      expect(result.models).toEqual([]);
      expect(ruleIds(result.diagnostics)).toEqual(["not-a-model@1:1"]);
    }
  });
});

/** Every `.md` doc under `dir`, by path relative to it. */
function docsUnder(dir: string): { id: string; source: string }[] {
  const out: { id: string; source: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".md")) out.push({ id: relative(dir, path), source: readFileSync(path, "utf8") });
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

describe("openapi-to-skills: detection", () => {
  const fixtures = join(ROOT, "fixtures", "dialects", "openapi-to-skills");

  it("picks openapi-to-skills for every fixture doc, with no config", async () => {
    for (const doc of docsUnder(fixtures)) expect(recognize(doc.source, doc.id)?.id, doc.id).toBe("openapi-to-skills");
    const result = await render(fixtures, DEFAULT_OPTIONS);
    expect(result.options.dialect).toBe("openapi-to-skills");
    expect(result.options.settled?.language).toBe("none");
    // The fixtures show `,null`: nullability is as documented.
    expect(result.options.nullability).toBe("as-documented");
    expect(result.stats).toMatchObject({ docs: 14, models: 13 });
    expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(result.diagnostics.filter((d) => d.ruleId === "not-a-model").length).toBe(4);
  });

  it("claims no other fixture doc", () => {
    const others = docsUnder(join(ROOT, "fixtures")).filter((d) => !d.id.startsWith("dialects/openapi-to-skills/"));
    expect(others.length).toBeGreaterThan(0);
    for (const doc of others) expect(recognize(doc.source, doc.id)?.id, doc.id).not.toBe("openapi-to-skills");
  });
});

const PACK = join(SHARED, "corpus", "dialects", "Yuyz0112__public-api-skills");

function cli(args: readonly string[]) {
  return spawnSync(process.execPath, [join(ROOT, "bin", "mdtypes.js"), ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
}

describe.skipIf(!HAS_CORPUS || !existsSync(PACK))("openapi-to-skills: the corpus pack (Yuyz0112__public-api-skills), no config", () => {
  it("is read as openapi-to-skills: exit 0, one module per schema doc, ≤ 1% unknown types, type-checks", () => {
    const out = mkdtempSync(join(tmpdir(), "mdtypes-skills-"));
    try {
      const run = cli(["generate", PACK, "--out", out, "--reporter", "json", "--no-cache"]);
      const report = JSON.parse(run.stdout) as { diagnostics: Diagnostic[]; targets: { dialect: string; language: string; stats: { docs: number; models: number } }[] };
      expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(run.status).toBe(0);
      expect(report.targets[0]).toMatchObject({ dialect: "openapi-to-skills", language: "none", stats: { docs: 245, models: 245 } });
      const count = (rule: string) => report.diagnostics.filter((d) => d.ruleId === rule).length;
      expect(count("not-a-model")).toBe(0);
      // NameplatePalette's `## Composition` lost its items.
      expect(count("unknown-type")).toBe(1);
      // The corpus holds half the pack's schema docs (245 of 490): names of schemas it left out.
      expect(count("unresolved-name")).toBe(93);
      const ir = JSON.parse(cli(["ir", PACK]).stdout) as { models: Model[] };
      const fields = ir.models.reduce((n, m) => n + (m.kind === "object" ? m.fields.length : 0), 0);
      expect(fields).toBe(1182);
      expect(count("unknown-type") / fields).toBeLessThanOrEqual(0.01);
      for (const doc of docsUnder(PACK)) expect(existsSync(join(out, doc.id.replace(/\.md$/, ".ts"))), doc.id).toBe(true);
      writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
      const checked = typecheck(out);
      expect(checked.output).toBe("");
      expect(checked.status).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("votes for openapi-to-skills from every directory", () => {
    expect(detectDialect(docsUnder(PACK)).dialect.id).toBe("openapi-to-skills");
  });
});
