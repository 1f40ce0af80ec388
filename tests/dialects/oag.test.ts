/**
 * The OAG dialect (grammar §0, §A): the row reader (robust split, Notes,
 * entities), enum forms, language sniffing, nullability under both
 * policies, property names, detection of the fixtures and corpus trees, and
 * the corpus folders generated with no config.
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectDialect } from "../../src/dialects/detect.js";
import { splitFieldRow, splitRow, readNotes } from "../../src/dialects/oag/rows.js";
import { sniffLanguage, voteLanguage } from "../../src/dialects/oag/sniff.js";
import { parseTypeSyntax } from "../../src/dialects/oag/type-syntax.js";
import type { Diagnostic } from "../../src/ir/diagnostics.js";
import type { Field, Model, ObjectModel, TypeRef } from "../../src/ir/ir.js";
import { DEFAULT_OPTIONS, type Options } from "../../src/ir/options.js";
import { readSources } from "../../src/io/sources.js";
import { readDoc, render } from "../../src/recipe.js";
import { HAS_CORPUS, ROOT, SHARED, ruleIds } from "../helpers.js";
import { typecheck } from "../typecheck.js";

const OAG: Options = { ...DEFAULT_OPTIONS, dialect: "oag" };

/** Reads one doc as an OAG doc of `language` (settled as prepare would). */
function read(source: string, language?: string, options: Partial<Options> = {}, id = "docs/Pet.md") {
  const result = readDoc(id, source, { ...OAG, ...options, ...(language ? { settled: { language } } : {}) });
  return { model: result.models[0], diagnostics: result.diagnostics };
}

function fieldsOf(model: Model | undefined): Record<string, Field> {
  expect(model?.kind).toBe("object");
  return Object.fromEntries((model as ObjectModel).fields.map((f) => [f.name, f]));
}

/** A compact spelling of a type, for assertions. */
function spell(t: TypeRef): string {
  switch (t.kind) {
    case "array":
      return `${spell(t.items)}[]`;
    case "record":
      return `Record<${spell(t.values)}>`;
    case "nullable":
      return `(${spell(t.type)})?`;
    case "union":
      return t.members.map(spell).join("|");
    case "ref":
      return `ref:${t.target}`;
    case "named":
      return `named:${t.name}`;
    case "literal":
      return JSON.stringify(t.value);
    case "unknown":
      return `unknown:${t.reason}`;
    case "string":
      return t.format ? `string<${t.format}>` : "string";
    default:
      return t.kind;
  }
}

const table = (rows: string) => `# Pet\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n${rows}\n`;

describe("oag rows: robust split (grammar §0.2, §0.3)", () => {
  it("splits pipe-less and pipe-wrapped rows, a trailing `| ` closing the row", () => {
    expect(splitRow("**id** | **str** |  | ").map((c) => c.raw)).toEqual(["**id**", "**str**", ""]);
    expect(splitRow("|**id** | **Long** | x |  [optional] |").map((c) => c.raw)).toEqual(["**id**", "**Long**", "x", "[optional]"]);
    expect(splitRow("a \\| b | c").map((c) => c.raw)).toEqual(["a \\| b", "c"]);
  });

  it("rebuilds Type cells that raw pipes split (typescript-axios)", () => {
    const parts = splitFieldRow("**names** | **Array&lt;string | null&gt;** | desc | [optional] [default to undefined]", 4);
    expect(parts?.type.raw).toBe("**Array&lt;string | null&gt;**");
    expect(parts?.description).toBe("desc");
    expect(parts?.notes.optional).toBe(true);
    const map = splitFieldRow("**labels** | **{ [key: string]: string | null; }** |  | [optional]", 4);
    expect(map?.type.raw).toBe("**{ [key: string]: string | null; }**");
  });

  it("keeps raw pipes of a description in the description; the last cell is Notes only when it matches", () => {
    const parts = splitFieldRow("**mode** | **String** | one of a | b | c |  [optional]", 4);
    expect(parts?.description).toBe("one of a | b | c");
    expect(parts?.notes.optional).toBe(true);
    const noNotes = splitFieldRow("**mode** | **String** | a | b", 4);
    expect(noNotes?.description).toBe("a | b");
    expect(noNotes?.notes.optional).toBe(false);
  });

  it("falls back to GFM's Type cell when nothing balances it", () => {
    expect(splitFieldRow("| **createdDate** | **kotlin.Long | Unix time |  |", 4)?.type.raw).toBe("**kotlin.Long");
  });
});

