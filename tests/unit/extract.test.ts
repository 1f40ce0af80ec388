import { describe, expect, it } from "vitest";
import { DiagnosticSink } from "../../src/ir/diagnostics.js";
import { extractSpeakeasy } from "../../src/dialects/speakeasy/extract.js";
import { parse } from "../../src/stages/parse.js";
import { ruleIds } from "../helpers.js";

function extract(source: string, id = "models/doc.md") {
  const sink = new DiagnosticSink(id);
  const raw = extractSpeakeasy(id, source, parse(source), sink);
  return { raw, rules: ruleIds(sink.items) };
}

const FIELDS = "## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";

describe("speakeasy extract: document skeleton", () => {
  it("reads title, description and the Fields table", () => {
    const { raw, rules } = extract(`# Pet\n\nA pet.\n\nSecond paragraph.\n\n\n${FIELDS}| \`name\` | *str* | :heavy_check_mark: | The name. |`);
    expect(rules).toEqual([]);
    expect(raw).toMatchObject({ title: "Pet", titleDeprecated: false, description: "A pet.\n\nSecond paragraph.", place: { line: 1, column: 1 } });
    expect(raw?.body).toMatchObject({ kind: "fields", rows: [{ name: "name", required: true, description: "The name.", deprecated: false }] });
  });

  it("finds columns by header text, not position, and reads the Example column", () => {
    const { raw } = extract("# A\n\n## Fields\n\n| Type | Field | Example | Required | Description |\n| - | - | - | - | - |\n| *int* | `n` | 5 | :heavy_minus_sign: | N/A |");
    expect(raw?.body).toMatchObject({ kind: "fields", rows: [{ name: "n", required: false, example: "5", type: { text: "int" } }] });
    expect(raw?.body.kind === "fields" && raw.body.rows[0]?.description).toBeUndefined();
  });

  it("marks deprecated models (struck title and warning blockquote)", () => {
    const { raw } = extract("# ~~Old~~\n\nGone soon.\n\n> :warning: **DEPRECATED**: Use New instead.\n\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |");
    expect(raw).toMatchObject({ title: "Old", titleDeprecated: true, description: "Gone soon.", deprecation: { message: "Use New instead." } });
  });

  it("keeps GitHub alert blockquotes and lists in the description", () => {
    const { raw } = extract("# A\n\nIntro.\n\n* one\n* two\n\n> [!WARNING]\n> Careful.\n\n## Values\n\n- `\"x\"`");
    expect(raw?.description).toBe("Intro.\n\n* one\n* two\n\n> [!WARNING]\n> Careful.");
  });

  it("reads an indented description (parsed as code) as text", () => {
    const { raw } = extract("# A\n\n    Indented four spaces.\n    Two lines.\n\n## Values\n\n- `1`");
    expect(raw?.description).toBe("Indented four spaces.\nTwo lines.");
  });

  it("reads deprecated fields and their message", () => {
    const row = "| ~~`old`~~ | *str* | :heavy_check_mark: | : warning: ** DEPRECATED **: This will be removed.<br/><br/>The old one. |";
    const { raw } = extract(`# A\n\n${FIELDS}${row}`);
    expect(raw?.body).toMatchObject({ kind: "fields", rows: [{ name: "old", deprecated: true, deprecationMessage: "This will be removed.", description: "The old one." }] });
  });

  it("turns <br/> into newlines and \\| into pipes in descriptions and examples", () => {
    const { raw } = extract("# A\n\n## Fields\n\n| Field | Type | Required | Description | Example |\n| - | - | - | - | - |\n| `a` | *str* | :heavy_check_mark: | x \\| y<br/>z<br />w | {<br/>\"k\": 1<br/>} |");
    expect(raw?.body).toMatchObject({ kind: "fields", rows: [{ description: "x | y\nz\nw", example: '{\n"k": 1\n}' }] });
  });

  it("reads type cells from the raw source", () => {
    const { raw } = extract(`# A\n\n${FIELDS}| \`s\` | *Literal["__encrypted__"]* | :heavy_check_mark: | N/A |`);
    expect(raw?.body.kind === "fields" && raw.body.rows[0]?.type).toEqual({ text: 'Literal["__encrypted__"]', links: [] });
  });

  it("skips non-model docs with an info diagnostic", () => {
    const retry = "# RetryConfig\n\n## Fields\n\n| Name | Type | Description | Example |\n| - | - | - | - |\n| `strategy` | `*str*` | The strategy. | `backoff` |";
    expect(extract(retry)).toEqual({ raw: undefined, rules: ["not-a-model@1:1"] });
    expect(extract("## Options\n\nSome Go options.")).toEqual({ raw: undefined, rules: ["not-a-model@1:1"] });
  });

  it("reports a model section without a title", () => {
    expect(extract(`Text.\n\n${FIELDS}| \`a\` | *str* | :heavy_check_mark: | N/A |`).rules).toEqual(["missing-title@1:1"]);
  });

  it("reports unknown and conflicting sections", () => {
    const { raw, rules } = extract(`# A\n\n${FIELDS}| \`a\` | *str* | :heavy_check_mark: | N/A |\n\n## Values\n\n- \`"x"\`\n\n## Notes\n\nHi.`);
    expect(raw?.body.kind).toBe("fields");
    expect(rules).toEqual(["conflicting-sections@9:1", "unknown-section@13:1"]);
  });

  it("reports malformed tables and rows", () => {
    expect(extract("# A\n\n## Fields\n\n| Name | Kind |\n| - | - |\n| `a` | b |").rules).toEqual(["malformed-table@5:1"]);
    expect(extract(`# A\n\n${FIELDS}| \`a\` | *str* | perhaps | N/A |\n|  | *str* | :heavy_check_mark: | N/A |`).rules).toEqual(["malformed-row@7:17", "malformed-row@8:1"]);
  });
});

