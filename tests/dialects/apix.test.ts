/**
 * The apix dialect (grammar §E): reading schema docs, skipping the vault's
 * other docs, detection, and the shared corpus vault (`apix-sh__vault`).
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

const OPTIONS: Options = { ...DEFAULT_OPTIONS, dialect: "apix" };
const ID = "api/1.0/_components/schemas/Doc.md";

function schema(kind: string, body: string, description = ""): string {
  return `---\ntype: "${kind}"\n---\n\n# Doc\n${description ? `\n\n${description}\n` : ""}\n## Properties\n\n| Property | Required | Type | Description |\n| :------- | :------: | :--- | :---------- |\n${body}`;
}

function read(source: string, options: Partial<Options> = {}) {
  return readDoc(ID, source, { ...OPTIONS, ...options });
}

function object(source: string, options: Partial<Options> = {}): ObjectModel {
  const model = read(source, options).models[0];
  expect(model?.kind).toBe("object");
  return model as ObjectModel;
}

describe("apix: object schemas", () => {
  it("reads every type form, presence, and the lenient null", () => {
    const model = object(
      schema(
        "object",
        [
          "| `id` | Yes | integer | The id |",
          "| `score` | No | number |  |",
          "| `ok` | No | boolean |  |",
          "| `tags` | No | array<[Tag](./Tag.md)> |  |",
          "| `owner` | Yes | [User](User.md) |  |",
          "| `grid` | No | array<array<integer>> |  |",
          "| `meta` | No | object |  |",
          "| `list` | No | array |  |",
          "| `gone` | No | null |  |",
          "| `any` | No | any |  |",
          "| `either` | No | oneOf(2) |  |",
        ].join("\n") + "\n",
      ),
    );
    expect(model.fields.map((f) => [f.name, f.required])).toEqual([
      ["id", true],
      ["score", false],
      ["ok", false],
      ["tags", false],
      ["owner", true],
      ["grid", false],
      ["meta", false],
      ["list", false],
      ["gone", false],
      ["any", false],
      ["either", false],
    ]);
    const types = Object.fromEntries(model.fields.map((f) => [f.name, f.type]));
    expect(types.id).toEqual({ kind: "nullable", type: { kind: "integer" } });
    expect(types.tags).toEqual({ kind: "nullable", type: { kind: "array", items: { kind: "ref", target: "api/1.0/_components/schemas/Tag.md", text: { name: "Tag" }, hint: true } } });
    expect(types.owner).toEqual({ kind: "nullable", type: { kind: "ref", target: "api/1.0/_components/schemas/User.md", text: { name: "User" }, hint: true } });
    expect(types.grid).toEqual({ kind: "nullable", type: { kind: "array", items: { kind: "array", items: { kind: "integer" } } } });
    expect(types.meta).toEqual({ kind: "nullable", type: { kind: "record", values: { kind: "unknown", reason: "any" } } });
    expect(types.gone).toEqual({ kind: "literal", value: null });
    expect(types.either).toEqual({ kind: "unknown", reason: "any" });
  });

  it("keeps types as documented under nullability as-documented", () => {
    const model = object(schema("object", "| `id` | Yes | integer |  |\n"), { nullability: "as-documented" });
    expect(model.fields[0]?.type).toEqual({ kind: "integer" });
  });

  it("reads `Allowed values:` of a string field as its literals", () => {
    const model = object(schema("object", "| `status` | No | string | The status Allowed values: open, closed |\n"), { nullability: "as-documented" });
    expect(model.fields[0]?.type).toEqual({ kind: "union", members: [{ kind: "literal", value: "open" }, { kind: "literal", value: "closed" }] });
  });

  it("reads a description with line breaks and bare pipes as one cell, and the rows after it", () => {
    const body = "| `mode` | No | string | How:\n\n- `a` - first.\n- `b` - second. Allowed values: a, b |\n| `tls` | No | string | enforced | opportunistic. |\n| `last` | Yes | string |  |\n";
    const { models, diagnostics } = read(schema("object", body));
    const model = models[0] as ObjectModel;
    expect(diagnostics).toEqual([]);
    expect(model.fields.map((f) => f.name)).toEqual(["mode", "tls", "last"]);
    expect(model.fields[0]?.description).toBe("How:\n\n- `a` - first.\n- `b` - second. Allowed values: a, b");
    expect(model.fields[1]?.description).toBe("enforced | opportunistic.");
    expect(model.fields[2]?.place).toEqual({ line: 16, column: 1 });
  });

  it("merges an allOf's repeated properties and drops `(ref: Name)` rows", () => {
    const body = "| `id` | No | integer |  |\n| `id` | Yes | integer |  |\n| `(ref: Base)` | Unknown | [Base](Base.md) | Unresolved reference |\n";
    const model = object(schema("allOf(3)", body));
    expect(model.fields.map((f) => [f.name, f.required])).toEqual([["id", true]]);
  });

  it("reports bad rows and types at their place, never throwing", () => {
    const body = "| `a` | Maybe | string |  |\n| `b` | Yes | strnig |  |\n| `c` | Yes |\n| `d` | No | string | cut";
    const { models, diagnostics } = read(schema("object", body));
    expect(ruleIds(diagnostics)).toEqual(["malformed-row@11:9", "malformed-row@13:1", "malformed-row@14:26", "unknown-type@12:15"]);
    expect((models[0] as ObjectModel).fields.map((f) => f.name)).toEqual(["b", "d"]);
  });
});

describe("apix: other schema kinds", () => {
  it("reads a oneOf with `Variants:` as the union of its links and inline schemas", () => {
    const model = read(schema("oneOf(2)", "", "A or B.\n\nVariants:\n- [A](A.md)\n- (Inline Schema)")).models[0] as UnionModel;
    expect(model.kind).toBe("union");
    expect(model.description).toBe("A or B.");
    expect(model.members.map((m) => m.type)).toEqual([
      { kind: "ref", target: "api/1.0/_components/schemas/A.md", text: { name: "A" }, hint: true },
      { kind: "unknown", reason: "any" },
    ]);
  });

  it("reads an anyOf without variants as opaque", () => {
    expect(read(schema("anyOf(2)", "")).models[0]?.kind).toBe("opaque");
  });

  it("reads a string with `Allowed values:` as an enum, other kinds as aliases", () => {
    const enumModel = read(schema("string", "", "The state. Allowed values: on, off")).models[0];
    expect(enumModel).toMatchObject({ kind: "enum", base: "string", values: [{ value: "on" }, { value: "off" }] });
    const alias = read(schema("array<[Pet](./Pet.md)>", ""), { nullability: "as-documented" }).models[0] as UnionModel;
    expect(alias.members.map((m) => m.type)).toEqual([{ kind: "array", items: { kind: "ref", target: "api/1.0/_components/schemas/Pet.md", text: { name: "Pet" }, hint: true } }]);
    const reference = read(schema("reference", "", "Reference to `#/components/schemas/Pet`"), { nullability: "as-documented" }).models[0] as UnionModel;
    expect(reference.members.map((m) => m.type)).toEqual([{ kind: "ref", target: "api/1.0/_components/schemas/Pet.md", text: { name: "Pet" }, hint: true }]);
  });

  it("reports a kind it cannot read", () => {
    const { models, diagnostics } = read(schema("tuple", ""));
    expect(ruleIds(diagnostics)).toEqual(["unknown-type@2:7"]);
    expect(models[0]?.kind).toBe("union");
  });
});

describe("apix: docs that are no models", () => {
  it("skips routes, the metadata doc and parameter docs with `not-a-model`", () => {
    const route = '---\nmethod: "GET"\nurl: "/pets"\n---\n\n# List pets\n\n## Query Parameters\n\n| Name | Required | Type | Description |\n| :--- | :---: | :--- | :--- |\n| `limit` | No | integer |  |\n';
    const metadata = "---\nbase_url: https://x.example\nauth: none\n---\n\n# X\n\n**Version:** 1\n";
    for (const source of [route, metadata]) {
      const { models, diagnostics } = read(source);
      expect(models).toEqual([]);
      expect(ruleIds(diagnostics)).toEqual(["not-a-model@1:1"]);
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

describe("apix: detection", () => {
  const fixtures = join(ROOT, "fixtures", "dialects", "apix");

  it("picks apix for every fixture doc, with no config", async () => {
    for (const doc of docsUnder(fixtures)) expect(recognize(doc.source, doc.id)?.id, doc.id).toBe("apix");
    const result = await render(fixtures, DEFAULT_OPTIONS);
    expect(result.options.dialect).toBe("apix");
    expect(result.options.settled?.language).toBe("none");
    expect(result.stats).toMatchObject({ docs: 13, models: 11 });
    expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });

  it("claims no other fixture doc", () => {
    const others = docsUnder(join(ROOT, "fixtures")).filter((d) => !d.id.startsWith("dialects/apix/"));
    expect(others.length).toBeGreaterThan(0);
    for (const doc of others) expect(recognize(doc.source, doc.id)?.id, doc.id).not.toBe("apix");
  });
});

const VAULT = join(SHARED, "corpus", "dialects", "apix-sh__vault");

function cli(args: readonly string[]) {
  return spawnSync(process.execPath, [join(ROOT, "bin", "mdtypes.js"), ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
}

describe.skipIf(!HAS_CORPUS || !existsSync(VAULT))("apix: the corpus vault (apix-sh__vault), no config", () => {
  it("is read as apix: one module per schema doc, no unknown type, type-checks", () => {
    const out = mkdtempSync(join(tmpdir(), "mdtypes-apix-"));
    try {
      const run = cli(["generate", VAULT, "--out", out, "--reporter", "json", "--no-cache"]);
      const report = JSON.parse(run.stdout) as { diagnostics: Diagnostic[]; targets: { dialect: string; language: string; stats: { docs: number; models: number } }[] };
      expect(report.targets[0]).toMatchObject({ dialect: "apix", language: "none", stats: { docs: 535, models: 535 } });
      const count = (rule: string) => report.diagnostics.filter((d) => d.ruleId === rule).length;
      expect(count("not-a-model")).toBe(0);
      expect(count("unknown-type")).toBe(0);
      expect(count("dialect-limits")).toBe(1);
      // The corpus holds the vault's schema docs in part (535 of GitHub's 652 and the others'): links to the schemas it left out are
      // hints whose names find no doc: warnings, the field `unknown`.
      expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(run.status).toBe(0);
      const unresolved = report.diagnostics.filter((d) => d.ruleId === "unresolved-name");
      expect(unresolved.length).toBe(627);
      const titles = new Set(docsUnder(VAULT).map((doc) => /^# (.+)$/m.exec(doc.source)?.[1]?.split(".").pop()));
      for (const warning of unresolved) {
        expect(warning.severity).toBe("warning");
        const name = /^Unexpected `([^`]+)`/.exec(warning.message)?.[1];
        expect(titles.has(name), name).toBe(false);
      }

      for (const doc of docsUnder(VAULT)) expect(existsSync(join(out, doc.id.replace(/\.md$/, ".ts"))), doc.id).toBe(true);
      const ir = JSON.parse(cli(["ir", VAULT]).stdout) as { models: Model[] };
      expect(ir.models.reduce((n, m) => n + (m.kind === "object" ? m.fields.length : 0), 0)).toBe(4367);
      writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
      const checked = typecheck(out);
      expect(checked.output).toBe("");
      expect(checked.status).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("votes for apix from every directory", () => {
    const docs = docsUnder(VAULT);
    expect(detectDialect(docs).dialect.id).toBe("apix");
  });
});