describe("oag notes (grammar §A.4)", () => {
  it("reads [optional], [readonly], defaults, with undefined/null defaults as noise", () => {
    expect(readNotes("[optional] [default to undefined]")).toEqual({ optional: true, readonly: false });
    expect(readNotes("[default to null]")).toEqual({ optional: false, readonly: false });
    expect(readNotes("[optional][readonly]")).toEqual({ optional: true, readonly: true });
    expect(readNotes(" [optional] [default to 'completion']")).toEqual({ optional: true, readonly: false, default: "'completion'" });
    expect(readNotes("[default to []]")).toEqual({ optional: false, readonly: false, default: "[]" });
    expect(readNotes("")).toEqual({ optional: false, readonly: false });
  });

  it("finds the Notes cell that a raw pipe inside a default split (`[default to 'a|b']`)", () => {
    const parts = splitFieldRow("**mode** | **str** |  | [optional] [default to 'a|b']", 4);
    expect(parts?.notes).toEqual({ optional: true, readonly: false, default: "'a|b'" });
    expect(parts?.description).toBe("");
    const described = splitFieldRow("**mode** | **str** | one | two | [default to 'a|b']", 4);
    expect(described?.description).toBe("one | two");
    expect(described?.notes.default).toBe("'a|b'");
  });

  it("reads python-prior's enum lists and server defaults", () => {
    expect(readNotes('[optional] must be one of ["a", "b", ] if omitted the server will use the default value of "a"')).toEqual({
      optional: true,
      readonly: false,
      oneOf: '"a", "b", ',
      serverDefault: '"a"',
    });
  });

  it("rejects a description", () => {
    expect(readNotes("The pet's name")).toBeUndefined();
  });
});

describe("oag type syntax (grammar §A.5)", () => {
  it("parses every language's container shapes", () => {
    expect(parseTypeSyntax("map[string][]Pet")?.kind).toBe("map");
    expect(parseTypeSyntax("{ [key: string]: Array<Pet | null>; }")?.kind).toBe("index");
    expect(parseTypeSyntax("std::collections::HashMap<String, models::Pet>")).toMatchObject({ kind: "name", name: "std::collections::HashMap", open: "<" });
    expect(parseTypeSyntax("\\OpenAPI\\Client\\Model\\Pet[]")?.kind).toBe("suffix");
    expect(parseTypeSyntax("{str: (bool, date, none_type,)}")?.kind).toBe("dict");
    expect(parseTypeSyntax("str, none_type")?.kind).toBe("alternatives");
    expect(parseTypeSyntax("interface { GetType() string }")?.kind).toBe("interface");
    expect(parseTypeSyntax("List[")).toBeUndefined();
  });
});

