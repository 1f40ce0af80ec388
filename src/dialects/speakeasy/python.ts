/**
 * The Python flavour of Speakeasy docs: its type grammar (speakeasy-grammar.md
 * §4.4 "Python", both the 2024+ form and the 2023 cribl form) and what each
 * type means.
 *
 * ```
 * T   ::= Name | Name "[" T ("," T)* "]" | Literal
 * ```
 * read over the Type cell's text with link spans: a name inside link text
 * refers to the linked doc.
 */

import { nullable, type TypeRef } from "../../ir.js";
import type { TypeText } from "../../markdown.js";
import { external, linkTarget, MODEL_NAMESPACES, unreadable, type FieldType, type Flavour, type TypeContext } from "./flavour.js";
import { linkCovering, tokenize, TokenStream } from "./lexer.js";

/** A parsed Python type expression, before it is given a meaning. */
type PyExpr =
  | { readonly kind: "name"; readonly name: string; readonly args?: readonly PyExpr[]; readonly start: number; readonly end: number; readonly nameEnd: number }
  | { readonly kind: "literal"; readonly value: string | number; readonly start: number; readonly end: number };

/** Parses the whole text, or returns undefined when it is not a Python type expression. */
function parsePy(text: string): PyExpr | undefined {
  const tokens = tokenize(text);
  if (!Array.isArray(tokens)) return undefined;
  const stream = new TokenStream(tokens);
  const expr = parseExpr(stream);
  return expr && stream.done ? expr : undefined;
}

function parseExpr(s: TokenStream): PyExpr | undefined {
  const token = s.next();
  if (!token) return undefined;
  if (token.kind === "string" || token.kind === "number") return { kind: "literal", value: token.value, start: token.start, end: token.end };
  if (token.kind !== "name") return undefined;
  if (!s.eat("[")) return { kind: "name", name: token.text, start: token.start, end: token.end, nameEnd: token.end };
  const args: PyExpr[] = [];
  do {
    const arg = parseExpr(s);
    if (!arg) return undefined;
    args.push(arg);
  } while (s.eat(","));
  const close = s.peek();
  if (!s.eat("]") || !close) return undefined;
  return { kind: "name", name: token.text, args, start: token.start, end: close.end, nameEnd: token.end };
}

/** Python's own scalar types. */
const SCALARS: Readonly<Record<string, TypeRef>> = {
  str: { kind: "string" },
  int: { kind: "integer" },
  float: { kind: "number" },
  bool: { kind: "boolean" },
  bytes: { kind: "string", format: "byte" },
  Any: { kind: "unknown", reason: "any" },
  // Captured values of open enums and literals (`Union[Literal["x"], UnrecognizedStr]`).
  UnrecognizedStr: { kind: "string" },
  UnrecognizedInt: { kind: "integer" },
};

/** SDK runtime types that have no JSON shape (responses, file handles, streams). */
const EXTERNAL = /^(?:httpx\.Response|requests\.Response|IO|io\.\w+|eventstreaming\.\w+|typing\.\w+)$/;

class PyReader {
  readonly typeText: TypeText;
  readonly ctx: TypeContext;

  constructor(typeText: TypeText, ctx: TypeContext) {
    this.typeText = typeText;
    this.ctx = ctx;
  }

