/**
 * The C# flavour (grammar §4.4 "C#"): `*string*`, `*long*`, `*double*`,
 * `List<[X](..)>`, `Dictionary<String, *object*>`, `[Models.Components.X](..)`,
 * `[DateTime](..)`, `[LocalDate](nodatime)`. Union members are named by their
 * factory: `### Str` with `Default.CreateStr(/* values here *\/);`.
 * C# docs never state nullability.
 *
 * Speakeasy's Unity target writes C# docs too, with two differences: unions
 * are documented as a title only (as in Java and Ruby), and responses carry
 * Unity's runtime types (`UnityWebRequest`, `MemoryQueueBufferStream`). A
 * tree with Unity's marks is read as the `unity` flavour.
 */

import type { TypeRef } from "../../ir/ir.js";
import type { TypeText } from "../markdown.js";
import type { RawMember } from "./extract.js";
import { BIG_NUMBER, readWith, TypeReader, unreadable, type FieldType, type Flavour, type TypeContext } from "./flavour.js";
import type { NameNode, TypeNode } from "./type-syntax.js";
import { own } from "../lookup.js";

const SCALARS: Readonly<Record<string, TypeRef>> = {
  string: { kind: "string" },
  long: { kind: "integer" },
  int: { kind: "integer" },
  short: { kind: "integer" },
  double: { kind: "number" },
  float: { kind: "number" },
  bool: { kind: "boolean" },
  object: { kind: "unknown", reason: "any" },
  DateTime: { kind: "string", format: "date-time" },
  LocalDate: { kind: "string", format: "date" },
};

/** SDK runtime types with no JSON shape (.NET's and Unity's). */
const EXTERNAL = /^(?:HttpResponseMessage|HttpRequestMessage|Stream|UnityWebRequest|MemoryQueueBufferStream|DownloadHandler|UploadHandler)$/;

class CSharpReader extends TypeReader {
  protected name(node: NameNode): TypeRef {
    if (node.args && (node.name === "List" || node.name === "IEnumerable")) {
      const items = this.only(node, "`List<T>`");
      return items ? { kind: "array", items } : { kind: "unknown", reason: "unparsed", text: this.text(node) };
    }
    if (node.args && node.name === "Dictionary") {
      const values = node.args[1];
      if (node.args.length !== 2 || !values) return this.bad(node, "`Dictionary<String, T>`");
      return { kind: "record", values: this.read(values) };
    }
    if (EXTERNAL.test(node.name)) return this.external(node);
    if (node.args) return this.bad(node, "`List<T>` or `Dictionary<String, T>`");
    const scalar = own(SCALARS, node.name);
    if (scalar) return scalar;
    return this.unknownName(node, "a C# type (`string`, `long`, `List<T>`, a linked model, …)");
  }

  override read(node: TypeNode): TypeRef {
    // `byte[]` is base64 text on the wire.
    if (node.kind === "array" && node.items.kind === "name" && node.items.name === "byte") return { kind: "string", format: "byte" };
    return super.read(node);
  }
}

function fieldType(typeText: TypeText, ctx: TypeContext, _required: boolean): FieldType {
  return { type: readWith(typeText, ctx, "C#", (node) => new CSharpReader(typeText, ctx).read(node)), nullabilityUnstated: true };
}

/** What a union member's factory suffix names when it is a scalar: `CreateStr`, `CreateInt32`, … (compared without case). */
const FACTORY_SCALARS: Readonly<Record<string, TypeRef>> = {
  str: { kind: "string" },
  string: { kind: "string" },
  number: { kind: "number" },
  double: { kind: "number" },
  float: { kind: "number" },
  integer: { kind: "integer" },
  int: { kind: "integer" },
  int32: { kind: "integer" },
  int64: { kind: "integer" },
  long: { kind: "integer" },
  short: { kind: "integer" },
  boolean: { kind: "boolean" },
  bool: { kind: "boolean" },
  any: { kind: "unknown", reason: "any" },
  object: { kind: "unknown", reason: "any" },
  datetime: { kind: "string", format: "date-time" },
  date: { kind: "string", format: "date" },
  bigint: BIG_NUMBER,
  biginteger: BIG_NUMBER,
  decimal: BIG_NUMBER,
};

/** Number words as Speakeasy spells the index of an unnamed member (`OneOfSameType2` → `Two`). */
const NUMBER_WORDS = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen", "Twenty"];

/**
 * What the factory suffix of a union member names, by Speakeasy's C# naming
 * rules: `ArrayOf…` and `MapOf…` (any case after the first) around a scalar
 * (`Str`, `Int32`, `Bigint`, …) or a model; a model is named after its type
 * with the union's name cut off (`Bike` for `MixedUnionTypesBike`) and a
 * number in words (`Two` for `OneOfSameType2`), so those names are tried too.
 */
export function factoryType(suffix: string, union: string | undefined): TypeRef {
  const lower = suffix.toLowerCase();
  if (lower.startsWith("arrayof") && suffix.length > 7) return { kind: "array", items: factoryType(capitalize(suffix.slice(7)), union) };
  if (lower.startsWith("mapof") && suffix.length > 5) return { kind: "record", values: factoryType(capitalize(suffix.slice(5)), union) };
  const scalar = own(FACTORY_SCALARS, lower);
  if (scalar) return scalar;
  const number = NUMBER_WORDS.indexOf(suffix);
  const also = union ? [`${union}${suffix}`, ...(number >= 0 ? [`${union}${number}`] : [])] : [];
  return { kind: "named", name: suffix, ...(also.length > 0 ? { also } : {}) };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const FACTORY = /\.Create(\w+)\s*\(/;

function memberType(member: RawMember, ctx: TypeContext): TypeRef {
  const suffix = (member.code ? FACTORY.exec(member.code.code)?.[1] : undefined) ?? member.heading.text.trim();
  if (!/^\w+$/.test(suffix)) return unreadable(ctx, member.heading.text.trim(), "a C# member heading or `X.CreateMember(…)` code block naming the member");
  return factoryType(suffix, ctx.modelName);
}

/** The C# flavour. */
export const csharp: Flavour = { id: "csharp", label: "C#", fieldType, memberType, titleOnlyUnions: false };

/** Speakeasy's Unity target: C# docs whose unions are a title only. */
export const unity: Flavour = { ...csharp, id: "unity", label: "Unity (C#)", titleOnlyUnions: true };
