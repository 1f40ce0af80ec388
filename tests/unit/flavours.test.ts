/**
 * The type grammar of each non-Python flavour (grammar §4.4), one row per
 * shape: the Type cell as written → the IR type, and what it says about
 * nullability.
 */

import { describe, expect, it } from "vitest";
import { csharp } from "../../src/dialects/speakeasy/csharp.js";
import type { RawMember } from "../../src/dialects/speakeasy/extract.js";
import type { Flavour } from "../../src/dialects/speakeasy/flavour.js";
import { go } from "../../src/dialects/speakeasy/go.js";
import { java } from "../../src/dialects/speakeasy/java.js";
import { php } from "../../src/dialects/speakeasy/php.js";
import { ruby } from "../../src/dialects/speakeasy/ruby.js";
import { typescript } from "../../src/dialects/speakeasy/typescript.js";
import type { TypeRef } from "../../src/ir/ir.js";
import { typeTextOf, type TypeText } from "../../src/dialects/markdown.js";
import { parse } from "../../src/stages/parse.js";
import { typeContext } from "../helpers.js";

function cell(typeCell: string): TypeText {
  const source = `| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| \`f\` | ${typeCell} | :heavy_check_mark: | N/A |`;
  const table = parse(source).children[0];
  if (table?.type !== "table") throw new Error("no table");
  const typeNode = table.children[1]?.children[1];
  if (!typeNode) throw new Error("no cell");
  return typeTextOf(source, typeNode.children);
}

function read(flavour: Flavour, typeCell: string, required = true, docId = "models/components/doc.md") {
  const ctx = typeContext(docId);
  const result = flavour.fieldType(cell(typeCell), ctx, required);
  return { type: result.type, unstated: result.nullabilityUnstated === true, rules: ctx.sink.items.map((d) => d.ruleId) };
}

const str: TypeRef = { kind: "string" };
const int: TypeRef = { kind: "integer" };
const num: TypeRef = { kind: "number" };
const bool: TypeRef = { kind: "boolean" };
const any: TypeRef = { kind: "unknown", reason: "any" };
const dateTime: TypeRef = { kind: "string", format: "date-time" };
const date: TypeRef = { kind: "string", format: "date" };
/** A reference to `target` (what its link text names is checked on its own, below). */
const ref = (target: string): TypeRef => expect.objectContaining({ kind: "ref", target }) as TypeRef;
const named = (name: string, namespace?: string): TypeRef => ({ kind: "named", name, ...(namespace ? { namespace } : {}) });
const arr = (items: TypeRef): TypeRef => ({ kind: "array", items });
const rec = (values: TypeRef): TypeRef => ({ kind: "record", values });
const orNull = (type: TypeRef): TypeRef => ({ kind: "nullable", type });
const big: TypeRef = { kind: "union", members: [num, str] };

type Row = [cell: string, type: TypeRef, required?: boolean];

function table(flavour: Flavour, rows: Row[]): void {
  it.each(rows)("%s", (text, type, required = true) => {
    const result = read(flavour, text, required);
    expect(result.type).toEqual(type);
    expect(result.rules).toEqual([]);
  });
}