describe("oag model docs: types, entities, links", () => {
  it("decodes entities per cell and reads python types", () => {
    const { model, diagnostics } = read(
      table(
        [
          "**id** | **int** | The pet&#39;s id | ",
          "**tags** | **List[Optional[str]]** |  | [optional] ",
          "**owner** | [**Owner**](Owner.md) |  | [optional] ",
          "**friends** | [**List[Owner]**](Owner.md) |  | [optional] ",
          "**labels** | **Dict[str, str]** |  | [optional] ",
          "**born** | **datetime** |  | [optional] ",
          "**extra** | **object** |  | [optional] ",
        ].join("\n"),
      ),
      "python",
      { nullability: "as-documented" },
    );
    expect(diagnostics).toEqual([]);
    const f = fieldsOf(model);
    expect(f.id?.description).toBe("The pet's id");
    expect(f.id?.required).toBe(true);
    expect(Object.fromEntries(Object.entries(f).map(([k, v]) => [k, spell(v.type)]))).toEqual({
      id: "integer",
      tags: "(string)?[]",
      owner: "ref:docs/Owner.md",
      friends: "ref:docs/Owner.md[]",
      labels: "Record<string>",
      born: "string<date-time>",
      extra: "unknown:any",
    });
  });

  it("uses links as hints only: an empty link, a built-in's link and a link not named after the model", () => {
    const { model } = read(
      table(
        [
          "**a** | Option<[**serde_json::Value**](.md)> |  | [optional]",
          "**b** | Option<[**models::PetToy**](Pet_toy.md)> |  | [optional]",
          "**c** | [**Vec<models::Owner>**](Owner.md) |  | ",
        ].join("\n"),
      ),
      "rust",
      { nullability: "as-documented" },
    );
    const f = fieldsOf(model);
    expect(spell(f.a?.type as TypeRef)).toBe("unknown:any");
    expect(spell(f.b?.type as TypeRef)).toBe("named:PetToy");
    expect(spell(f.c?.type as TypeRef)).toBe("ref:docs/Owner.md[]");
  });

  it("reports an unreadable type at its cell", () => {
    const { diagnostics } = read(table("**a** | **List[** |  | "), "python");
    expect(ruleIds(diagnostics)).toEqual(["unknown-type@7:9"]);
  });

  it("takes the model name from each language's H1 shape", () => {
    for (const [h1, language] of [
      ["# # Pet", "php"],
      ["# Acme::Pet", "ruby"],
      ["# acme.model.Pet", "dart"],
      ["# Acme.Client.Model.Pet", "csharp"],
      ["# AcmeClient.Pet", "javascript"],
    ] as const) {
      const { model } = read(table("**id** | **String** |  | ").replace("# Pet", h1), language);
      expect(model?.name, h1).toBe("Pet");
    }
  });
});

describe("oag docs that are no models (grammar §A.1, §0.5)", () => {
  it("skips API docs and READMEs with a not-a-model info", () => {
    const api = read("# PetsApi\n\nAll URIs are relative to *https://x*\n\nMethod | HTTP request | Description\n--- | --- | ---\n", "go", {}, "docs/PetsApi.md");
    expect(api.model).toBeUndefined();
    expect(ruleIds(api.diagnostics)).toEqual(["not-a-model@1:1"]);
    const readme = read("# client\n\n## Documentation for Models\n", "go", {}, "README.md");
    expect(ruleIds(readme.diagnostics)).toEqual(["not-a-model@1:1"]);
  });

  it("skips an index page without a model section; reads a Genesys front-matter title", () => {
    const index = read("# Models\n\n- [Pet](Pet.md)\n", "go", {}, "docs/index.md");
    expect(index.model).toBeUndefined();
    expect(ruleIds(index.diagnostics)).toEqual(["not-a-model@1:1"]);
    const genesys = read("---\ntitle: Pet\n---\n\n## Properties\n\n|Name | Type | Description | Notes|\n|------------ | ------------- | ------------- | -------------|\n| **id** | **string** |  | [optional] |\n", "genesys");
    expect(genesys.model?.name).toBe("Pet");
  });

  it("ignores Go's methods and the example and back-link boilerplate", () => {
    const { model } = read(`${table("**Id** | **string** |  | ")}\n## Methods\n\n### GetId\n\n\`func (o *Pet) GetId() string\`\n\n[[Back to Model list]](../README.md)\n`, "go");
    expect((model as ObjectModel).fields.map((f) => f.name)).toEqual(["Id"]);
    expect(model?.description).toBeUndefined();
  });
});

