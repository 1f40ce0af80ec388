/**
 * The Ruby flavour (Sorbet types; grammar §4.4 "Ruby"):
 * `*T.nilable(::String)*` (nullable, which Ruby docs merge with optional),
 * `T::Array<[Models::Shared::X](..)>`, `T::Hash[Symbol, *::String*]`,
 * `T::Boolean`, and inline unions in link text,
 * `[T.nilable(T.any(::String, T::Array[::String]))](u.md)`, read member by
 * member: Ruby documents unions as a title only, so the link's text is all
 * there is to know.
 */

import { nullable, type TypeRef } from "../../ir.js";
import type { TypeText } from "../../markdown.js";
import type { RawMember } from "./extract.js";
import { readWith, TypeReader, type FieldType, type Flavour, type TypeContext } from "./flavour.js";
import type { NameNode, TypeNode } from "./type-syntax.js";

const SCALARS: Readonly<Record<string, TypeRef>> = {
  "::String": { kind: "string" },
  "::Symbol": { kind: "string" },
  "::Integer": { kind: "integer" },
  "::Float": { kind: "number" },
  "::Numeric": { kind: "number" },
  "T::Boolean": { kind: "boolean" },
  "::TrueClass": { kind: "literal", value: true },
  "::FalseClass": { kind: "literal", value: false },
  "::Object": { kind: "unknown", reason: "any" },
  "T.untyped": { kind: "unknown", reason: "any" },
  DateTime: { kind: "string", format: "date-time" },
  "::DateTime": { kind: "string", format: "date-time" },
  Date: { kind: "string", format: "date" },
  "::Date": { kind: "string", format: "date" },
};

/** SDK runtime types with no JSON shape. */
const EXTERNAL = /^(?:::)?(?:Faraday::Response|StringIO|IO)$/;

class RubyReader extends TypeReader {
  protected name(node: NameNode): TypeRef {
    const args = node.args;
    if (args) {
      const only = args.length === 1 ? args[0] : undefined;
      switch (node.name) {
        case "T.nilable":
          return only ? nullable(this.read(only)) : this.bad(node, "`T.nilable(T)`");
        case "T::Array":
        case "T::Set":
          return only ? { kind: "array", items: this.read(only) } : this.bad(node, "`T::Array[T]`");
        case "T::Hash": {
          const values = args[1];
          return args.length === 2 && values ? { kind: "record", values: this.read(values) } : this.bad(node, "`T::Hash[Symbol, T]`");
        }
        case "T.any":
          return this.union(args, node);
      }
      return this.bad(node, "`T.nilable(..)`, `T::Array[..]`, `T::Hash[..]` or `T.any(..)`");
    }
    if (EXTERNAL.test(node.name)) return this.external(node);
    const scalar = SCALARS[node.name];
    if (scalar) return scalar;
    // Before the link check: the members of an inline union sit inside link text.
    const named = this.named(node.name, "::");
    if (named) return named;
    if (this.linkOver(node)) return this.external(node);
    return this.bad(node, "a Sorbet type (`::String`, `T::Array[..]`, a model, …)");
  }

  /** Inside an inline union's link text, names are the members, not the (title-only) doc linked. */
  protected override linkedDoc(node: TypeNode): TypeRef | undefined {
    const link = this.linkOver(node);
    if (link && /\bT\.any\(/.test(this.typeText.text.slice(link.start, link.end))) return undefined;
    return super.linkedDoc(node);
  }
}

/** `T.nilable(..)` is nullable, on required and optional fields alike: Ruby docs state it everywhere. */
function fieldType(typeText: TypeText, ctx: TypeContext, _required: boolean): FieldType {
  return { type: readWith(typeText, ctx, "Ruby", (node) => new RubyReader(typeText, ctx).read(node)) };
}

function memberType(member: RawMember, ctx: TypeContext): TypeRef {
  return readWith(member.heading, ctx, "Ruby", (node) => new RubyReader(member.heading, ctx).read(node));
}

/** The Ruby flavour. */
export const ruby: Flavour = { id: "ruby", label: "Ruby", fieldType, memberType, titleOnlyUnions: true };
