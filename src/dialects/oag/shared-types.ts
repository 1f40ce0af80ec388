/**
 * Small builders every OAG language reader shares (grammar §A.5): the IR
 * leaves for free-form, SDK-only and unreadable types, and model names.
 */

import type { TypeRef } from "../../ir/ir.js";
import { lastSegment, parseTypeSyntax, type TypeSyntax } from "./type-syntax.js";

/** A free-form type (`object`, `interface{}`, `serde_json::Value`, `any`). */
export const ANY: TypeRef = { kind: "unknown", reason: "any" };
export const STRING: TypeRef = { kind: "string" };
export const INTEGER: TypeRef = { kind: "integer" };
export const NUMBER: TypeRef = { kind: "number" };
export const BOOLEAN: TypeRef = { kind: "boolean" };
export const DATE_TIME: TypeRef = { kind: "string", format: "date-time" };
export const DATE: TypeRef = { kind: "string", format: "date" };

/** An SDK-language type with no JSON meaning (`*os.File`, `std::path::PathBuf`). */
export function external(text: string): TypeRef {
  return { kind: "unknown", reason: "external", text };
}

/** A type text no rule of the language reads. */
export function unparsed(text: string): TypeRef {
  return { kind: "unknown", reason: "unparsed", text };
}

/** Model names: identifiers, qualified or not (`Pet`, `models::Pet`, `\Vendor\Model\Pet`, `Pkg.Pet`). */
const MODEL_NAME = /^\*?[A-Za-z_$\\][\w$.\\]*(?:::[A-Za-z_$][\w$.]*)*$/;

/** A model by its bare name (namespaces and packages cut), or `undefined` when `name` is no identifier. */
export function named(name: string): TypeRef | undefined {
  if (!MODEL_NAME.test(name)) return undefined;
  const bare = lastSegment(name);
  return bare === "" ? undefined : { kind: "named", name: bare };
}

/**
 * Reads `text` with a language's converter of syntax nodes: the converter
 * returns `undefined` for what it cannot read, and the whole text is then
 * `unknown` with reason `unparsed`.
 */
export function readTypeText(text: string, convert: (node: TypeSyntax) => TypeRef | undefined): TypeRef {
  const syntax = parseTypeSyntax(text);
  const type = syntax ? convert(syntax) : undefined;
  return type ?? unparsed(text);
}

/** Converts every node of `nodes`, or `undefined` when one fails. */
export function convertAll(nodes: readonly TypeSyntax[], convert: (node: TypeSyntax) => TypeRef | undefined): TypeRef[] | undefined {
  const out: TypeRef[] = [];
  for (const node of nodes) {
    const type = convert(node);
    if (!type) return undefined;
    out.push(type);
  }
  return out;
}

/** `A | B` as IR: a `null` member makes the rest nullable; one member left is itself. */
export function unionOf(members: readonly TypeRef[]): TypeRef {
  const nonNull = members.filter((m) => !(m.kind === "literal" && m.value === null));
  const rest: TypeRef = nonNull.length === 1 ? (nonNull[0] as TypeRef) : nonNull.length === 0 ? { kind: "literal", value: null } : { kind: "union", members: nonNull };
  if (nonNull.length === members.length || nonNull.length === 0) return rest;
  return rest.kind === "nullable" || rest.kind === "unknown" ? rest : { kind: "nullable", type: rest };
}