describe("oag enums (grammar §A.6)", () => {
  it("reads `## Enum` bullets, strings and numbers", () => {
    const { model } = read("# PetStatus\n\n## Enum\n\n* `AVAILABLE` (value: `'available'`)\n\n* `ON_MINUS_HOLD` (value: `\"on-hold\"`)\n", "python");
    expect(model).toMatchObject({ kind: "enum", base: "string", values: [{ name: "AVAILABLE", value: "available" }, { name: "ON_MINUS_HOLD", value: "on-hold" }] });
    const numbers = read("# Level\n\n## Enum\n\n* `NUMBER_1` (value: `1`)\n\n* `NUMBER_2` (value: `2`)\n", "go");
    expect(numbers.model).toMatchObject({ kind: "enum", base: "integer", values: [{ value: 1 }, { value: 2 }] });
  });

  it("reads Kotlin's indented bullets (an indented code block)", () => {
    const { model } = read('# Gender\n\n## Enum\n\n\n    * `MALE` (value: `"MALE"`)\n\n    * `NON_MINUS_BINARY` (value: `"NON-BINARY"`)\n', "kotlin");
    expect(model).toMatchObject({ kind: "enum", values: [{ value: "MALE" }, { value: "NON-BINARY", place: { line: 8, column: 5 } }] });
  });

  it("reads Rust's `## Enum Variants`: values, or a union of members", () => {
    const values = read("# Status\n\n## Enum Variants\n\n| Name | Value |\n|---- | -----|\n| Foo | foo |\n| Bar | bar |\n", "rust");
    expect(values.model).toMatchObject({ kind: "enum", values: [{ name: "Foo", value: "foo" }, { name: "Bar", value: "bar" }] });
    const union = read("# Toy\n\n## Enum Variants\n\n| Name | Description |\n|---- | -----|\n| Ball |  |\n| Vec<String> |  |\n", "rust");
    expect(union.model?.kind).toBe("union");
    expect(union.model?.kind === "union" && union.model.members.map((m) => spell(m.type))).toEqual(["named:Ball", "string[]"]);
  });

  it("reads python-prior's single `value` row", () => {
    const { model } = read(table('**value** | **str** |  | must be one of ["A", "B", ]'), "python-prior");
    expect(model).toMatchObject({ kind: "enum", values: [{ value: "A" }, { value: "B" }] });
  });

  it("makes an empty table in php/ruby/csharp/dart an unknown type with enum-values-lost; elsewhere an empty object", () => {
    const php = read("# # Status\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\n", "php");
    expect(php.model?.kind).toBe("opaque");
    expect(ruleIds(php.diagnostics)).toEqual(["enum-values-lost@5:1"]);
    const py = read("# Empty\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\n", "python");
    expect(py.model).toMatchObject({ kind: "object", fields: [] });
  });

  it("attaches Java inline enums (`## Enum: KindEnum`) to their field, HTML-escaped values decoded", () => {
    const source = `${table("|**kind** | [**KindEnum**](#KindEnum) | kind |  |").replace(/\n\|\*\*/, "\n|**")}\n\n## Enum: KindEnum\n\n| Name | Value |\n|---- | -----|\n| PAGEVIEW | &quot;pageview&quot; |\n| CLICK | &quot;click&quot; |\n`;
    const { model } = read(source, "java", { nullability: "as-documented" });
    expect(spell(fieldsOf(model).kind?.type as TypeRef)).toBe('"pageview"|"click"');
  });

  it("puts a Java inline enum where its name stands: `List<NumEnum>` is a list of its values; a bare number among quoted strings is a number", () => {
    const source = `${table("|**nums** | [**List&lt;NumEnum&gt;**](#List&lt;NumEnum&gt;) |  |  [optional] |")}\n\n## Enum: List&lt;NumEnum&gt;\n\n| Name | Value |\n|---- | -----|\n| ONE | &quot;one&quot; |\n| TEN | 10 |\n`;
    const { model } = read(source, "java", { nullability: "as-documented" });
    expect(spell(fieldsOf(model).nums?.type as TypeRef)).toBe('"one"|10[]');
  });

  it("reads bare table values as Speakeasy's do: numbers only when every one is (Rust `foo`, `10` are two strings)", () => {
    const mixed = read("# Kind\n\n## Enum Variants\n\n| Name | Value |\n|---- | -----|\n| Foo | foo |\n| Num | 10 |\n", "rust");
    expect(mixed.model).toMatchObject({ kind: "enum", base: "string", values: [{ value: "foo" }, { value: "10" }] });
    const numbers = read("# Code\n\n## Enum Variants\n\n| Name | Value |\n|---- | -----|\n| One | 1 |\n| Two | 2 |\n", "rust");
    expect(numbers.model).toMatchObject({ kind: "enum", base: "integer", values: [{ value: 1 }, { value: 2 }] });
  });

  it("attaches Kotlin inline enums (`[**inline**](#State)`, one comma-joined row)", () => {
    const source = `${table("| **state** | [**inline**](#State) | State |  |")}\n\n<a id="State"></a>\n## Enum: state\n| Name | Value |\n| ---- | ----- |\n| state | ENABLED, DISABLED |\n`;
    const { model } = read(source, "kotlin", { nullability: "as-documented" });
    expect(spell(fieldsOf(model).state?.type as TypeRef)).toBe('"ENABLED"|"DISABLED"');
  });

  it("attaches JavaScript inline enums (`## Enum: StatusEnum` bullets) by the field's name", () => {
    const source = `${table("**status** | **String** |  | [optional] ")}\n\n## Enum: StatusEnum\n\n\n* \`available\` (value: \`"available"\`)\n\n* \`sold\` (value: \`"sold"\`)\n`;
    const { model } = read(source, "javascript", { nullability: "as-documented" });
    expect(spell(fieldsOf(model).status?.type as TypeRef)).toBe('"available"|"sold"');
  });
});

