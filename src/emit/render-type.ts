/**
 * TypeScript type expressions for IR types (DESIGN.md, "Type semantics").
 * Also renders the human-readable `expected` text of validation issues.
 */

import { assertNever, type TypeRef } from "../ir/ir.js";
import { stringLiteral } from "./escape.js";

/**
 * Renders `type` as a TypeScript type expression. `refName` gives the local
 * name of a referenced model. In a type alias (`inAlias`), records are written
 * `{ [key: string]: T }`: `Record<string, T>` cannot refer back to the alias
 * (a union doc with a `Dict[str, Self]` member).
 */
export function renderType(type: TypeRef, refName: (target: string) => string, inAlias = false): string {
  const render = (t: TypeRef) => renderType(t, refName, inAlias);
  switch (type.kind) {
    case "string":
      return "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "unknown":
      return "unknown";
    case "literal":
      return literalText(type.value);
    case "array":
      return needsParentheses(type.items) ? `(${render(type.items)})[]` : `${render(type.items)}[]`;
    case "record":
      return inAlias ? `{ [key: string]: ${render(type.values)} }` : `Record<string, ${render(type.values)}>`;
    case "ref":
      return refName(type.target);
    case "named":
      throw new Error(`Internal error: unresolved name ${type.name} reached emit`);
    case "nullable":
      return type.type.kind === "unknown" ? "unknown" : `${render(type.type)} | null`;
    case "union":
      return renderUnion(type.members, render);
    default:
      return assertNever(type, "type kind");
  }
}

/** A literal value as TypeScript (and JavaScript) source. */
export function literalText(value: string | number | boolean | null): string {
  return typeof value === "string" ? stringLiteral(value) : String(value);
}

function needsParentheses(type: TypeRef): boolean {
  return (type.kind === "union" && type.members.length > 1) || (type.kind === "nullable" && type.type.kind !== "unknown");
}

/**
 * Members joined with `|`, duplicates dropped. Beside string literals a plain
 * `string` is written `(string & {})`, so editors still offer the literals
 * (an open literal such as `Union[Literal["x"], UnrecognizedStr]`).
 */
function renderUnion(nested: readonly TypeRef[], render: (type: TypeRef) => string): string {
  // A union member that is a union itself (a big number, `number | string`) joins the others.
  const members = nested.flatMap((m) => (m.kind === "union" && m.members.length > 0 ? m.members : [m]));
  if (members.length === 0) return "never";
  const hasStringLiteral = members.some((m) => m.kind === "literal" && typeof m.value === "string");
  const hasNumberLiteral = members.some((m) => m.kind === "literal" && typeof m.value === "number");
  const parts: string[] = [];
  for (const member of members) {
    let text = render(member);
    if (member.kind === "string" && hasStringLiteral) text = "(string & {})";
    else if ((member.kind === "number" || member.kind === "integer") && hasNumberLiteral) text = "(number & {})";
    else if (member.kind === "union") text = `(${text})`;
    if (!parts.includes(text)) parts.push(text);
  }
  return parts.join(" | ");
}

/**
 * The `expected` text of a validation issue for `type`: like the TypeScript
 * type, but with model names as documented and formats spelt out.
 */
export function describeType(type: TypeRef, modelName: (target: string) => string): string {
  switch (type.kind) {
    case "string":
      return type.format === "date-time" ? "date-time string (RFC 3339)" : type.format === "date" ? "date string (YYYY-MM-DD)" : "string";
    case "integer":
      return "integer";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "unknown":
      return "any value";
    case "literal":
      return literalText(type.value);
    case "array": {
      const items = describeType(type.items, modelName);
      return needsParentheses(type.items) ? `(${items})[]` : `${items}[]`;
    }
    case "record":
      return `Record<string, ${describeType(type.values, modelName)}>`;
    case "ref":
      return modelName(type.target);
    case "named":
      return type.name;
    case "nullable":
      return `${describeType(type.type, modelName)} | null`;
    case "union":
      return type.members.length === 0 ? "never" : [...new Set(type.members.map((m) => describeType(m, modelName)))].join(" | ");
    default:
      return assertNever(type, "type kind");
  }
}
