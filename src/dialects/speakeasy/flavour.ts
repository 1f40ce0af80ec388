/**
 * What every SDK-language flavour of the Speakeasy dialect provides: a reader
 * for Type cells and for union member headings. Each flavour is one file in
 * this folder; they share the lexer and the link helpers below.
 */

import type { RuleId } from "../../diagnostics.js";
import type { TypeRef } from "../../ir.js";
import type { TypeText } from "../../markdown.js";

/** What a flavour needs to know and report while reading one type expression. */
export interface TypeContext {
  /** The id of the doc being read (links are relative to it). */
  readonly docId: string;
  /** Reports a problem at the type expression's place. */
  report(ruleId: RuleId, message: string): void;
}

/** A Type cell's meaning: the value type, and what its wrapper says about presence. */
export interface FieldType {
  /** Nullability is part of the type (a `nullable` node). */
  readonly type: TypeRef;
  /**
   * `optional` when the wrapper says the key may be absent (`Optional[..]`,
   * `OptionalNullable[..]`), `required` when it says present (`Nullable[..]`),
   * undefined when the type does not say.
   */
  readonly presence?: "optional" | "required";
}

/** One SDK-language flavour of Speakeasy docs. */
export interface Flavour {
  readonly id: FlavourId;
  /** Reads a Fields-table Type cell. */
  fieldType(text: TypeText, ctx: TypeContext): FieldType;
  /** Reads a `### member` heading of a union doc. */
  memberType(text: TypeText, ctx: TypeContext): TypeRef;
}

export type FlavourId = "python";

/** The posix directory part of a doc id (`""` at the root). */
function dirOf(id: string): string {
  const slash = id.lastIndexOf("/");
  return slash < 0 ? "" : id.slice(0, slash);
}

/**
 * Resolves a link URL found in doc `docId` to a doc id, or returns undefined
 * for URLs that are not relative links (`https:`, `mailto:`, `#anchor`).
 * The result may start with `../` when the link leaves the input tree.
 */
export function linkTarget(docId: string, url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("#") || url.startsWith("/") || url === "") return undefined;
  const path = decodePath(url.replace(/[?#].*$/, ""));
  const parts = dirOf(docId) === "" ? [] : dirOf(docId).split("/");
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The SDK namespaces Speakeasy puts before model names (`models.X`, `components.X`, …). */
export const MODEL_NAMESPACES = new Set(["models", "components", "operations", "shared", "errors", "sdkerrors", "webhooks", "internal", "callbacks"]);

/** An `unknown` for a type expression that could not be read, reported as `unknown-type`. */
export function unreadable(ctx: TypeContext, text: string, expected: string): TypeRef {
  ctx.report("unknown-type", `Unexpected type \`${text}\`, expected ${expected}; it becomes \`unknown\``);
  return { kind: "unknown", reason: "unparsed", text };
}

/** An `unknown` for an SDK-language type with no JSON meaning, reported as `external-type`. */
export function external(ctx: TypeContext, text: string): TypeRef {
  ctx.report("external-type", `SDK type \`${text}\` has no JSON shape; it becomes \`unknown\``);
  return { kind: "unknown", reason: "external", text };
}