describe("typescript", () => {
  table(typescript, [
    ["*string*", str],
    ["*number*", num],
    ["*boolean*", bool],
    ["*any*", any],
    ['*"click"*', { kind: "literal", value: "click" }],
    ["*true*", { kind: "literal", value: true }],
    ["*string*[]", arr(str)],
    ["*string*[][]", arr(arr(str))],
    ["[components.X](../../models/components/x.md)", ref("models/components/x.md")],
    ["[components.X](../../models/components/x.md)[]", arr(ref("models/components/x.md"))],
    ["*components.Event*", named("Event", "components")],
    ["*operations.Fields*[]", arr(named("Fields", "operations"))],
    ["Record<string, *any*>", rec(any)],
    ["Record<string, *string*[]>", rec(arr(str))],
    ["Record<string, [models.X](../models/x.md)[]>", rec(arr(ref("models/models/x.md")))],
    ["Record<string, Record<string, *any*>>", rec(rec(any))],
    ["[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)", dateTime],
    ["[RFCDate](../../types/rfcdate.md)", date],
    ["[Date](../../types/rfcdate.md)", date],
  ]);
  it("never states nullability", () => {
    expect(read(typescript, "*string*").unstated).toBe(true);
  });
  it("makes streams and File | Blob uploads SDK types", () => {
    expect(read(typescript, "*ReadableStream<Uint8Array>*")).toMatchObject({ type: { kind: "unknown", reason: "external" }, rules: ["external-type"] });
    const upload = read(typescript, "[File](https://developer.mozilla.org/en-US/docs/Web/API/File) \\| [Blob](https://developer.mozilla.org/en-US/docs/Web/API/Blob) \\| [components.FileT](../../models/components/filet.md)");
    expect(upload).toMatchObject({ type: { kind: "unknown", reason: "external" }, rules: ["external-type"] });
  });
});

describe("go", () => {
  table(go, [
    ["*string*", str],
    ["`string`", str],
    ["*int64*", int],
    ["`float64`", num],
    ["*bool*", bool],
    ["*any*", any],
    ["*interface{}*", any],
    ["[]*string*", arr(str)],
    ["[]`string`", arr(str)],
    ["map[string]*any*", rec(any)],
    ["map[string]`string`", rec(str)],
    ["map[string][]*string*", rec(arr(str))],
    ["[]map[string]*interface{}*", arr(rec(any))],
    ["[][]map[string]*interface{}*", arr(arr(rec(any)))],
    ["[components.X](../../models/components/x.md)", ref("models/components/x.md")],
    ["[][components.X](../../models/components/x.md)", arr(ref("models/components/x.md"))],
    ["map[string][X](../../models/shared/x.md)", rec(ref("models/shared/x.md"))],
    ["[time.Time](https://pkg.go.dev/time#Time)", dateTime],
    ["*[]byte*", { kind: "string", format: "byte" }],
  ]);
  it("a pointer on a required field may be null; optional fields leave nullability unsaid", () => {
    expect(read(go, "**string*", true)).toMatchObject({ type: orNull(str), unstated: false });
    expect(read(go, "`*string`", true)).toMatchObject({ type: orNull(str), unstated: false });
    expect(read(go, "[*components.X](../../models/components/x.md)", true).type).toEqual(orNull(ref("models/components/x.md")));
    expect(read(go, "[*types.Date](../../types/date.md)", true).type).toEqual(orNull(date));
    expect(read(go, "**string*", false)).toMatchObject({ type: str, unstated: true });
    expect(read(go, "*string*", true)).toMatchObject({ type: str, unstated: false });
  });
  it("reads union members from their constructor calls", () => {
    const member = (code: string): TypeRef => go.memberType({ heading: { text: "One", links: [] }, headingIsCode: false, code: { lang: "go", code }, place: { line: 1, column: 1 } }, typeContext());
    expect(member("event := components.CreateEventOne(components.One{/* values here */})")).toEqual(named("One", "components"));
    expect(member("v := operations.CreateTagIdsArrayOfStr([]string{/* values here */})")).toEqual(arr(str));
    expect(member("d := components.CreateDefaultNumber(float64{/* values here */})")).toEqual(num);
  });
  it("makes *http.Response and io.ReadCloser SDK types", () => {
    expect(read(go, "[*http.Response](https://pkg.go.dev/net/http#Response)").rules).toEqual(["external-type"]);
    expect(read(go, "*io.ReadCloser*").rules).toEqual(["external-type"]);
  });
});

