import { describe, expect, it } from "vitest";
import { camelCase, snakeCase } from "../../src/ir/property-names.js";
import { readOne, ruleIds } from "../helpers.js";

const table = (rows: string) => `# M\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n${rows}`;

describe("speakeasy build IR: objects", () => {
  it("keeps the four presence and nullability states apart", () => {
    const { model } = readOne(
      table(
        [
          "| `a` | *str* | :heavy_check_mark: | N/A |",
          "| `b` | *Nullable[str]* | :heavy_check_mark: | N/A |",
          "| `c` | *Optional[str]* | :heavy_minus_sign: | N/A |",
          "| `d` | *OptionalNullable[str]* | :heavy_minus_sign: | N/A |",
          "| `e` | List[*str*] | :heavy_minus_sign: | N/A |",
        ].join("\n"),
      ),
      "models/doc.md",
      { nullability: "as-documented" },
    );
    expect(model?.kind === "object" && model.fields.map((f) => [f.name, f.required, f.type])).toEqual([
      ["a", true, { kind: "string" }],
      ["b", true, { kind: "nullable", type: { kind: "string" } }],
      ["c", false, { kind: "string" }],
      ["d", false, { kind: "nullable", type: { kind: "string" } }],
      ["e", false, { kind: "array", items: { kind: "string" } }],
    ]);
  });

  it("lets the Required column win over the wrapper, with a warning", () => {
    const { model, diagnostics } = readOne(table("| `a` | *Nullable[str]* | :heavy_minus_sign: | N/A |"));
    expect(model?.kind === "object" && model.fields[0]?.required).toBe(false);
    expect(ruleIds(diagnostics)).toEqual(["inconsistent-presence@7:9"]);
  });

  it("reads Optional[..] on a required field as required and nullable, as 2023-era docs write it, without a warning", () => {
    const { model, diagnostics } = readOne(table("| `a` | *Optional[str]* | :heavy_check_mark: | N/A |\n| `b` | [Optional[models.B]](b.md) | :heavy_check_mark: | N/A |"));
    expect(model).toMatchObject({ fields: [{ required: true, type: { kind: "nullable", type: { kind: "string" } } }, { required: true, type: { kind: "nullable", type: { kind: "ref" } } }] });
    expect(diagnostics).toEqual([]);
  });

  it("reads an `AdditionalProperties` row that is no map as an ordinary field", () => {
    const { model } = readOne(table("| `AdditionalProperties` | []*int64* | :heavy_check_mark: | N/A |\n| `AdditionalPropertiesT` | map[string]*string* | :heavy_minus_sign: | N/A |"), "models/doc.md", { flavour: "go" });
    expect(model).toMatchObject({ kind: "object", fields: [{ name: "AdditionalProperties", required: true, type: { kind: "array" } }, { name: "AdditionalPropertiesT" }] });
    expect(model && "additionalProperties" in model && model.additionalProperties).toBeFalsy();
    const map = readOne(table("| `AdditionalProperties` | map[string]*int64* | :heavy_minus_sign: | N/A |"), "models/doc.md", { flavour: "go" }).model;
    expect(map).toMatchObject({ fields: [], additionalProperties: { kind: "integer" } });
  });

  it("takes the type of extra keys as documented, not widened by the lenient policy", () => {
    const { model } = readOne(table("| `__pydantic_extra__` | Dict[str, *int*] | :heavy_minus_sign: | N/A |"), "models/doc.md", { nullability: "lenient" });
    expect(model).toMatchObject({ additionalProperties: { kind: "integer" } });
  });

  it("reads __pydantic_extra__ as the type of extra keys", () => {
    const { model } = readOne(table("| `a` | *str* | :heavy_check_mark: | N/A |\n| `__pydantic_extra__` | Dict[str, *int*] | :heavy_minus_sign: | N/A |"));
    expect(model).toMatchObject({ kind: "object", fields: [{ name: "a" }], additionalProperties: { kind: "integer" } });
  });

  it("reports a duplicate field and keeps the first", () => {
    const { model, diagnostics } = readOne(table("| `a` | *str* | :heavy_check_mark: | N/A |\n| `a` | *int* | :heavy_check_mark: | N/A |"));
    expect(model?.kind === "object" && model.fields.map((f) => f.type.kind)).toEqual(["string"]);
    expect(ruleIds(diagnostics)).toEqual(["duplicate-field@8:1"]);
    expect(diagnostics[0]?.cause).toMatchObject({ line: 7, column: 1 });
  });

  it("carries descriptions, examples and deprecation", () => {
    const { model } = readOne(
      "# M\n\n## Fields\n\n| Field | Type | Required | Description | Example |\n| - | - | - | - | - |\n| ~~`a`~~ | *str* | :heavy_check_mark: | : warning: ** DEPRECATED **: Use b.<br/><br/>The a. | x |",
    );
    expect(model).toMatchObject({ kind: "object", fields: [{ name: "a", description: "The a.", example: "x", deprecated: { message: "Use b." } }] });
  });
});

