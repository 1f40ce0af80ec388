/**
 * The TypeScript flavour (grammar §4.4 "TypeScript"): `*string*`, `*number*`,
 * `[components.X](x.md)[]`, `Record<string, *any*>`, literals `*"x"*`, an
 * unlinked `*components.X*` meaning a union doc, `[Date](mdn)` date-times,
 * `[RFCDate](../../types/rfcdate.md)` dates, `[File](..) | [Blob](..) | X`.
 * TypeScript docs never state nullability.
 */

import type { TypeRef } from "../../ir/ir.js";
import type { TypeText } from "../markdown.js";
import type { RawMember } from "./extract.js";
import { readWith, TypeReader, type FieldType, type Flavour, type TypeContext } from "./flavour.js";
import type { NameNode } from "./type-syntax.js";
import { own } from "../lookup.js";

const SCALARS: Readonly<Record<string, TypeRef>> = {
  string: { kind: "string" },
  number: { kind: "number" },
  boolean: { kind: "boolean" },
  any: { kind: "unknown", reason: "any" },
  unknown: { kind: "unknown", reason: "any" },
  true: { kind: "literal", value: true },
  false: { kind: "literal", value: false },
  // Union member headings name the TypeScript type itself.
  Date: { kind: "string", format: "date-time" },
  RFCDate: { kind: "string", format: "date" },
};

/** SDK runtime types with no JSON shape (streams, files). */
const EXTERNAL = /^(?:ReadableStream|EventStream|JsonLStream|File|Blob|Uint8Array|ArrayBuffer|Response)$/;

class TypeScriptReader extends TypeReader {
  protected name(node: NameNode): TypeRef {
    if (node.name === "Record" && node.bracket === "<") {
      const values = node.args?.[1];
      if (node.args?.length !== 2 || !values) return this.bad(node, "`Record<string, T>`");
      return { kind: "record", values: this.read(values) };
    }
    if (node.name === "Array" && node.bracket === "<") {
      const items = this.only(node, "`Array<T>`");
      return items ? { kind: "array", items } : { kind: "unknown", reason: "unparsed", text: this.text(node) };
    }
    if (EXTERNAL.test(node.name)) return this.external(node);
    if (node.args) return this.bad(node, "a TypeScript type (`string`, `T[]`, `Record<string, T>`, a model, …)");
    const scalar = own(SCALARS, node.name);
    if (scalar) return scalar;
    if (this.linkOver(node)) return this.external(node);
    // An unlinked `*components.X*` is a union doc, found by name (grammar §4.4).
    return this.named(node.name, ".") ?? this.unknownName(node, "a TypeScript type (`string`, `number`, `T[]`, a model, …)");
  }
}

function fieldType(typeText: TypeText, ctx: TypeContext, _required: boolean): FieldType {
  return { type: readWith(typeText, ctx, "TypeScript", (node) => new TypeScriptReader(typeText, ctx).read(node)), nullabilityUnstated: true };
}

function memberType(member: RawMember, ctx: TypeContext): TypeRef {
  return readWith(member.heading, ctx, "TypeScript", (node) => new TypeScriptReader(member.heading, ctx).read(node));
}

/** The TypeScript flavour. */
export const typescript: Flavour = { id: "typescript", label: "TypeScript", fieldType, memberType, titleOnlyUnions: false };