describe("oag nullability (grammar §A.4, §0.7)", () => {
  const go = `${table(["**Id** | **string** |  | ", "**Name** | Pointer to **NullableString** |  | [optional] ", "**Tags** | Pointer to **[]string** |  | [optional] ", "**Owner** | Pointer to [**NullableOwner**](Owner.md) |  | [optional] "].join("\n"))}\n## Methods\n\n### SetTagsNil\n\n\`func (o *Pet) SetTagsNil(b bool)\`\n`;
  const rust = table(["**id** | **String** |  | ", "**name** | Option<**String**> |  | ", "**tag** | Option<**String**> |  | [optional]"].join("\n"));
  const ts = table(["**id** | **string** |  | [default to undefined]", "**names** | **Array&lt;string | null&gt;** |  | [optional] [default to undefined]"].join("\n"));

  it("as-documented: only Nullable*, Set…Nil, Option<> on required rows and generics", () => {
    const opts = { nullability: "as-documented" as const };
    const g = fieldsOf(read(go, "go", opts).model);
    expect([g.Id, g.Name, g.Tags, g.Owner].map((f) => spell(f?.type as TypeRef))).toEqual(["string", "(string)?", "(string[])?", "(ref:docs/Owner.md)?"]);
    const r = fieldsOf(read(rust, "rust", opts).model);
    expect([r.id, r.name, r.tag].map((f) => spell(f?.type as TypeRef))).toEqual(["string", "(string)?", "string"]);
    expect(r.name?.required).toBe(true);
    const t = fieldsOf(read(ts, "typescript-axios", opts).model);
    expect([t.id, t.names].map((f) => spell(f?.type as TypeRef))).toEqual(["string", "(string)?[]"]);
  });

  it("lenient: null also wherever the language cannot say (python/ts fields, rust optional rows, Go optional fields that are no Nullable*)", () => {
    const g = fieldsOf(read(go, "go").model);
    expect(spell(g.Id?.type as TypeRef)).toBe("string");
    // A Go pointer decodes JSON null as nil: an optional `Pointer to **string**` does not say it is never null.
    const pointer = fieldsOf(read(table("**Id** | **string** |  | \n**Reason** | Pointer to **string** |  | [optional] "), "go").model);
    expect([pointer.Id, pointer.Reason].map((f) => spell(f?.type as TypeRef))).toEqual(["string", "(string)?"]);
    const documented = fieldsOf(read(table("**Reason** | Pointer to **string** |  | [optional] "), "go", { nullability: "as-documented" }).model);
    expect(spell(documented.Reason?.type as TypeRef)).toBe("string");
    const r = fieldsOf(read(rust, "rust").model);
    expect([r.id, r.tag].map((f) => spell(f?.type as TypeRef))).toEqual(["string", "(string)?"]);
    const t = fieldsOf(read(ts, "typescript-axios").model);
    expect([t.id, t.names].map((f) => spell(f?.type as TypeRef))).toEqual(["(string)?", "((string)?[])?"]);
  });
});