describe("java", () => {
  it("reads bounded wildcards (`Optional<? extends T>`, 2024–25) as their bound", () => {
    expect(read(java, "*Optional<? extends Boolean>*", true).type).toEqual(orNull(bool));
    expect(read(java, "*Optional<? extends String>*", false).type).toEqual(str);
    expect(read(java, "[Optional<? extends org.openapis.openapi.models.shared.X>](../../models/shared/X.md)", false).type).toEqual(ref("models/shared/X.md"));
    expect(read(java, "*List<? super Long>*").type).toEqual(arr(int));
  });
  table(java, [
    ["*String*", str],
    ["*long*", int],
    ["*int*", int],
    ["*double*", num],
    ["*boolean*", bool],
    ["*Object*", any],
    ["*byte[]*", { kind: "string", format: "byte" }],
    ["List\\<[X](../../models/shared/X.md)>", arr(ref("models/shared/X.md"))],
    ["List\\<*String*>", arr(str)],
    ["Map\\<String, *Object*>", rec(any)],
    ["Map\\<String, List\\\\<*String*>>", rec(arr(str))],
    ["[X](../../models/shared/X.md)", ref("models/shared/X.md")],
    ["[OffsetDateTime](https://docs.oracle.com/javase/8/docs/api/java/time/OffsetDateTime.html)", dateTime],
    ["[LocalDate](https://docs.oracle.com/javase/8/docs/api/java/time/LocalDate.html)", date],
  ]);
  it("Optional<T> is nullable on a required field and unsaid on an optional one; JsonNullable<T> is nullable", () => {
    expect(read(java, "*Optional\\<String>*", false)).toMatchObject({ type: str, unstated: true });
    expect(read(java, "*Optional\\<String>*", true)).toMatchObject({ type: orNull(str), unstated: false });
    expect(read(java, "[Optional\\<X>](../../models/shared/X.md)", false).type).toEqual(ref("models/shared/X.md"));
    expect(read(java, "*JsonNullable\\<Long>*", false)).toMatchObject({ type: orNull(int), unstated: false });
    expect(read(java, "List\\<*String*>", false).unstated).toBe(true);
  });
  it("makes HttpResponse and InputStream SDK types", () => {
    expect(read(java, "[HttpResponse\\<InputStream>](https://docs.oracle.com/en/java/javase/11/docs/api/java.net.http/java/net/http/HttpResponse.html)").rules).toEqual(["external-type"]);
    expect(read(java, "*Optional\\<InputStream>*", false).type).toMatchObject({ kind: "unknown", reason: "external" });
  });
});

