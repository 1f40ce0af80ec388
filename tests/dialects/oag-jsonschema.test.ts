/**
 * The oag-jsonschema dialect (grammar §B): reading model docs with their
 * inline-schema sections, skipping API docs, detection (before oag), and
 * the shared corpus (`manyoo__experian-prequal`).
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { detectDialect, recognize } from "../../src/dialects/detect.js";
import { enumValues, keyOf } from "../../src/dialects/oag-jsonschema/build-ir.js";
import type { Diagnostic } from "../../src/ir/diagnostics.js";
import type { Model, ObjectModel, UnionModel } from "../../src/ir/ir.js";
import { DEFAULT_OPTIONS, type Options } from "../../src/ir/options.js";
import { readDoc, render } from "../../src/recipe.js";
import { HAS_CORPUS, ROOT, ruleIds, SHARED } from "../helpers.js";
import { typecheck } from "../typecheck.js";

const OPTIONS: Options = { ...DEFAULT_OPTIONS, dialect: "oag-jsonschema" };
const ID = "docs/models/Pet.md";
const INFO = "## Model Type Info\nInput Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n";
const KEYS = "### Dictionary Keys\nKey | Input Type | Accessed Type | Description | Notes\n------------ | ------------- | ------------- | ------------- | -------------\n";
const ITEMS = "### Tuple Items\nClass Name | Input Type | Accessed Type | Description | Notes\n------------- | ------------- | ------------- | ------------- | -------------\n";
const ANY = "dict, frozendict.frozendict, str, date, datetime, int, float, bool, decimal.Decimal, None, list, tuple, bytes, io.FileIO, io.BufferedReader | frozendict.frozendict, str, BoolClass, decimal.Decimal, NoneClass, tuple, bytes, FileIO";

function objectDoc(keys: string, more = ""): string {
  return `# petstore.model.pet.Pet\n\n${INFO}dict, frozendict.frozendict,  | frozendict.frozendict,  |  | \n\n${KEYS}${keys}\n${more}`;
}

function read(source: string, id = ID) {
  return readDoc(id, source, OPTIONS);
}

describe("oag-jsonschema: cells", () => {
  it("reads key cells and enum notes", () => {
    expect(keyOf("**name**")).toEqual({ name: "name" });
    expect(keyOf("**[tags](#tags)**")).toEqual({ name: "tags", anchor: "tags" });
    expect(keyOf("[**Pet**](Pet.md)")).toEqual({ name: "Pet" });
    expect(keyOf("[one_of_0](#one_of_0)")).toEqual({ name: "one_of_0", anchor: "one_of_0" });
    expect(enumValues('[optional] must be one of ["a", "b", ] ')).toEqual(["a", "b"]);
    expect(enumValues("must be one of [1, 2.5, None, True, ] ")).toEqual([1, 2.5, null, true]);
    expect(enumValues("[optional] ")).toBeUndefined();
  });
});

describe("oag-jsonschema: objects", () => {
  it("reads presence, types, nullability, enums and extra keys", () => {
    const keys = [
      "**name** | str,  | str,  | The pet&#x27;s name | ",
      "**id** | decimal.Decimal, int,  | decimal.Decimal,  |  | [optional] value must be a 64 bit integer",
      "**price** | decimal.Decimal, int, float,  | decimal.Decimal,  |  | [optional] ",
      "**ok** | bool,  | BoolClass,  |  | [optional] if omitted the server will use the default value of True",
      '**status** | str,  | str,  |  | [optional] must be one of ["on", "off", ] ',
      "**born** | str, date,  | str,  |  | [optional] value must conform to RFC-3339 full-date YYYY-MM-DD",
      "**seen** | None, str, datetime,  | NoneClass, str,  |  | [optional] value must conform to RFC-3339 date-time",
      "**category** | [**Category**](Category.md) | [**Category**](Category.md) |  | [optional] ",
      `**notes** | ${ANY} |  | [optional] `,
      `**any_string_name** | ${ANY} | any string name can be used but the value must be the correct type | [optional]`,
    ].join("\n");
    const { models, diagnostics } = read(objectDoc(keys));
    expect(diagnostics).toEqual([]);
    const model = models[0] as ObjectModel;
    expect(model.name).toBe("Pet");
    expect(model.fields.map((f) => [f.name, f.required])).toEqual([
      ["name", true],
      ["id", false],
      ["price", false],
      ["ok", false],
      ["status", false],
      ["born", false],
      ["seen", false],
      ["category", false],
      ["notes", false],
    ]);
    expect(model.fields[0]?.description).toBe("The pet's name");
    expect(model.fields.map((f) => f.type)).toEqual([
      { kind: "string" },
      { kind: "integer" },
      { kind: "number" },
      { kind: "boolean" },
      { kind: "union", members: [{ kind: "literal", value: "on" }, { kind: "literal", value: "off" }] },
      { kind: "string", format: "date" },
      { kind: "nullable", type: { kind: "string", format: "date-time" } },
      { kind: "ref", target: "docs/models/Category.md", text: { name: "Category" }, hint: true },
      { kind: "unknown", reason: "any" },
    ]);
    expect(model.additionalProperties).toEqual({ kind: "unknown", reason: "any" });
  });

  it("makes one model per inline-schema section and links the keys to them", () => {
    const keys = "**[tags](#tags)** | list, tuple, None,  | tuple, NoneClass,  |  | [optional] \n**[meta](#meta)** | dict, frozendict.frozendict,  | frozendict.frozendict,  |  | ";
    const sections = `# tags\n\n${INFO}list, tuple, None,  | tuple, NoneClass,  |  | \n\n${ITEMS}[**Tag**](Tag.md) | [**Tag**](Tag.md) | [**Tag**](Tag.md) |  | \n\n# meta\n\n${INFO}dict, frozendict.frozendict,  | frozendict.frozendict,  |  | \n\n${KEYS}**source** | str,  | str,  |  | \n`;
    const { models, diagnostics } = read(objectDoc(keys, sections));
    expect(diagnostics).toEqual([]);
    expect(models.map((m) => [m.id, m.name, m.kind])).toEqual([
      [ID, "Pet", "object"],
      [`${ID}#tags`, "tags", "union"],
      [`${ID}#meta`, "meta", "object"],
    ]);
    expect((models[0] as ObjectModel).fields.map((f) => f.type)).toEqual([
      { kind: "nullable", type: { kind: "ref", target: `${ID}#tags` } },
      { kind: "ref", target: `${ID}#meta` },
    ]);
    expect((models[1] as UnionModel).members[0]?.type).toEqual({ kind: "nullable", type: { kind: "array", items: { kind: "ref", target: "docs/models/Tag.md", text: { name: "Tag" }, hint: true } } });
  });

  it("reports an Input Type it cannot read", () => {
    const { diagnostics } = read(objectDoc("**when** | pendulum.DateTime,  | str,  |  | "));
    expect(ruleIds(diagnostics)).toEqual(["unknown-type@11:12"]);
  });
});

describe("oag-jsonschema: other schemas", () => {
  it("reads enums, aliases, arrays and composed schemas", () => {
    const enumDoc = `# petstore.model.status.Status\n\n${INFO}str,  | str,  |  | must be one of ["a", "b", ] if omitted the server will use the default value of "a"\n`;
    expect(read(enumDoc, "docs/models/Status.md").models[0]).toMatchObject({ kind: "enum", name: "Status", base: "string", values: [{ value: "a" }, { value: "b" }] });
    const alias = read(`# petstore.model.nick.Nick\n\n${INFO}None, str,  | NoneClass, str,  |  | \n`, "docs/models/Nick.md").models[0] as UnionModel;
    expect(alias.members.map((m) => m.type)).toEqual([{ kind: "nullable", type: { kind: "string" } }]);
    const composed = `# petstore.model.either.Either\n\n${INFO}${ANY} |  | \n\n### Composed Schemas (allOf/anyOf/oneOf/not)\n#### oneOf\nClass Name | Input Type | Accessed Type | Description | Notes\n------------- | ------------- | ------------- | ------------- | -------------\n[Pet](Pet.md) | [**Pet**](Pet.md) | [**Pet**](Pet.md) |  | \n[one_of_1](#one_of_1) | str,  | str,  |  | \n\n# one_of_1\n\n${INFO}str,  | str,  |  | \n`;
    const models = read(composed, "docs/models/Either.md").models;
    expect((models[0] as UnionModel).members.map((m) => m.type)).toEqual([
      { kind: "ref", target: "docs/models/Pet.md", text: { name: "Pet" }, hint: true },
      { kind: "ref", target: "docs/models/Either.md#one_of_1" },
    ]);
  });

  it("skips API docs", () => {
    const api = `# petstore.apis.tags.pet_api.PetApi\n\nMethod | HTTP request | Description\n------------- | ------------- | -------------\n[**add_pet**](#add_pet) | **post** /pet | Add a pet\n\n# AcceptSchema\n\n${INFO}str,  | str,  |  | \n\n### Return Types, Responses\n`;
    const { models, diagnostics } = read(api, "docs/apis/tags/PetApi.md");
    expect(models).toEqual([]);
    expect(ruleIds(diagnostics)).toEqual(["not-a-model@1:1"]);
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

describe("oag-jsonschema: detection", () => {
  const fixtures = join(ROOT, "fixtures", "dialects", "oag-jsonschema");

  it("picks oag-jsonschema for every fixture doc, with no config", async () => {
    for (const doc of docsUnder(fixtures)) expect(recognize(doc.source, doc.id)?.id, doc.id).toBe("oag-jsonschema");
    const result = await render(fixtures, DEFAULT_OPTIONS);
    expect(result.options.dialect).toBe("oag-jsonschema");
    expect(result.options.settled?.language).toBe("python");
    expect(result.stats).toMatchObject({ docs: 10, models: 14 });
    expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });

  it("claims no other fixture doc", () => {
    const others = docsUnder(join(ROOT, "fixtures")).filter((d) => !d.id.startsWith("dialects/oag-jsonschema/"));
    expect(others.length).toBeGreaterThan(0);
    for (const doc of others) expect(recognize(doc.source, doc.id)?.id, doc.id).not.toBe("oag-jsonschema");
  });
});

const EXPERIAN = join(SHARED, "corpus", "dialects", "manyoo__experian-prequal");

function cli(args: readonly string[]) {
  return spawnSync(process.execPath, [join(ROOT, "bin", "mdtypes.js"), ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
}

describe.skipIf(!HAS_CORPUS || !existsSync(EXPERIAN))("oag-jsonschema: the corpus docs (manyoo__experian-prequal), no config", () => {
  it("is read as oag-jsonschema python: one module per model doc, no unknown type, type-checks", () => {
    const out = mkdtempSync(join(tmpdir(), "mdtypes-jsonschema-"));
    try {
      const run = cli(["generate", EXPERIAN, "--out", out, "--reporter", "json", "--no-cache"]);
      const report = JSON.parse(run.stdout) as { diagnostics: Diagnostic[]; targets: { dialect: string; language: string; stats: { docs: number; models: number } }[] };
      expect(report.targets[0]).toMatchObject({ dialect: "oag-jsonschema", language: "python", stats: { docs: 40, models: 47 } });
      const count = (rule: string) => report.diagnostics.filter((d) => d.ruleId === rule).length;
      expect(count("not-a-model")).toBe(0);
      expect(count("unknown-type")).toBe(0);
      // The corpus holds 40 of the SDK's 79 model docs: links to the docs it left out are hints whose names find no doc:
      // warnings, the field `unknown`.
      expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(run.status).toBe(0);
      const unresolved = report.diagnostics.filter((d) => d.ruleId === "unresolved-name");
      expect(unresolved.length).toBe(21);
      const titles = new Set(docsUnder(EXPERIAN).map((doc) => /^# (.+)$/m.exec(doc.source)?.[1]?.split(".").pop()));
      for (const warning of unresolved) {
        expect(warning.severity).toBe("warning");
        const name = /^Unexpected `([^`]+)`/.exec(warning.message)?.[1];
        expect(titles.has(name), name).toBe(false);
      }

      for (const doc of docsUnder(EXPERIAN)) expect(existsSync(join(out, doc.id.replace(/\.md$/, ".ts"))), doc.id).toBe(true);
      const ir = JSON.parse(cli(["ir", EXPERIAN]).stdout) as { models: Model[] };
      expect(ir.models.reduce((n, m) => n + (m.kind === "object" ? m.fields.length : 0), 0)).toBe(145);
      writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
      const checked = typecheck(out);
      expect(checked.output).toBe("");
      expect(checked.status).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("votes for oag-jsonschema", () => {
    expect(detectDialect(docsUnder(EXPERIAN)).dialect.id).toBe("oag-jsonschema");
  });
});
