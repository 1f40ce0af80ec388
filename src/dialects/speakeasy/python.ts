/**
 * The Python flavour (grammar §4.4 "Python", the 2024+ form and the 2023
 * cribl form with `list[..]`, `dict[..]` and unnamespaced links):
 * `*str*`, `*Optional[int]*`, `List[[models.X](x.md)]`, `Dict[str, *Any*]`,
 * `*Literal["x"]*`, `[date](…#date-objects)`, union headings `models.X`.
 */

import { nullable, type TypeRef } from "../../ir/ir.js";
import type { TypeText } from "../markdown.js";
import type { RawMember } from "./extract.js";
import { isUnwrappable, readWith, TypeReader, type FieldType, type Flavour, type TypeContext } from "./flavour.js";
import type { NameNode, TypeNode } from "./type-syntax.js";
import { own } from "../lookup.js";

/** Python's own scalar types. */
const SCALARS: Readonly<Record<string, TypeRef>> = {
  str: { kind: "string" },
  int: { kind: "integer" },
  float: { kind: "number" },
  bool: { kind: "boolean" },
  bytes: { kind: "string", format: "byte" },
  Any: { kind: "unknown", reason: "any" },
  // Union member headings name the Python types themselves (no link, so no swap).
  datetime: { kind: "string", format: "date-time" },
  date: { kind: "string", format: "date" },
  // Captured values of open enums and literals (`Union[Literal["x"], UnrecognizedStr]`).
  UnrecognizedStr: { kind: "string" },
  UnrecognizedInt: { kind: "integer" },
};

/** SDK runtime types that have no JSON shape (responses, file handles, streams). */
const EXTERNAL = /^(?:httpx\.Response|requests\.Response|requests_http\.Response|IO|io\.\w+|eventstreaming\.\w+|typing\.\w+)$/;

class PythonReader extends TypeReader {
  protected override readonly wrappers: ReadonlySet<string> = new Set(["Optional", "Nullable", "OptionalNullable"]);

  override read(node: TypeNode): TypeRef {
    // Literals belong in `Literal[..]`, which reads them itself.
    if (node.kind === "literal") return this.bad(node, "a type, not a bare literal (literals go in `Literal[..]`)");
    return super.read(node);
  }

  protected name(node: NameNode): TypeRef {
    if (!node.args) {
      const scalar = own(SCALARS, node.name);
      if (scalar) return scalar;
      if (EXTERNAL.test(node.name) || this.linkOver(node)) return this.external(node);
      const named = this.named(node.name, ".");
      if (named) return named;
      // A dotted name outside the SDK's model namespaces is a library's type (`requests_http.Response`).
      if (node.name.includes(".")) return this.external(node);
      return this.unknownName(node, "a Python type (`str`, `int`, `List[..]`, a linked model, …)");
    }
    switch (node.name) {
      case "Optional":
      case "Nullable":
      case "OptionalNullable": {
        // Nested wrappers (list items, dict values) can only mean "may be null".
        const inner = this.only(node, `\`${node.name}[T]\``);
        return inner ? nullable(inner) : { kind: "unknown", reason: "unparsed", text: this.text(node) };
      }
      case "List":
      case "list":
        return this.wrap(node, "`List[T]`", (items) => ({ kind: "array", items }));
      case "Dict":
      case "dict": {
        const values = node.args[1];
        if (node.args.length !== 2 || !values) return this.bad(node, "`Dict[str, T]`");
        return { kind: "record", values: this.read(values) };
      }
      case "Literal":
        return this.literal(node, node.args);
      case "Union":
        return this.union(node.args, node);
      default:
        if (EXTERNAL.test(node.name)) return this.external(node);
        return this.bad(node, "`Optional`, `Nullable`, `OptionalNullable`, `List`, `Dict`, `Literal` or `Union`");
    }
  }

  private wrap(node: NameNode, expected: string, make: (inner: TypeRef) => TypeRef): TypeRef {
    const inner = this.only(node, expected);
    return inner ? make(inner) : { kind: "unknown", reason: "unparsed", text: this.text(node) };
  }