describe("csharp", () => {
  table(csharp, [
    ["*string*", str],
    ["*long*", int],
    ["*double*", num],
    ["*bool*", bool],
    ["*object*", any],
    ["*byte[]*", { kind: "string", format: "byte" }],
    ["List<[X](../../Models/Components/X.md)>", arr(ref("Models/Components/X.md"))],
    ["List<[Models.Components.X](../../Models/Components/X.md)>", arr(ref("Models/Components/X.md"))],
    ["Dictionary<String, *object*>", rec(any)],
    ["Dictionary<String, List<*string*>>", rec(arr(str))],
    ["[DateTime](https://learn.microsoft.com/en-us/dotnet/api/system.datetime?view=net-5.0)", dateTime],
    ["[LocalDate](https://nodatime.org/3.1.x/api/NodaTime.LocalDate.html)", date],
  ]);
  it("reads union members from their factories", () => {
    const member = (heading: string, code?: string): TypeRef =>
      csharp.memberType({ heading: { text: heading, links: [] }, headingIsCode: false, ...(code ? { code: { lang: "csharp", code } } : {}), place: { line: 1, column: 1 } }, typeContext());
    expect(member("Str", "Default.CreateStr(/* values here */);")).toEqual(str);
    expect(member("Number", "Default.CreateNumber(/* values here */);")).toEqual(num);
    expect(member("Boolean")).toEqual(bool);
    expect(member("ArrayOfStr")).toEqual(arr(str));
    expect(member("MapOfAny")).toEqual(rec(any));
    expect(member("Pet", "Animal.CreatePet(/* values here */);")).toEqual(named("Pet"));
  });
  it("reads member names by Speakeasy's C# naming rules", () => {
    const member = (heading: string, union = "Payload"): TypeRef =>
      csharp.memberType({ heading: { text: heading, links: [] }, headingIsCode: false, place: { line: 1, column: 1 } }, { ...typeContext(), modelName: union });
    expect(member("ArrayOfInt32")).toEqual(arr(int));
    expect(member("Int64")).toEqual(int);
    expect(member("MapOfarrayOfint32")).toEqual(rec(arr(int)));
    expect(member("DateTime")).toEqual(dateTime);
    expect(member("Bigint")).toEqual(big);
    expect(member("Decimal")).toEqual(big);
    // A model: by its name, then with the union's name before it, then (a number word) with the digits.
    expect(member("Bike", "MixedUnionTypes")).toEqual({ kind: "named", name: "Bike", also: ["MixedUnionTypesBike"] });
    expect(member("Two", "OneOfSameType")).toEqual({ kind: "named", name: "Two", also: ["OneOfSameTypeTwo", "OneOfSameType2"] });
    expect(member("ArrayOfBike", "MixedUnionTypes")).toEqual(arr({ kind: "named", name: "Bike", also: ["MixedUnionTypesBike"] }));
  });
  it("reads big numbers as number or string, and runtime types (Unity's too) as SDK types", () => {
    expect(read(csharp, "*BigInteger*").type).toEqual(big);
    expect(read(csharp, "*decimal*").type).toEqual(big);
    expect(read(csharp, "*MemoryQueueBufferStream*").rules).toEqual(["external-type"]);
    expect(read(csharp, "[UnityWebRequest](https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest.html)").rules).toEqual(["external-type"]);
  });
});

describe("php", () => {
  it("reads fully qualified class names, the namespace before the name picking the folder", () => {
    expect(read(php, "[\\acme\\sdk\\Models\\Payments\\Gadget](../../Models/payments/Gadget.md)").type).toMatchObject({ kind: "ref", target: "Models/payments/Gadget.md", text: { name: "Gadget", namespace: "payments" } });
    const ctx = typeContext();
    const member = php.memberType({ heading: { text: "\\acme\\sdk\\Models\\Payments\\Gadget", links: [] }, headingIsCode: true, place: { line: 1, column: 1 } }, ctx);
    expect(member).toEqual(named("Gadget", "payments"));
    expect(read(php, "*\\Brick\\Math\\BigDecimal*").type).toEqual(big);
  });
  table(php, [
    ["*string*", str],
    ["*int*", int],
    ["*float*", num],
    ["*bool*", bool],
    ["*mixed*", any],
    ["array<*string*>", arr(str)],
    ["array<string, *mixed*>", rec(any)],
    ["array<string, array<*string*>>", rec(arr(str))],
    ["[Operations\\X](../../Models/Operations/X.md)", ref("Models/Operations/X.md")],
    ["array<[Components\\X](../../Models/Components/X.md)>", arr(ref("Models/Components/X.md"))],
    ["[string\\|array](../../Models/Operations/Domains.md)", ref("Models/Operations/Domains.md")],
    ["array<[Components\\A\\|Components\\B](../../Models/Operations/U.md)>", arr(ref("Models/Operations/U.md"))],
  ]);
  it("reads `?T` and inline unions with null as nullable", () => {
    expect(read(php, "*?string*", false).type).toEqual(orNull(str));
    expect(read(php, "[?Operations\\X](../../Models/Operations/X.md)", false).type).toEqual(orNull(ref("Models/Operations/X.md")));
    expect(read(php, "[string\\|array\\|null](../../Models/Operations/TagIds.md)", false).type).toEqual(orNull(ref("Models/Operations/TagIds.md")));
  });
  it("leaves the nullability of required fields unsaid", () => {
    expect(read(php, "*string*", true).unstated).toBe(true);
    expect(read(php, "*?string*", false).unstated).toBe(false);
  });
  it("reads \\DateTime as a date or a date-time", () => {
    expect(read(php, "[\\DateTime](https://www.php.net/manual/en/class.datetime.php)").type).toEqual({ kind: "union", members: [dateTime, date] });
  });
  it("reads union members from the @var line of their code block", () => {
    const member = (heading: string, code: string): TypeRef => php.memberType({ heading: { text: heading, links: [] }, headingIsCode: true, code: { lang: "php", code }, place: { line: 1, column: 1 } }, typeContext());
    expect(member("array", "/**\n* @var array<string>\n*/\narray $value = /* values here */")).toEqual(arr(str));
    expect(member("Components\\One", "/**\n* @var \\Dub\\Models\\Components\\One\n*/\nComponents\\One $value = /* values here */")).toEqual(named("One", "components"));
  });
});

