/**
 * The PHP flavour (grammar §4.4 "PHP"): `*?string*` (nullable, which PHP
 * docs merge with optional), `array<T>`, `array<string, T>`,
 * `[?Operations\X](..)`, `[\DateTime](php.net)` (date or date-time: PHP says
 * not which), and inline unions in link text, `[string\|array\|null](u.md)`,
 * which name the union doc they link to. Union members carry their precise
 * type in the code block's `@var` line.
 */

import type { TypeRef } from "../../ir/ir.js";
import type { TypeText } from "../markdown.js";
import type { RawMember } from "./extract.js";
import { readWith, TypeReader, type FieldType, type Flavour, type TypeContext } from "./flavour.js";
import type { NameNode } from "./type-syntax.js";
import { own } from "../lookup.js";

const SCALARS: Readonly<Record<string, TypeRef>> = {
  string: { kind: "string" },
  int: { kind: "integer" },
  integer: { kind: "integer" },
  float: { kind: "number" },
  double: { kind: "number" },
  bool: { kind: "boolean" },
  boolean: { kind: "boolean" },
  true: { kind: "literal", value: true },
  false: { kind: "literal", value: false },
  mixed: { kind: "unknown", reason: "any" },
  // A bare `array` is a list or a map of anything: PHP does not say which.
  array: { kind: "union", members: [{ kind: "array", items: { kind: "unknown", reason: "any" } }, { kind: "record", values: { kind: "unknown", reason: "any" } }] },
  "\\DateTime": { kind: "union", members: [{ kind: "string", format: "date-time" }, { kind: "string", format: "date" }] },
  "\\DateTimeInterface": { kind: "union", members: [{ kind: "string", format: "date-time" }, { kind: "string", format: "date" }] },
};

/** SDK runtime types with no JSON shape. */
const EXTERNAL = /^\\?Psr\\Http\\|^\\?GuzzleHttp\\/;

class PhpReader extends TypeReader {
  protected name(node: NameNode): TypeRef {
    if (node.name === "array" && node.args) {
      const [first, second] = node.args;
      if (node.args.length === 1 && first) return { kind: "array", items: this.read(first) };
      if (node.args.length === 2 && second) return { kind: "record", values: this.read(second) };
      return this.bad(node, "`array<T>` or `array<string, T>`");
    }
    if (EXTERNAL.test(node.name)) return this.external(node);
    if (node.args) return this.bad(node, "a PHP type (`string`, `?int`, `array<T>`, a model, …)");
    const scalar = own(SCALARS, node.name);
    if (scalar) return scalar;
    if (this.linkOver(node) && !this.linksToDoc(node)) return this.external(node);
    return phpClass(node.name) ?? this.unknownName(node, "a PHP type (`string`, `?int`, `array<T>`, a model, …)");
  }
}

/**
 * A model class by its (qualified) name: `Components\X`, or fully qualified,
 * `\Vendor\Sdk\Models\Payments\X` (formance-sdk-php); the namespace before
 * the name hints at the folder.
 */
function phpClass(name: string): TypeRef | undefined {
  const parts = name.split("\\").filter(Boolean);
  const last = parts[parts.length - 1];
  if (!last || parts.length < 2) return undefined;
  return { kind: "named", name: last, namespace: (parts[parts.length - 2] as string).toLowerCase() };
}

/**
 * `?T` is nullable. Required fields never carry `?`, even nullable ones
 * (grammar §4.2): their nullability goes unsaid.
 */
function fieldType(typeText: TypeText, ctx: TypeContext, required: boolean): FieldType {
  const type = readWith(typeText, ctx, "PHP", (node) => new PhpReader(typeText, ctx).read(node));
  return required && type.kind !== "nullable" ? { type, nullabilityUnstated: true } : { type };
}

/** `@var TYPE` in a member's PHPDoc, multi-line (`* @var X`) or on one line (`/** @var X $value *\/`). */
const PHPDOC_VAR = /@var\s+(\S[^\n]*?)(?:\s+\$\w+)?\s*(?:\*\/.*)?$/m;

function memberType(member: RawMember, ctx: TypeContext): TypeRef {
  const declared = member.code ? PHPDOC_VAR.exec(member.code.code)?.[1] : undefined;
  const text: TypeText = declared ? { text: declared, links: [] } : member.heading;
  return readWith(text, ctx, "PHP", (node) => new PhpReader(text, ctx).read(node));
}

/** The PHP flavour. */
export const php: Flavour = { id: "php", label: "PHP", fieldType, memberType, titleOnlyUnions: false };