describe("oag docs of a language nothing tells (swift5, elixir, …)", () => {
  it("reads the spellings every client shares, and says the language was not told", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mdtypes-oag-generic-"));
    try {
      writeFileSync(join(dir, "Pet.md"), `# Pet\n\n## Properties\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**id** | **Int64** |  | [optional] \n**name** | **String** |  | \n**photoUrls** | **[String]** |  | \n**tags** | [**[Tag]**](Tag.md) |  | [optional] \n**born** | **Date** |  | [optional] \n**score** | **Double** |  | [optional] \n**ok** | **Bool** |  | [optional] \n`);
      writeFileSync(join(dir, "Tag.md"), `# Tag\n\n## Properties\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**id** | **Int64** |  | [optional] \n`);
      const result = await render(dir, { ...DEFAULT_OPTIONS, nullability: "as-documented" });
      expect(result.options).toMatchObject({ dialect: "oag" });
      expect(result.options.settled?.language).toBeUndefined();
      const pet = fieldsOf(result.program.models.find((m) => m.name === "Pet"));
      expect(Object.values(pet).map((f) => `${f.name}:${spell(f.type)}`)).toEqual(["id:integer", "name:string", "photoUrls:string[]", "tags:ref:Tag.md[]", "born:string<date-time>|string<date>", "score:number", "ok:boolean"]);
      expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
      expect(result.diagnostics.find((d) => d.ruleId === "dialect-limits")?.message).toMatch(/the client language, which nothing in the docs tells/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("oag property names (grammar §A.3)", () => {
  it("undoes Rust's r# and typescript-axios's reserved-word escapes, keeping wire names with a leading _", () => {
    const r = read(table("**r#type** | Option<**String**> |  | [optional]"), "rust").model as ObjectModel;
    expect(r.fields[0]).toMatchObject({ name: "type", sdkName: "r#type" });
    const t = read(table(["**_options** | **string** |  | [optional]", "**_errors** | **string** |  | [optional]"].join("\n")), "typescript-axios").model as ObjectModel;
    expect(t.fields.map((f) => f.name)).toEqual(["options", "_errors"]);
  });

  it("converts names under a policy, keeping the SDK name", () => {
    const g = read(table("**ActionType** | **int32** |  | "), "go", { propertyNames: "snake_case" }).model as ObjectModel;
    expect(g.fields[0]).toMatchObject({ name: "action_type", sdkName: "ActionType" });
  });
});

describe("oag language sniffing (grammar §A.7)", () => {
  const samples: Record<string, string> = {
    genesys: "---\ntitle: Pet\n---\n## Pet\n",
    go: table("**Id** | Pointer to **string** |  | [optional] "),
    rust: table("**id** | Option<**String**> |  | [optional]"),
    php: "# # Pet\n",
    kotlin: table("| **id** | **kotlin.String** |  |  |"),
    dart: "# pkg.model.Pet\n\n## Load the model package\n```dart\nimport 'package:pkg/api.dart';\n```\n",
    "dart-dio": "# pkg.model.Pet\n\n## Load the model package\n```dart\nimport 'package:pkg/api.dart';\n```\n" + table("**tags** | **BuiltList&lt;String&gt;** |  | [optional] "),
    ruby: "# Acme::Pet\n",
    "typescript-axios": table("**id** | **string** |  | [default to undefined]"),
    "typescript-fetch": "# Pet\n\n## Properties\n\nName | Type\n------------ | -------------\n`id` | string\n",
    python: table("**tags** | **List[str]** |  | [optional] "),
    "python-prior": table("**tags** | **[str]** |  | [optional] "),
    csharp: "# Acme.Client.Model.Pet\n",
    javascript: "# AcmeClient.Pet\n",
    java: "# Pet\n\n|**id** | **Long** |  |  |\n",
  };
  it.each(Object.entries(samples))("%s", (language, source) => {
    expect(sniffLanguage(source)).toBe(language);
  });

  it("votes per directory; directories that disagree are reported", () => {
    const verdict = voteLanguage([
      { id: "a/One.md", source: samples.go as string },
      { id: "a/Two.md", source: samples.go as string },
      { id: "a/Three.md", source: samples.rust as string },
    ]);
    expect(verdict.language).toBe("go");
    expect(verdict.other).toBeUndefined();
    expect(voteLanguage([...[1, 2].map((i) => ({ id: `a/${i}.md`, source: samples.go as string })), { id: "b/1.md", source: samples.rust as string }]).other?.language).toBe("rust");
    // READMEs and API docs do not vote: their code samples may look like another language.
    const api = `# PetsApi\n\nAll URIs are relative to *https://x*\n\n\`\`\`python\nimport x\n\`\`\`\n`;
    expect(voteLanguage([{ id: "README.md", source: api }, { id: "docs/PetsApi.md", source: api }, { id: "docs/Pet.md", source: samples["python-prior"] as string }])).toMatchObject({
      language: "python-prior",
      votes: [["python-prior", 1]],
    });
  });
});

const FIXTURES = ["python", "go", "rust", "typescript-axios"];

describe("oag fixtures", () => {
  it.each(FIXTURES)("detection picks oag/%s with no config", async (language) => {
    const input = join(ROOT, "fixtures", "dialects", `oag-${language}`);
    const sources = await readSources(input, []);
    expect(detectDialect(sources).dialect.id).toBe("oag");
    const result = await render(input, DEFAULT_OPTIONS);
    expect(result.options.settled?.language).toBe(language);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const skipped = result.diagnostics.filter((d) => d.ruleId === "not-a-model").map((d) => d.file.slice(input.length + 1));
    expect(skipped.sort()).toEqual(["README.md", `docs/${language === "go" ? "PetsAPI" : "PetsApi"}.md`]);
    expect(result.diagnostics.filter((d) => d.ruleId === "dialect-limits")).toHaveLength(1);
    expect(result.diagnostics.filter((d) => d.ruleId === "sdk-property-names")).toHaveLength(language === "go" ? 1 : 0);
  });

  it("oag does not claim the other dialects' fixtures", async () => {
    const others = readdirSync(join(ROOT, "fixtures", "dialects")).filter((d) => !d.startsWith("oag"));
    for (const other of others) {
      const sources = await readSources(join(ROOT, "fixtures", "dialects", other), []);
      expect(detectDialect(sources).dialect.id, other).not.toBe("oag");
    }
  });
});

// ---------------------------------------------------------------------------
// Corpus
// ---------------------------------------------------------------------------

const CORPUS = join(SHARED, "corpus", "dialects");

/** What each OAG folder of the corpus gives with no config (measured; a change shows here). */
const EXPECTED: Readonly<Record<string, { language: string; docs: number; models: number; skipped: number; unknown: number; fields: number }>> = {
  "dc-api__dc-rest-python": { language: "python", docs: 460, models: 460, skipped: 0, unknown: 0, fields: 2930 },
  "dc-api__dc-rest-go": { language: "go", docs: 460, models: 460, skipped: 0, unknown: 0, fields: 2930 },
  "dc-api__dc-rest-rust": { language: "rust", docs: 460, models: 460, skipped: 0, unknown: 0, fields: 2590 },
  "dc-api__dc-rest-typescript-axios": { language: "typescript-axios", docs: 460, models: 460, skipped: 0, unknown: 0, fields: 2930 },
};

/** The folders whose type readers are another helper's: the shared framework must hold (detection, exit 0, one module per doc). */
const FRAMEWORK: Readonly<Record<string, string>> = {
  "tinyoverflow__discord-php": "php",
  "launchdarkly__api-client-java": "java",
  "testit-tms__api-client-dotnet": "csharp",
  "companybetatel__esim-sdk-kotlin": "kotlin",
  RustLangLatam__peertube_api_sdk_dart: "dart-dio",
  "flowmo-ai__open_ai_client": "ruby",
};

function cli(args: readonly string[]) {
  return spawnSync(process.execPath, [join(ROOT, "bin", "mdtypes.js"), ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
}

/** Generates a corpus folder with no config; returns the report, the IR and the output folder (removed by the caller). */
function generate(folder: string) {
  const input = join(CORPUS, folder);
  const out = mkdtempSync(join(tmpdir(), "mdtypes-oag-"));
  const run = cli(["generate", input, "--out", out, "--reporter", "json", "--no-cache"]);
  const report = JSON.parse(run.stdout) as { diagnostics: Diagnostic[]; targets: { language: string; dialect: string; stats: { docs: number; models: number } }[] };
  const ir = JSON.parse(cli(["ir", input]).stdout) as { models: Model[] };
  return { run, report, ir, out };
}

if (!HAS_CORPUS || !existsSync(CORPUS)) {
  describe("oag corpus", () => {
    it.skip(`skipped: the shared corpus is not beside this checkout (looked in ${CORPUS})`, () => {});
  });
} else {
  describe("oag corpus: dc-api trees, no config", () => {
    it.each(Object.keys(EXPECTED))("%s", (folder) => {
      const expected = EXPECTED[folder] as (typeof EXPECTED)[string];
      const { run, report, ir, out } = generate(folder);
      try {
        expect(run.stderr).toBe("");
        expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(run.status).toBe(0);
        const target = report.targets[0];
        expect({ dialect: target?.dialect, language: target?.language }).toEqual({ dialect: "oag", language: expected.language });
        const skipped = report.diagnostics.filter((d) => d.ruleId === "not-a-model").length;
        const unknown = report.diagnostics.filter((d) => d.ruleId === "unknown-type").length;
        const fields = ir.models.reduce((n, m) => n + (m.kind === "object" ? m.fields.length : 0), 0);
        expect({ docs: target?.stats.docs, models: target?.stats.models, skipped, unknown, fields }).toEqual({
          docs: expected.docs,
          models: expected.models,
          skipped: expected.skipped,
          unknown: expected.unknown,
          fields: expected.fields,
        });
        expect(unknown / fields).toBeLessThanOrEqual(0.01);
        writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
        const checked = typecheck(out);
        expect(checked.output).toBe("");
        expect(checked.status).toBe(0);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  });

  describe("oag corpus: the framework holds for the other languages' trees", () => {
    it.each(Object.keys(FRAMEWORK))("%s", (folder) => {
      const { run, report, ir, out } = generate(folder);
      try {
        expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(run.status).toBe(0);
        expect(report.targets[0]?.language).toBe(FRAMEWORK[folder]);
        // One model per doc: these trees hold model docs only.
        expect(report.targets[0]?.stats.models).toBe(report.targets[0]?.stats.docs);
        expect(ir.models.length).toBe(report.targets[0]?.stats.docs);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  });
}
