import { describe, expect, it } from "vitest";
import { python } from "../../src/dialects/speakeasy/python.js";
import type { TypeRef } from "../../src/ir/ir.js";
import type { TypeText } from "../../src/dialects/markdown.js";
import { parse } from "../../src/stages/parse.js";
import { typeTextOf } from "../../src/dialects/markdown.js";
import { typeContext } from "../helpers.js";

/** The Type cell of a one-row Fields table, read as the extract stage does. */
function cell(typeCell: string): TypeText {
  const source = `| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| \`f\` | ${typeCell} | :heavy_check_mark: | N/A |`;
  const table = parse(source).children[0];
  if (table?.type !== "table") throw new Error("no table");
  const typeNode = table.children[1]?.children[1];
  if (!typeNode) throw new Error("no cell");
  return typeTextOf(source, typeNode.children);
}

function field(typeCell: string, docId = "models/doc.md", required = false) {
  const ctx = typeContext(docId);
  const result = python.fieldType(cell(typeCell), ctx, required);
  return { ...result, rules: ctx.sink.items.map((d) => d.ruleId) };
}

const str: TypeRef = { kind: "string" };
/** A reference to `target` (what its link text names is checked on its own). */
const ref = (target: string): TypeRef => expect.objectContaining({ kind: "ref", target }) as TypeRef;

describe("python flavour: Type cells", () => {
  it.each<[string, TypeRef]>([
    ["*str*", str],
    ["*int*", { kind: "integer" }],
    ["*float*", { kind: "number" }],
    ["*bool*", { kind: "boolean" }],
    ["*Any*", { kind: "unknown", reason: "any" }],
    ["*bytes*", { kind: "string", format: "byte" }],
    ['*Literal["x"]*', { kind: "literal", value: "x" }],
    ["*Literal[1]*", { kind: "literal", value: 1 }],
    ["*Literal[True]*", { kind: "literal", value: true }],
    ["*Literal[False]*", { kind: "literal", value: false }],
    ['*Literal["__encrypted__"]*', { kind: "literal", value: "__encrypted__" }],
    ["List[*str*]", { kind: "array", items: str }],
    ["list[*str*]", { kind: "array", items: str }],
    ["List[List[*int*]]", { kind: "array", items: { kind: "array", items: { kind: "integer" } } }],
    ["Dict[str, *str*]", { kind: "record", values: str }],
    ["dict[str, *Any*]", { kind: "record", values: { kind: "unknown", reason: "any" } }],
    ["Dict[str, Any]", { kind: "record", values: { kind: "unknown", reason: "any" } }],
    ["list[dict[str, *Any*]]", { kind: "array", items: { kind: "record", values: { kind: "unknown", reason: "any" } } }],
    ["[models.X](../models/x.md)", ref("models/x.md")],
    ["List[[models.X](../models/x.md)]", { kind: "array", items: ref("models/x.md") }],
    ["Dict[str, [Nullable[models.X]](../models/x.md)]", { kind: "record", values: { kind: "nullable", type: ref("models/x.md") } }],
    ["[date](https://docs.python.org/3/library/datetime.html#date-objects)", { kind: "string", format: "date-time" }],
    ["[datetime](https://docs.python.org/3/library/datetime.html#datetime-objects)", { kind: "string", format: "date" }],
    ['*Union[Literal["function"], UnrecognizedStr]*', { kind: "union", members: [{ kind: "literal", value: "function" }, str] }],
  ])("reads %s", (text, type) => {
    const result = field(text);
    expect(result.type).toEqual(type);
    expect(result.presence).toBeUndefined();
    expect(result.rules).toEqual([]);
  });

  it("resolves links relative to the doc, across namespaces", () => {
    expect(field("[Optional[shared.X]](../../models/shared/x.md)", "operations/y.md").type).toEqual(ref("../models/shared/x.md"));
    expect(field("[X](../../models/shared/x.md)", "models/shared/y.md").type).toEqual(ref("models/shared/x.md"));
  });

  it("takes presence from the outer wrapper and nullability into the type", () => {
    expect(field("*Optional[str]*")).toMatchObject({ type: str, presence: "optional" });
    expect(field("*Nullable[str]*")).toMatchObject({ type: { kind: "nullable", type: str }, presence: "required" });
    expect(field("*OptionalNullable[str]*")).toMatchObject({ type: { kind: "nullable", type: str }, presence: "optional" });
    expect(field("[OptionalNullable[models.X]](x.md)", "doc.md")).toMatchObject({ type: { kind: "nullable", type: ref("x.md") }, presence: "optional" });
    expect(field('*Optional[Literal["x"]]*')).toMatchObject({ type: { kind: "literal", value: "x" }, presence: "optional" });
  });

  it("reads Optional[..] on a required field (2023) as nullable, with no presence to dispute", () => {
    expect(field("*Optional[str]*", "models/doc.md", true)).toMatchObject({ type: { kind: "nullable", type: str } });
    expect(field("*Optional[str]*", "models/doc.md", true).presence).toBeUndefined();
    expect(field("[Optional[shared.X]](../../models/shared/x.md)", "operations/y.md", true).type).toEqual({ kind: "nullable", type: ref("../models/shared/x.md") });
  });

  it("reads Literal[None] as null, Decimal as a big number", () => {
    expect(field("*OptionalNullable[Literal[None]]*")).toMatchObject({ type: { kind: "literal", value: null }, presence: "optional" });
    expect(field("*Literal[None]*").type).toEqual({ kind: "literal", value: null });
    expect(field("*Decimal*").type).toEqual({ kind: "union", members: [{ kind: "number" }, str] });
    expect(field("Dict[str, *Decimal*]").type).toEqual({ kind: "record", values: { kind: "union", members: [{ kind: "number" }, str] } });
  });

  it("reads a link over a whole type expression as the doc it links to (wrappers aside)", () => {
    expect(field("[Union[str, List[str]]](../../models/shared/tags.md)", "models/shared/w.md").type).toEqual(ref("models/shared/tags.md"));
    expect(field("Dict[str, [Union[str, List[str]]](../../models/shared/tags.md)]", "models/shared/w.md").type).toEqual({ kind: "record", values: ref("models/shared/tags.md") });
    expect(field("[Optional[Union[shared.A, str]]](../../models/shared/part.md)", "models/shared/w.md")).toMatchObject({ type: ref("models/shared/part.md"), presence: "optional" });
  });

  it("says when nullability goes unstated (lists, dicts, dates)", () => {
    expect(field("List[*str*]").nullabilityUnstated).toBe(true);
    expect(field("[date](https://docs.python.org/3/library/datetime.html#date-objects)").nullabilityUnstated).toBe(true);
    expect(field("*str*").nullabilityUnstated).toBeUndefined();
  });

  it("makes SDK runtime types unknown, with an info diagnostic", () => {
    expect(field("[httpx.Response](https://www.python-httpx.org/api/#response)")).toMatchObject({ type: { kind: "unknown", reason: "external" }, rules: ["external-type"] });
    expect(field("[requests.Response](https://requests.readthedocs.io/en/latest/api/#requests.Response)").rules).toEqual(["external-type"]);
    expect(field("*Optional[httpx.Response]*")).toMatchObject({ type: { kind: "unknown", reason: "external" }, presence: "optional" });
    expect(field("*Union[bytes, IO[bytes], io.BufferedReader]*").type).toMatchObject({ kind: "unknown", reason: "external" });
    // A library's type, named outside the SDK's model namespaces (2023 docs).
    expect(field("[requests_http.Response](https://requests.readthedocs.io/en/latest/api/#requests.Response)").rules).toEqual(["external-type"]);
    expect(field("*Optional[requests_http.Response]*").rules).toEqual(["external-type"]);
  });

  it("reports what it cannot read as unknown-type and reads it as unknown", () => {
    for (const text of ["*Tuple[int, str]*", "List[*str*", "*Literal[str]*", "*Dict[str]*", "*wat*", "", "*1*"]) {
      const result = field(text);
      expect(result.type, text).toMatchObject({ kind: "unknown", reason: "unparsed" });
      expect(result.rules, text).toEqual(["unknown-type"]);
    }
  });
});