describe("ruby", () => {
  table(ruby, [
    ["*::String*", str],
    ["*::Integer*", int],
    ["*::Float*", num],
    ["*T::Boolean*", bool],
    ["*::Object*", any],
    ["T::Array<*::String*>", arr(str)],
    ["T::Hash[Symbol, *::String*]", rec(str)],
    ["T::Hash[Symbol, T::Array<*::String*>]", rec(arr(str))],
    ["[Models::Operations::X](../../models/operations/x.md)", ref("models/operations/x.md")],
    ["T::Array<[Models::Shared::X](../../models/shared/x.md)>", arr(ref("models/shared/x.md"))],
    // Ruby docs swap the stdlib date links, as Python's do: `Date.html` is written for date-times.
    ["[DateTime](https://ruby-doc.org/stdlib-2.6.1/libdoc/date/rdoc/DateTime.html)", date],
    ["[Date](https://ruby-doc.org/stdlib-2.6.1/libdoc/date/rdoc/Date.html)", dateTime],
  ]);
  it("reads T.nilable as nullable", () => {
    expect(read(ruby, "*T.nilable(::String)*", false).type).toEqual(orNull(str));
    expect(read(ruby, "[T.nilable(Models::Operations::X)](../../models/operations/x.md)", true).type).toEqual(orNull(ref("models/operations/x.md")));
  });
  it("reads inline unions member by member (Ruby's union docs are a title only)", () => {
    expect(read(ruby, "[T.nilable(T.any(::String, T::Array[::String]))](../../models/operations/tagids.md)", false).type).toEqual(orNull({ kind: "union", members: [str, arr(str)] }));
    expect(read(ruby, "T::Array<[T.any(Models::Shared::A, Models::Shared::B)](../../models/shared/fields.md)>", true).type).toEqual(
      arr({ kind: "union", members: [named("A", "shared"), named("B", "shared")] }),
    );
  });
  it("makes Faraday::Response an SDK type", () => {
    expect(read(ruby, "[Faraday::Response](https://www.rubydoc.info/gems/faraday/Faraday/Response)").rules).toEqual(["external-type"]);
  });
  it("reads the 2023 unprefixed Sorbet spelling", () => {
    expect(read(ruby, "*String*").type).toEqual(str);
    expect(read(ruby, "*T.nilable(Integer)*", false).type).toEqual(orNull(int));
    expect(read(ruby, "*Float*").type).toEqual(num);
    expect(read(ruby, "*Object*").type).toEqual(any);
    expect(read(ruby, "T::Array[*String*]").type).toEqual(arr(str));
    expect(read(ruby, "[Shared::Enum](../../models/shared/enum.md)").type).toEqual(ref("models/shared/enum.md"));
  });
  it("reads the 2026 Crystalline spelling", () => {
    expect(read(ruby, "*Crystalline::Nilable.new(::String)*", false).type).toEqual(orNull(str));
    expect(read(ruby, "*Crystalline::Boolean.new*").type).toEqual(bool);
    expect(read(ruby, "*Crystalline::Array<::String>*").type).toEqual(arr(str));
    expect(read(ruby, "*Crystalline::Hash[Symbol, ::Object]*").type).toEqual(rec(any));
    expect(read(ruby, "[Crystalline::Nilable.new(Models::Components::X)](../../models/components/x.md)", false).type).toEqual(orNull(ref("models/components/x.md")));
    expect(read(ruby, "Crystalline::Array<[Models::Components::X](../../models/components/x.md)>").type).toEqual(arr(ref("models/components/x.md")));
    expect(read(ruby, "[Crystalline::Nilable.new(Crystalline::Union.new(Models::Components::X, ::String))](../../models/components/u.md)", false).type).toEqual(
      orNull({ kind: "union", members: [named("X", "components"), str] }),
    );
  });
  it("reads BigDecimal as a big number and NilClass as null", () => {
    expect(read(ruby, "*::BigDecimal*").type).toEqual(big);
    expect(read(ruby, "*NilClass*").type).toEqual({ kind: "literal", value: null });
  });
});

