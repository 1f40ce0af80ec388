/**
 * The Java flavour (grammar §4.4 "Java"): `*Optional\<String>*` (optional),
 * `*JsonNullable\<String>*` (optional and nullable), `List\<[X](X.md)>`,
 * `Map\<String, *Object*>`, `*long*`, `[OffsetDateTime](..)`,
 * `[LocalDate](..)`. Java documents unions as a title only.
 */

import { nullable, type TypeRef } from "../../ir/ir.js";
import type { TypeText } from "../markdown.js";
import type { RawMember } from "./extract.js";
import { readWith, TypeReader, unreadable, type FieldType, type Flavour, type TypeContext } from "./flavour.js";
import type { NameNode, TypeNode } from "./type-syntax.js";
import { own } from "../lookup.js";

const SCALARS: Readonly<Record<string, TypeRef>> = {
  String: { kind: "string" },
  long: { kind: "integer" },
  Long: { kind: "integer" },
  int: { kind: "integer" },
  Integer: { kind: "integer" },
  short: { kind: "integer" },
  Short: { kind: "integer" },
  double: { kind: "number" },
  Double: { kind: "number" },
  float: { kind: "number" },
  Float: { kind: "number" },
  boolean: { kind: "boolean" },
  Boolean: { kind: "boolean" },
  Object: { kind: "unknown", reason: "any" },
  OffsetDateTime: { kind: "string", format: "date-time" },
  LocalDate: { kind: "string", format: "date" },
};

/** SDK runtime types with no JSON shape. */
const EXTERNAL = /^(?:HttpResponse|InputStream)$/;

class JavaReader extends TypeReader {
  protected override readonly wrappers: ReadonlySet<string> = new Set(["Optional", "JsonNullable"]);

  protected name(node: NameNode): TypeRef {
    switch (node.args ? node.name : "") {
      case "Optional":
      case "JsonNullable": {
        // Nested (rare): only nullability can be meant.
        const inner = this.only(node, `\`${node.name}<T>\``);
        return inner ? nullable(inner) : { kind: "unknown", reason: "unparsed", text: this.text(node) };
      }
      case "List":
      case "Set": {
        const items = this.only(node, "`List<T>`");
        return items ? { kind: "array", items } : { kind: "unknown", reason: "unparsed", text: this.text(node) };
      }
      case "Map": {
        const values = node.args?.[1];
        if (node.args?.length !== 2 || !values) return this.bad(node, "`Map<String, T>`");
        return { kind: "record", values: this.read(values) };
      }
    }
    if (EXTERNAL.test(node.name)) return this.external(node);
    if (node.args) return this.bad(node, "`Optional<T>`, `JsonNullable<T>`, `List<T>` or `Map<String, T>`");
    const scalar = own(SCALARS, node.name);
    if (scalar) return scalar;
    return this.unknownName(node, "a Java type (`String`, `long`, `List<T>`, a linked model, …)");
  }

  override read(node: TypeNode): TypeRef {
    // `byte[]` is base64 text on the wire.
    if (node.kind === "array" && node.items.kind === "name" && node.items.name === "byte") return { kind: "string", format: "byte" };
    return super.read(node);
  }

  /**
   * `JsonNullable<T>` may be null. `Optional<T>` on a required field means it
   * may be null; on an optional field only that it may be absent, so there its
   * nullability goes unsaid (as for any other optional field).
   */
  field(node: TypeNode, required: boolean): FieldType {
    const inner = node.kind === "name" && node.args?.length === 1 ? node.args[0] : undefined;
    if (node.kind === "name" && inner && !this.isExternal(node)) {
      if (node.name === "JsonNullable") return { type: nullable(this.read(inner)) };
      if (node.name === "Optional") return required ? { type: nullable(this.read(inner)) } : { type: this.read(inner), nullabilityUnstated: true };
    }
    return required ? { type: this.read(node) } : { type: this.read(node), nullabilityUnstated: true };
  }
}

/** Java docs escape `<` (`Optional\<String>`), once twice by mistake (`List\\<`; grammar §10.3). */
function unescape(typeText: TypeText): TypeText {
  return { text: typeText.text.replace(/\\+</g, (m) => " ".repeat(m.length - 1) + "<"), links: typeText.links };
}

function fieldType(typeText: TypeText, ctx: TypeContext, required: boolean): FieldType {
  const text = unescape(typeText);
  let result: FieldType | undefined;
  const type = readWith(text, ctx, "Java", (node) => (result = new JavaReader(text, ctx).field(node, required)).type);
  return result ?? { type };
}

function memberType(member: RawMember, ctx: TypeContext): TypeRef {
  // Java writes no `## Supported Types`; should one appear, read its headings as Java types.
  const text = unescape(member.heading);
  if (text.text.trim() === "") return unreadable(ctx, "", "a Java type in the member heading");
  return readWith(text, ctx, "Java", (node) => new JavaReader(text, ctx).read(node));
}

/** The Java flavour. */
export const java: Flavour = { id: "java", label: "Java", fieldType, memberType, titleOnlyUnions: true };
