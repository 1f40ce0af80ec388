import { describe, expect, it } from "vitest";
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
    const { model, diagnostics } = readOne(table("| `a` | *Optional[str]* | :heavy_check_mark: | N/A |"));
    expect(model?.kind === "object" && model.fields[0]?.required).toBe(true);
    expect(ruleIds(diagnostics)).toEqual(["inconsistent-presence@7:9"]);
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