describe("go", () => {
  it("reads big numbers as number or string, in fields, maps and union members", () => {
    expect(read(go, "[*big.Int](https://pkg.go.dev/math/big#Int)").type).toEqual(big);
    expect(read(go, "[*decimal.Big](https://pkg.go.dev/github.com/ericlagergren/decimal#Big)", false).type).toEqual(big);
    expect(read(go, "map[string][*big.Int](https://pkg.go.dev/math/big#Int)", false).type).toEqual(rec(big));
    const member = go.memberType({ heading: { text: "", links: [] }, headingIsCode: false, code: { lang: "go", code: "target := shared.CreateTargetBigint(*big.Int{/* values here */})" }, place: { line: 1, column: 1 } }, typeContext());
    expect(member).toEqual(big);
  });
});

describe("links: what their text names, for a target that turns out missing", () => {
  it.each<[Flavour, string, { name: string; namespace?: string }]>([
    [typescript, "[components.X](../../models/components/x.md)", { name: "X", namespace: "components" }],
    [go, "[*components.X](../../models/components/x.md)", { name: "X", namespace: "components" }],
    [java, "[X](../../models/shared/X.md)", { name: "X" }],
    [csharp, "[Models.Components.X](../../Models/Components/X.md)", { name: "X", namespace: "components" }],
    [ruby, "[T.nilable(Models::Components::X)](../../models/shared/x.md)", { name: "X", namespace: "components" }],
  ])("%#: %s", (flavour, text, named) => {
    const type = read(flavour, text, true).type;
    expect(type.kind === "nullable" ? type.type : type).toMatchObject({ kind: "ref", text: named });
  });
});

describe("unreadable cells", () => {
  it.each<[Flavour, string]>([
    [typescript, "*Map<string, number>*"],
    [go, "*chan int*"],
    [java, "*Tuple\\<String>*"],
    [csharp, "*HashSet<string>*"],
    [php, "*resource*"],
    [ruby, "*T.proc*"],
  ])("%#: %s is unknown-type", (flavour, text) => {
    const result = read(flavour, text);
    expect(result.type).toMatchObject({ kind: "unknown", reason: "unparsed" });
    expect(result.rules).toEqual(["unknown-type"]);
  });

  it("members without a readable code block are unknown-type", () => {
    const member: RawMember = { heading: { text: "", links: [] }, headingIsCode: false, place: { line: 1, column: 1 } };
    const ctx = typeContext();
    expect(go.memberType(member, ctx)).toMatchObject({ kind: "unknown" });
    expect(ctx.sink.items.map((d) => d.ruleId)).toEqual(["unknown-type"]);
  });
});
