/**
 * The Ruby flavour, in the three spellings Speakeasy's Ruby generator has
 * used (grammar §4.4 "Ruby"):
 *
 * - 2023: unprefixed Sorbet, `String`, `T.nilable(Integer)`, `T::Array[..]`;
 * - 2024–25: `::String`, `T.nilable(::String)`, `T::Array<[Models::Shared::X](..)>`,
 *   `T::Hash[Symbol, *::String*]`, `T::Boolean`;
 * - 2026: the Crystalline runtime types, `Crystalline::Nilable.new(::String)`,
 *   `Crystalline::Boolean.new`, `Crystalline::Array<T>`,
 *   `Crystalline::Hash[Symbol, T]`, `Crystalline::Union.new(A, B)`.
 *
 * Nilable is nullable (Ruby docs merge it with optional). Inline unions in
 * link text, `[T.nilable(T.any(::String, T::Array[::String]))](u.md)`, are
 * read member by member: Ruby documents unions as a title only, so the link's
 * text is all there is to know. Ruby docs swap the stdlib date links as
 * Python's do (see `libraryLink`).
 */

import { nullable, type TypeRef } from "../../ir/ir.js";
import type { TypeText } from "../markdown.js";
import type { RawMember } from "./extract.js";
import { readWith, TypeReader, type FieldType, type Flavour, type TypeContext } from "./flavour.js";
import type { NameNode, TypeNode } from "./type-syntax.js";
import { own } from "../lookup.js";

const STRING: TypeRef = { kind: "string" };
const INTEGER: TypeRef = { kind: "integer" };
const NUMBER: TypeRef = { kind: "number" };
const BOOLEAN: TypeRef = { kind: "boolean" };
const ANY: TypeRef = { kind: "unknown", reason: "any" };

/** Ruby's own classes, written with or without the leading `::` (2023 docs leave it out). */
const CLASSES: Readonly<Record<string, TypeRef>> = {
  String: STRING,
  Symbol: STRING,
  Integer: INTEGER,
  Float: NUMBER,
  Numeric: NUMBER,
  TrueClass: { kind: "literal", value: true },
  FalseClass: { kind: "literal", value: false },
  NilClass: { kind: "literal", value: null },
  Object: ANY,
  BasicObject: ANY,
  DateTime: { kind: "string", format: "date-time" },
  Date: { kind: "string", format: "date" },
};

/** Sorbet's and Crystalline's names for scalars. */
const SCALARS: Readonly<Record<string, TypeRef>> = {
  "T::Boolean": BOOLEAN,
  "T.untyped": ANY,
  "Crystalline::Boolean.new": BOOLEAN,
};

/** Generic names: what their arguments make. */
const NULLABLE = new Set(["T.nilable", "Crystalline::Nilable.new"]);
const ARRAYS = new Set(["T::Array", "T::Set", "Crystalline::Array", "Crystalline::Array.new"]);
const HASHES = new Set(["T::Hash", "Crystalline::Hash", "Crystalline::Hash.new"]);
const UNIONS = new Set(["T.any", "Crystalline::Union.new"]);

/** SDK runtime types with no JSON shape. */
const EXTERNAL = /^(?:::)?(?:Faraday::Response|StringIO|IO)$/;

class RubyReader extends TypeReader {
  protected override readonly wrappers: ReadonlySet<string> = NULLABLE;

  protected name(node: NameNode): TypeRef {
    const args = node.args;
    if (args) {
      const only = args.length === 1 ? args[0] : undefined;
      if (NULLABLE.has(node.name)) return only ? nullable(this.read(only)) : this.bad(node, `\`${node.name}(T)\``);
      if (ARRAYS.has(node.name)) return only ? { kind: "array", items: this.read(only) } : this.bad(node, `\`${node.name}[T]\``);
      if (HASHES.has(node.name)) {
        const values = args[1];
        return args.length === 2 && values ? { kind: "record", values: this.read(values) } : this.bad(node, `\`${node.name}[Symbol, T]\``);
      }
      if (UNIONS.has(node.name)) return this.union(args, node);
      return this.bad(node, "`T.nilable(..)`, `T::Array[..]`, `T::Hash[..]`, `T.any(..)` or their `Crystalline::` forms");
    }
    if (EXTERNAL.test(node.name)) return this.external(node);
    const scalar = own(SCALARS, node.name) ?? own(CLASSES, node.name.replace(/^::/, ""));
    if (scalar) return scalar;
    // Before the link check: the members of an inline union sit inside link text.
    const named = this.named(node.name, "::");
    if (named) return named;
    return this.unknownName(node, "a Sorbet type (`::String`, `T::Array[..]`, a model, …)");
  }

  /** Inside an inline union's link text, names are the members, not the (title-only) doc linked. */
  protected override linkedDoc(node: TypeNode): TypeRef | undefined {
    const link = this.linkOver(node);
    if (link && /\b(?:T\.any|Crystalline::Union\.new)\(/.test(this.typeText.text.slice(link.start, link.end))) return undefined;
    if (node.kind === "name" && node.args && UNIONS.has(node.name)) return undefined;
    return super.linkedDoc(node);
  }
}

/** Nilable is nullable, on required and optional fields alike: Ruby docs state it everywhere. */
function fieldType(typeText: TypeText, ctx: TypeContext, _required: boolean): FieldType {
  return { type: readWith(typeText, ctx, "Ruby", (node) => new RubyReader(typeText, ctx).read(node)) };
}

function memberType(member: RawMember, ctx: TypeContext): TypeRef {
  return readWith(member.heading, ctx, "Ruby", (node) => new RubyReader(member.heading, ctx).read(node));
}

/** The Ruby flavour. */
export const ruby: Flavour = { id: "ruby", label: "Ruby", fieldType, memberType, titleOnlyUnions: true };
