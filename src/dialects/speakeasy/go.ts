/**
 * The Go flavour (grammar §4.4 "Go"): old `*string*` / `**string*` (a
 * pointer: optional), new code spans `` `*string` ``, `[]T`, `map[string]T`,
 * `[*components.X](x.md)`, `[time.Time](..)`, `[*types.Date](..)`,
 * `*interface{}*`. Union members are named only in their code blocks:
 * `components.CreateEventOne(components.One{/* values here *\/})`.
 * Go docs never state nullability.
 */

import { nullable, type TypeRef } from "../../ir/ir.js";
import type { TypeText } from "../markdown.js";
import type { RawMember } from "./extract.js";
import { isBigNumberName, readWith, TypeReader, unreadable, type FieldType, type Flavour, type TypeContext } from "./flavour.js";
import type { NameNode, TypeNode } from "./type-syntax.js";
import { own } from "../lookup.js";

const INTEGERS = /^u?int(?:8|16|32|64)?$/;

const SCALARS: Readonly<Record<string, TypeRef>> = {
  string: { kind: "string" },
  bool: { kind: "boolean" },
  float32: { kind: "number" },
  float64: { kind: "number" },
  any: { kind: "unknown", reason: "any" },
  "interface{}": { kind: "unknown", reason: "any" },
  "time.Time": { kind: "string", format: "date-time" },
  "types.Date": { kind: "string", format: "date" },
};

/** SDK runtime types with no JSON shape. */
const EXTERNAL = /^(?:http\.Response|io\.ReadCloser|io\.Reader)$/;

class GoReader extends TypeReader {
  protected name(node: NameNode): TypeRef {
    if (node.args) return this.bad(node, "a Go type (`string`, `[]T`, `map[string]T`, a model, …)");
    if (INTEGERS.test(node.name)) return { kind: "integer" };
    const scalar = own(SCALARS, node.name);
    if (scalar) return scalar;
    if (EXTERNAL.test(node.name) || this.linkOver(node)) return this.external(node);
    return this.named(node.name, ".") ?? this.unknownName(node, "a Go type (`string`, `int64`, `[]T`, a model, …)");
  }

  /** Go's `[]byte` is base64 text on the wire. */
  override read(node: TypeNode): TypeRef {
    if (node.kind === "array" && node.items.kind === "name" && node.items.name === "byte") return { kind: "string", format: "byte" };
    return super.read(node);
  }

  /**
   * A pointer (also inside link text, `[*components.X](..)`) on a required
   * field means it may be null — but for big numbers, which Go always holds
   * by pointer (`*big.Int`); optional fields are pointers anyway, so their
   * nullability goes unsaid.
   */
  field(node: TypeNode, required: boolean): FieldType {
    const type = this.read(node);
    if (!required) return { type, nullabilityUnstated: true };
    const alwaysPointer = node.kind === "pointer" && node.type.kind === "name" && isBigNumberName(node.type.name);
    return { type: node.kind === "pointer" && !alwaysPointer ? nullable(type) : type };
  }
}

function fieldType(typeText: TypeText, ctx: TypeContext, required: boolean): FieldType {
  let result: FieldType | undefined;
  const type = readWith(typeText, ctx, "Go", (node) => (result = new GoReader(typeText, ctx).field(node, required)).type);
  return result ?? { type };
}

/** The type in a member's constructor call: `CreateX(TYPE{/* values here *\/})`. */
const CONSTRUCTOR_ARGUMENT = /\(\s*([^(){}]+?)\s*\{\s*\/\*\s*values here\s*\*\/\s*\}\s*\)/;

function memberType(member: RawMember, ctx: TypeContext): TypeRef {
  const argument = member.code ? CONSTRUCTOR_ARGUMENT.exec(member.code.code)?.[1] : undefined;
  if (argument === undefined) {
    return unreadable(ctx, member.code?.code.trim() ?? member.heading.text, "a Go code block `v := ns.CreateX(T{/* values here */})` naming the member's type");
  }
  const text: TypeText = { text: argument, links: [] };
  return readWith(text, ctx, "Go", (node) => new GoReader(text, ctx).read(node));
}

/** The Go flavour. */
export const go: Flavour = { id: "go", label: "Go", fieldType, memberType, titleOnlyUnions: false };