describe("python flavour: union member headings", () => {
  const member = (text: string) => python.memberType({ heading: { text, links: [] }, headingIsCode: true, place: { line: 1, column: 1 } }, typeContext());
  it.each<[string, TypeRef]>([
    ["models.Button", { kind: "named", name: "Button", namespace: "models" }],
    ["components.One", { kind: "named", name: "One", namespace: "components" }],
    ["str", str],
    ["datetime", { kind: "string", format: "date-time" }],
    ["List[models.X]", { kind: "array", items: { kind: "named", name: "X", namespace: "models" } }],
    ["List[Nullable[models.X]]", { kind: "array", items: { kind: "nullable", type: { kind: "named", name: "X", namespace: "models" } } }],
    ["Dict[str, Any]", { kind: "record", values: { kind: "unknown", reason: "any" } }],
  ])("reads %s", (text, type) => {
    expect(member(text)).toEqual(type);
  });

  it("reads 2023–24 bare and empty headings from the code block's annotation", () => {
    const old = (heading: string, code?: string) =>
      python.memberType({ heading: { text: heading, links: [] }, headingIsCode: false, ...(code ? { code: { lang: "python", code } } : {}), place: { line: 1, column: 1 } }, typeContext());
    expect(old("Widget", "part: shared.Widget = /* values here */")).toEqual({ kind: "named", name: "Widget", namespace: "shared" });
    expect(old("", "part: str = /* values here */")).toEqual(str);
    expect(old("", "results: List[shared.BiomarkerResult] = /* values here */")).toEqual({ kind: "array", items: { kind: "named", name: "BiomarkerResult", namespace: "shared" } });
    expect(old("Jpeg")).toEqual({ kind: "named", name: "Jpeg" });
  });
});
