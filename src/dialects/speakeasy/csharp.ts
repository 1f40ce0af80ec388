/**
 * The C# flavour (grammar §4.4 "C#"): `*string*`, `*long*`, `*double*`,
 * `List<[X](..)>`, `Dictionary<String, *object*>`, `[Models.Components.X](..)`,
 * `[DateTime](..)`, `[LocalDate](nodatime)`. Union members are named by their
 * factory: `### Str` with `Default.CreateStr(/* values here *\/);`.
 * C# docs never state nullability.
 */

import type { TypeRef } from "../../ir.js";
import type { TypeText } from "../../markdown.js";
import type { RawMember } from "./extract.js";
import { readWith, TypeReader, unreadable, type FieldType, type Flavour, type TypeContext } from "./flavour.js";
import type { NameNode, TypeNode } from "./type-syntax.js";

const SCALARS: Readonly<Record<string, TypeRef>> = {
  string: { kind: "string" },
  long: { kind: "integer" },
  int: { kind: "integer" },
  short: { kind: "integer" },
  BigInteger: { kind: "integer" },
  double: { kind: "number" },
  float: { kind: "number" },
  decimal: { kind: "number" },
  bool: { kind: "boolean" },
  object: { kind: "unknown", reason: "any" },
  DateTime: { kind: "string", format: "date-time" },
  LocalDate: { kind: "string", format: "date" },
};

/** SDK runtime types with no JSON shape. */
const EXTERNAL = /^(?:HttpResponseMessage|HttpRequestMessage|Stream)$/;

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
    const scalar = SCALARS[node.name];
    if (scalar) return scalar;
    if (this.linkOver(node)) return this.external(node);
    return this.bad(node, "a C# type (`string`, `long`, `List<T>`, a linked model, …)");
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

/** What the factory suffix of a union member names (`CreateStr`, `CreateArrayOfStr`, `CreateMapOfAny`, `CreatePet`). */
function factoryType(suffix: string): TypeRef {
  const scalars: Readonly<Record<string, TypeRef>> = {
    Str: { kind: "string" },
    Number: { kind: "number" },
    Integer: { kind: "integer" },
    Boolean: { kind: "boolean" },
    Any: { kind: "unknown", reason: "any" },
    DateTime: { kind: "string", format: "date-time" },
    Date: { kind: "string", format: "date" },
  };
  const scalar = scalars[suffix];
  if (scalar) return scalar;
  if (suffix.startsWith("ArrayOf")) return { kind: "array", items: factoryType(suffix.slice(7)) };
  if (suffix.startsWith("MapOf")) return { kind: "record", values: factoryType(suffix.slice(5)) };
  return { kind: "named", name: suffix };
}

const FACTORY = /\.Create(\w+)\s*\(/;

function memberType(member: RawMember, ctx: TypeContext): TypeRef {
  const suffix = (member.code ? FACTORY.exec(member.code.code)?.[1] : undefined) ?? member.heading.text.trim();
  if (!/^\w+$/.test(suffix)) return unreadable(ctx, member.heading.text.trim(), "a C# member heading or `X.CreateMember(…)` code block naming the member");
  return factoryType(suffix);
}

/** The C# flavour. */
export const csharp: Flavour = { id: "csharp", label: "C#", fieldType, memberType, titleOnlyUnions: false };