describe("speakeasy extract: enums", () => {
  it("reads the table form, untyped, with open-enum marker rows", () => {
    const { raw } = extract("# E\n\nThis is an open enum. Unrecognized values will be captured as the `Unrecognized<string>` branded type.\n\n## Values\n\n| Name | Value |\n| - | - |\n| `A` | a |\n| `EMPTY` |  |\n| `STAR` | * |\n| `PIPE` | x\\|y |\n| - | `Unrecognized<string>` |");
    expect(raw?.body).toMatchObject({
      kind: "values",
      open: true,
      values: [
        { name: "A", text: "a", typed: "untyped" },
        { name: "EMPTY", text: "", typed: "untyped" },
        { name: "STAR", text: "*", typed: "untyped" },
        { name: "PIPE", text: "x|y", typed: "untyped" },
      ],
    });
  });

  it("reads the list form with its open-enum note", () => {
    const { raw } = extract('# E\n\n## Values\n\nThis is an open enum. Unrecognized values will not fail type checks.\n\n- `"QUEUED"`\n- `"a \\"b\\""`\n- `100`');
    expect(raw?.body).toMatchObject({
      kind: "values",
      open: true,
      values: [
        { text: "QUEUED", typed: "string" },
        { text: 'a "b"', typed: "string" },
        { text: "100", typed: "number" },
      ],
    });
  });

  it("reads the TypeScript code form", () => {
    const { raw } = extract('# E\n\n## Values\n\n```typescript\n"write" | "read" | 413 | Unrecognized<string>\n```');
    expect(raw?.body).toMatchObject({
      kind: "values",
      open: true,
      values: [
        { text: "write", typed: "string" },
        { text: "read", typed: "string" },
        { text: "413", typed: "number" },
      ],
    });
  });

  it("reads Example Usage blocks", () => {
    const { raw } = extract('# E\n\n## Example Usage\n\n```typescript\nlet value: E = "a";\n```\n\n## Values\n\n- `"a"`');
    expect(raw?.examples).toEqual([{ lang: "typescript", code: 'let value: E = "a";' }]);
  });
});

describe("speakeasy extract: unions", () => {
  it("reads H3 members, code spans or plain, with optional code blocks", () => {
    const { raw } = extract("# U\n\n## Supported Types\n\n### `models.A`\n\n```python\nvalue: models.A = /* values here */\n```\n\n### `str`\n\n### One\n\n```go\nx\n```");
    expect(raw?.body).toMatchObject({
      kind: "union",
      members: [
        { heading: { text: "models.A" }, headingIsCode: true, code: { lang: "python" }, place: { line: 5, column: 1 } },
        { heading: { text: "str" }, headingIsCode: true },
        { heading: { text: "One" }, headingIsCode: false, code: { lang: "go" } },
      ],
    });
  });
});