  private literal(node: NameNode, args: readonly TypeNode[]): TypeRef {
    const values: TypeRef[] = [];
    const constants: Readonly<Record<string, boolean | null>> = { True: true, False: false, None: null };
    for (const arg of args) {
      if (arg.kind === "literal") values.push({ kind: "literal", value: arg.value });
      else if (arg.kind === "name" && !arg.args && Object.hasOwn(constants, arg.name)) values.push({ kind: "literal", value: constants[arg.name] ?? null });
      else return this.bad(node, "`Literal[..]` of strings, integers, `True`, `False` or `None`");
    }
    return values.length === 1 ? (values[0] as TypeRef) : { kind: "union", members: values };
  }

  /**
   * The outer wrapper gives presence; the rest the type. `Optional[X]` is
   * Python's "X or None": on an optional field (➖) it says the key may be
   * absent (and, in docs that also write `OptionalNullable[..]`, that it is
   * never null; earlier docs leave that unsaid); on a required one (✔), as
   * 2023-era docs write a required nullable field
   * (`nullableOneOfTypeInObject`), that it may be null.
   */
  field(node: TypeNode, required: boolean): FieldType {
    const link = node.kind === "name" ? this.linkOver(node) : undefined;
    const outer = node.kind === "name" && node.args?.length === 1 && !link?.url.startsWith("http") ? node : undefined;
    const inner = outer?.args?.[0];
    if (outer && inner) {
      if (outer.name === "Optional") {
        if (required) return { type: nullable(this.read(inner)) };
        // Before `OptionalNullable[..]` existed, `Optional[..]` was written for every optional field, nullable or not.
        return { type: this.read(inner), presence: "optional", ...(this.ctx.settled?.pythonOptional === "unstated" ? { nullabilityUnstated: true } : {}) };
      }
      if (outer.name === "OptionalNullable") return { type: nullable(this.read(inner)), presence: "optional" };
      if (outer.name === "Nullable") return { type: nullable(this.read(inner)), presence: "required" };
    }
    const type = this.read(node);
    // Lists, dicts and dates are never wrapped, so their nullability goes unsaid (DESIGN.md, "Facts").
    return { type, ...(isUnwrappable(type) ? { nullabilityUnstated: true } : {}) };
  }
}

function fieldType(typeText: TypeText, ctx: TypeContext, required: boolean): FieldType {
  const reader = new PythonReader(typeText, ctx);
  let result: FieldType | undefined;
  const type = readWith(typeText, ctx, "Python", (node) => (result = reader.field(node, required)).type);
  return result ?? { type };
}

/** A member's code block before 2024-10: `<name>: <type> = /* values here *\/`. */
const ANNOTATION = /^\s*[A-Za-z_]\w*\s*:\s*(.+?)\s*=\s*\/\*\s*values here\s*\*\/\s*$/m;

/**
 * A union member. Since 2024-10 the heading is the member's type in a code
 * span (`` ### `models.X` ``); before, it was a bare model name (`### Widget`)
 * or empty (`### `) for scalars and containers, and the type was only in the
 * code block (`part: shared.Widget = /* values here *\/`), which is read
 * then, or else the bare heading as a model's name.
 */
function memberType(member: RawMember, ctx: TypeContext): TypeRef {
  const annotation = member.headingIsCode ? undefined : member.code && ANNOTATION.exec(member.code.code)?.[1];
  const text: TypeText = annotation ? { text: annotation, links: [] } : member.heading;
  if (!member.headingIsCode && !annotation && /^[A-Za-z_]\w*$/.test(text.text.trim())) return { kind: "named", name: text.text.trim() };
  return readWith(text, ctx, "Python", (node) => new PythonReader(text, ctx).read(node));
}

/** The Python flavour. */
export const python: Flavour = { id: "python", label: "Python", fieldType, memberType, titleOnlyUnions: false };