describe("speakeasy build IR: enums", () => {
  const values = (rows: string) => readOne(`# E\n\n## Values\n\n| Name | Value |\n| - | - |\n${rows}`);

  it("makes an all-integer table enum an integer enum", () => {
    expect(values("| `A` | 1 |\n| `B` | -2 |").model).toMatchObject({ kind: "enum", base: "integer", open: false, values: [{ name: "A", value: 1 }, { name: "B", value: -2 }] });
  });

  it("makes a table enum with any non-integer value a string enum", () => {
    expect(values("| `A` | auto |\n| `B` | 6 |").model).toMatchObject({ kind: "enum", base: "string", values: [{ value: "auto" }, { value: "6" }] });
    expect(values("| `A` | 007 |\n| `B` | 1.5 |").model).toMatchObject({ kind: "enum", base: "string", values: [{ value: "007" }, { value: "1.5" }] });
  });

  it("keeps typed values as typed (list form)", () => {
    expect(readOne('# E\n\n## Values\n\n- `"1"`\n- `"2"`').model).toMatchObject({ kind: "enum", base: "string", values: [{ value: "1" }, { value: "2" }] });
    expect(readOne("# E\n\n## Values\n\n- `200`\n- `404`").model).toMatchObject({ kind: "enum", base: "integer", values: [{ value: 200 }, { value: 404 }] });
  });

  it("drops duplicate values with a warning, and warns on an empty enum", () => {
    const dup = values("| `A` | a |\n| `B` | a |");
    expect(dup.model).toMatchObject({ values: [{ name: "A" }] });
    expect(ruleIds(dup.diagnostics)).toEqual(["duplicate-enum-value@8:1"]);
    expect(ruleIds(readOne("# E\n\n## Values\n").diagnostics)).toEqual(["empty-enum@3:1"]);
  });
});

describe("speakeasy build IR: unions and title-only docs", () => {
  it("reads union members with the flavour's grammar", () => {
    const { model } = readOne("# U\n\n## Supported Types\n\n### `models.A`\n\n### `List[str]`\n");
    expect(model).toMatchObject({
      kind: "union",
      members: [
        { label: "models.A", type: { kind: "named", name: "A", namespace: "models" } },
        { label: "List[str]", type: { kind: "array", items: { kind: "string" } } },
      ],
    });
  });

  it("makes a title-only doc opaque", () => {
    expect(readOne("# Undocumented\n\nA union the generator did not document.").model).toMatchObject({ kind: "opaque", name: "Undocumented", description: "A union the generator did not document." });
  });
});