  /** The meaning of `expr`. */
  read(expr: PyExpr): TypeRef {
    if (expr.kind === "literal") return this.bad(expr, "a type, not a bare literal (literals go in `Literal[..]`)");
    const args = expr.args;
    const link = linkCovering(this.typeText, expr.start, expr.nameEnd);
    const target = link ? linkTarget(this.ctx.docId, link.url) : undefined;

    if (!args) {
      // A name inside the text of a link to a doc is a reference to that doc, whatever its spelling.
      if (target !== undefined) return { kind: "ref", target };
      if (expr.name === "date" || expr.name === "datetime") return this.date(expr.name, link?.url);
      const scalar = SCALARS[expr.name];
      if (scalar) return scalar;
      if (EXTERNAL.test(expr.name) || link) return external(this.ctx, expr.name);
      const dot = expr.name.lastIndexOf(".");
      if (dot > 0 && MODEL_NAMESPACES.has(expr.name.slice(0, dot))) {
        return { kind: "named", name: expr.name.slice(dot + 1), namespace: expr.name.slice(0, dot) };
      }
      return this.bad(expr, "a Python type (`str`, `int`, `List[..]`, a linked model, …)");
    }

    switch (expr.name) {
      case "Optional":
      case "Nullable":
      case "OptionalNullable":
        // Nested wrappers (e.g. list items) can only say "may be null" (grammar §4.4).
        return this.one(expr, args, (inner) => nullable(inner));
      case "List":
      case "list":
        return this.one(expr, args, (items) => ({ kind: "array", items }));
      case "Dict":
      case "dict":
        if (args.length !== 2) return this.bad(expr, "`Dict[str, T]`");
        return { kind: "record", values: this.read(args[1] as PyExpr) };
      case "Literal":
        return this.literal(expr, args);
      case "Union": {
        // A file-upload union (`Union[bytes, IO[bytes], io.BufferedReader]`) is one SDK type: report it once.
        if (args.some((arg) => arg.kind === "name" && EXTERNAL.test(arg.name))) return external(this.ctx, this.text(expr));
        const members = args.map((arg) => this.read(arg));
        // A union with an `unknown` member (e.g. `Union[bytes, IO[bytes], io.BufferedReader]`) accepts anything.
        const unknown = members.find((m) => m.kind === "unknown");
        return unknown ?? { kind: "union", members };
      }
      default:
        if (EXTERNAL.test(expr.name)) return external(this.ctx, this.text(expr));
        return this.bad(expr, "`Optional`, `Nullable`, `OptionalNullable`, `List`, `Dict`, `Literal` or `Union`");
    }
  }

  /** The date links; Python docs swap them (DESIGN.md "Facts"): `date` is written for date-times. */
  private date(name: "date" | "datetime", url: string | undefined): TypeRef {
    if (url?.includes("#date-objects")) return { kind: "string", format: "date-time" };
    if (url?.includes("#datetime-objects")) return { kind: "string", format: "date" };
    // Unlinked (union member headings): the Python type itself.
    return { kind: "string", format: name === "datetime" ? "date-time" : "date" };
  }

  private literal(expr: PyExpr, args: readonly PyExpr[]): TypeRef {
    const values: TypeRef[] = [];
    for (const arg of args) {
      if (arg.kind === "literal") values.push({ kind: "literal", value: arg.value });
      else if (!arg.args && (arg.name === "True" || arg.name === "False")) values.push({ kind: "literal", value: arg.name === "True" });
      else return this.bad(expr, "`Literal[..]` of strings, integers, `True` or `False`");
    }
    return values.length === 1 ? (values[0] as TypeRef) : { kind: "union", members: values };
  }

  private one(expr: PyExpr, args: readonly PyExpr[], wrap: (inner: TypeRef) => TypeRef): TypeRef {
    if (args.length !== 1) return this.bad(expr, `\`${(expr as { name: string }).name}[T]\` with one type argument`);
    return wrap(this.read(args[0] as PyExpr));
  }

  private text(expr: PyExpr): string {
    return this.typeText.text.slice(expr.start, expr.end);
  }

  private bad(expr: PyExpr, expected: string): TypeRef {
    return unreadable(this.ctx, this.text(expr), expected);
  }
}

/** Reads one Python Type cell: the outer wrapper gives presence, the rest the type. */
function fieldType(typeText: TypeText, ctx: TypeContext): FieldType {
  const expr = parsePy(typeText.text);
  if (!expr) return { type: unreadable(ctx, typeText.text.trim(), "a Python type expression") };
  const reader = new PyReader(typeText, ctx);
  if (expr.kind === "name" && expr.args?.length === 1 && !linkCovering(typeText, expr.start, expr.nameEnd)?.url.startsWith("http")) {
    const inner = expr.args[0] as PyExpr;
    switch (expr.name) {
      case "Optional":
        return { type: reader.read(inner), presence: "optional" };
      case "OptionalNullable":
        return { type: nullable(reader.read(inner)), presence: "optional" };
      case "Nullable":
        return { type: nullable(reader.read(inner)), presence: "required" };
    }
  }
  return { type: reader.read(expr) };
}

/** Reads a union member heading such as `models.Button`, `str` or `List[models.X]`. */
function memberType(typeText: TypeText, ctx: TypeContext): TypeRef {
  const expr = parsePy(typeText.text);
  if (!expr) return unreadable(ctx, typeText.text.trim(), "a Python type expression");
  return new PyReader(typeText, ctx).read(expr);
}

/** The Python flavour. */
export const python: Flavour = { id: "python", fieldType, memberType };