describe("speakeasy build IR: options and flavours", () => {
  const pyTable = table(
    [
      "| `action_type` | *str* | :heavy_check_mark: | N/A |",
      "| `tags` | List[*str*] | :heavy_minus_sign: | N/A |",
      "| `maybe` | *OptionalNullable[int]* | :heavy_minus_sign: | N/A |",
      "| `count` | *Optional[int]* | :heavy_minus_sign: | N/A |",
    ].join("\n"),
  );

  it("propertyNames: camelCase and snake_case rename fields, keeping the SDK's name beside", () => {
    const { model } = readOne(pyTable, "models/doc.md", { propertyNames: "camelCase" });
    expect(model?.kind === "object" && model.fields.map((f) => [f.name, f.sdkName])).toEqual([["actionType", "action_type"], ["tags", undefined], ["maybe", undefined], ["count", undefined]]);
    const go = "# M\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `ActionType` | *string* | :heavy_check_mark: | N/A |\n| `ExternalID` | *string* | :heavy_check_mark: | N/A |";
    const snake = readOne(go, "models/doc.md", { flavour: "go", propertyNames: "snake_case" }).model;
    expect(snake?.kind === "object" && snake.fields.map((f) => [f.name, f.sdkName])).toEqual([["action_type", "ActionType"], ["external_id", "ExternalID"]]);
  });

  it("nullability: lenient (the default) allows null exactly where the flavour cannot say it", () => {
    const strict = readOne(pyTable, "models/doc.md", { nullability: "as-documented" }).model;
    const lenient = readOne(pyTable).model;
    const kinds = (m: typeof strict) => (m?.kind === "object" ? m.fields.map((f) => f.type.kind) : []);
    expect(kinds(strict)).toEqual(["string", "array", "nullable", "integer"]);
    expect(kinds(lenient)).toEqual(["string", "nullable", "nullable", "integer"]);
    const ts = "# M\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `a` | *string* | :heavy_check_mark: | N/A |";
    expect(kinds(readOne(ts, "models/doc.md", { flavour: "typescript" }).model)).toEqual(["nullable"]);
    expect(kinds(readOne(ts, "models/doc.md", { flavour: "typescript", nullability: "as-documented" }).model)).toEqual(["string"]);
    // A literal (a union's tag) is what the API sends: never made nullable by the policy.
    const tag = "# M\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `type` | *\"dog\"* | :heavy_check_mark: | N/A |";
    expect(kinds(readOne(tag, "models/doc.md", { flavour: "typescript" }).model)).toEqual(["literal"]);
  });

  it.each([
    ["camelCase", "camelCase"],
    ["action_type", "actionType"],
    ["ActionType", "actionType"],
    ["ACTION_TYPE", "actionType"],
    ["ExternalID", "externalId"],
    ["ID", "id"],
    ["files_0", "files0"],
    ["wait_", "wait"],
    ["__proto__", "__proto__"],
    ["_id", "_id"],
    ["$ref", "$ref"],
    ["@type", "@type"],
    ["address_line1", "addressLine1"],
    ["checksum_sha256_base64", "checksumSha256Base64"],
    ["content-type", "content-type"],
    ["1st", "1st"],
  ])("camelCase(%j) is %j", (name, expected) => {
    expect(camelCase(name)).toBe(expected);
  });

  it.each([
    ["snake_case", "snake_case"],
    ["actionType", "action_type"],
    ["ActionType", "action_type"],
    ["ACTION_TYPE", "action_type"],
    ["ExternalID", "external_id"],
    ["HTTPStatus", "http_status"],
    ["files0", "files0"],
    ["line1", "line1"],
    ["last4", "last4"],
    ["AddressLine1", "address_line1"],
    ["Field1Name", "field1_name"],
    ["V2", "v2"],
    ["checksum_sha256_base64", "checksum_sha256_base64"],
    ["_id", "_id"],
    ["__typename", "__typename"],
  ])("snakeCase(%j) is %j", (name, expected) => {
    expect(snakeCase(name)).toBe(expected);
  });

  it("a doc with a title only is opaque; a warning says so outside Java and Ruby", () => {
    const doc = "# Lonely\n\nJust a title.";
    expect(ruleIds(readOne(doc).diagnostics)).toEqual(["title-only@1:1"]);
    expect(readOne(doc, "models/doc.md", { flavour: "java" })).toMatchObject({ model: { kind: "opaque" }, diagnostics: [] });
    expect(readOne(doc, "models/doc.md", { flavour: "ruby" }).diagnostics).toEqual([]);
  });

  it("a doc with sections but no model section is not a model (Go's option.md)", () => {
    const { model, diagnostics } = readOne("# Options\n\n## Global Options\n\nText.\n\n### WithServerURL\n\n```go\nx\n```", "models/operations/option.md", { flavour: "go" });
    expect(model).toBeUndefined();
    expect(ruleIds(diagnostics)).toEqual(["not-a-model@1:1"]);
  });

  it("without a flavour, the first type to read reports unknown-flavour once per doc", () => {
    const { model, diagnostics } = readOne(pyTable, "models/doc.md", { flavour: "auto" });
    expect(ruleIds(diagnostics)).toEqual(["unknown-flavour@7:19"]);
    expect(model?.kind === "object" && model.fields.every((f) => f.type.kind === "unknown")).toBe(true);
  });

  it("C# and Python mark open enums in their examples", () => {
    const cs = "# Format\n\n## Example Usage\n\n```csharp\n// Open enum: use .Of() to create instances from custom string values\nvar value = Format.Json;\n```\n\n## Values\n\n| Name | Value |\n| - | - |\n| `Json` | json |";
    expect(readOne(cs, "Models/Components/Format.md", { flavour: "csharp" }).model).toMatchObject({ kind: "enum", open: true });
  });

  it("drops a union member with an empty heading and no code block", () => {
    const { model, diagnostics } = readOne("# U\n\n## Supported Types\n\n### `str`\n\n### \n", "models/doc.md");
    expect(model).toMatchObject({ kind: "union", members: [{ label: "str" }] });
    expect(ruleIds(diagnostics)).toEqual(["unknown-type@7:1"]);
  });
});
