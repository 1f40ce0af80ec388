/**
 * One parser for the type syntax of every Speakeasy flavour (grammar §4.4):
 * generic names (`List[T]`, `Map<String, T>`, `T.nilable(T)`), array suffixes
 * and prefixes (`T[]`, `[]T`), Go's `map[K]V` and pointers (`*T`), PHP's
 * `?T`, unions with `|` (TypeScript, PHP), TypeScript index signatures and
 * literals. It builds a syntax tree; each flavour gives the names meaning.
 *
 * ```
 * union   ::= prefix ("|" prefix)*
 * prefix  ::= "*" prefix | "?" prefix | "[]" prefix | "map" "[" union "]" prefix | postfix
 * postfix ::= primary "[]"*
 * primary ::= STRING | NUMBER | NAME (("<" | "[" | "(") arg ("," arg)* (">" | "]" | ")"))?
 *           | "{" "[" NAME ":" union "]" ":" union "}" | "(" union ")"
 * arg     ::= "?" | ("?" ("extends" | "super"))? union
 * ```
 */

import { tokenize, TokenStream } from "./lexer.js";

interface Span {
  readonly start: number;
  readonly end: number;
}

/** A name, with type arguments if it has any. */
export interface NameNode extends Span {
  readonly kind: "name";
  readonly name: string;
  readonly args?: readonly TypeNode[];
  /** The bracket the arguments were written in. */
  readonly bracket?: "<" | "[" | "(";
  /** Where the name itself ends (before any arguments). */
  readonly nameEnd: number;
}

/** The syntax tree of a type expression. */
export type TypeNode =
  | NameNode
  | ({ readonly kind: "literal"; readonly value: string | number } & Span)
  /** `T[]` (suffix) or `[]T` (prefix). */
  | ({ readonly kind: "array"; readonly items: TypeNode } & Span)
  /** Go's `*T`. */
  | ({ readonly kind: "pointer"; readonly type: TypeNode } & Span)
  /** PHP's `?T`. */
  | ({ readonly kind: "optional"; readonly type: TypeNode } & Span)
  /** Go's `map[K]V` and TypeScript's `{ [k: K]: V }`. */
  | ({ readonly kind: "map"; readonly key: TypeNode; readonly values: TypeNode } & Span)
  | ({ readonly kind: "union"; readonly members: readonly TypeNode[] } & Span);

const CLOSE: Readonly<Record<string, string>> = { "<": ">", "[": "]", "(": ")" };

/** Parses a whole type expression, or returns undefined when it is not one. */
export function parseTypeSyntax(text: string): TypeNode | undefined {
  const tokens = tokenize(text);
  if (!Array.isArray(tokens) || tokens.length === 0) return undefined;
  const stream = new TokenStream(tokens);
  const node = union(stream);
  return node && stream.done ? node : undefined;
}

function union(s: TokenStream): TypeNode | undefined {
  const first = prefix(s);
  if (!first || !s.at("|")) return first;
  const members = [first];
  while (s.eat("|")) {
    const next = prefix(s);
    if (!next) return undefined;
    members.push(next);
  }
  return { kind: "union", members, start: first.start, end: (members[members.length - 1] as TypeNode).end };
}

function prefix(s: TokenStream): TypeNode | undefined {
  const token = s.peek();
  if (!token) return undefined;
  if (token.kind === "punct" && (token.text === "*" || token.text === "?" || token.text === "[]")) {
    s.next();
    const inner = prefix(s);
    if (!inner) return undefined;
    const span = { start: token.start, end: inner.end };
    if (token.text === "*") return { kind: "pointer", type: inner, ...span };
    if (token.text === "?") return { kind: "optional", type: inner, ...span };
    return { kind: "array", items: inner, ...span };
  }
  if (token.kind === "name" && token.text === "map" && s.peek(1)?.kind === "punct" && (s.peek(1) as { text: string }).text === "[") {
    s.next();
    s.next();
    const key = union(s);
    if (!key || !s.eat("]")) return undefined;
    const values = prefix(s);
    if (!values) return undefined;
    return { kind: "map", key, values, start: token.start, end: values.end };
  }
  return postfix(s);
}

function postfix(s: TokenStream): TypeNode | undefined {
  let node = primary(s);
  while (node && s.peek()?.kind === "punct" && (s.peek() as { text: string }).text === "[]") {
    const close = s.next() as { end: number };
    node = { kind: "array", items: node, start: node.start, end: close.end };
  }
  return node;
}

function primary(s: TokenStream): TypeNode | undefined {
  const token = s.next();
  if (!token) return undefined;
  if (token.kind === "string" || token.kind === "number") return { kind: "literal", value: token.value, start: token.start, end: token.end };
  if (token.kind === "punct" && token.text === "(") {
    const inner = union(s);
    return inner && s.eat(")") ? inner : undefined;
  }
  if (token.kind === "punct" && token.text === "{") return indexSignature(s, token.start);
  if (token.kind !== "name") return undefined;
  const open = s.peek();
  if (open?.kind !== "punct" || !(open.text in CLOSE)) return { kind: "name", name: token.text, start: token.start, end: token.end, nameEnd: token.end };
  s.next();
  const bracket = open.text as "<" | "[" | "(";
  const args: TypeNode[] = [];
  do {
    // Java's wildcard `HttpResponse<?>`.
    if (s.at("?") && s.peek(1)?.kind === "punct" && (s.peek(1) as { text: string }).text === CLOSE[bracket]) {
      const q = s.next() as { start: number; end: number };
      args.push({ kind: "name", name: "?", start: q.start, end: q.end, nameEnd: q.end });
      continue;
    }
    // Java's bounded wildcard `Optional<? extends String>` (2024–25 docs): the bound is the type.
    const bound = s.peek(1);
    if (s.at("?") && bound?.kind === "name" && (bound.text === "extends" || bound.text === "super")) {
      s.next();
      s.next();
    }
    const arg = union(s);
    if (!arg) return undefined;
    args.push(arg);
  } while (s.eat(","));
  const close = s.peek();
  if (!close || !s.eat(CLOSE[bracket] as string)) return undefined;
  return { kind: "name", name: token.text, args, bracket, start: token.start, end: close.end, nameEnd: token.end };
}

/** `{ [k: string]: T }` after its `{`. */
function indexSignature(s: TokenStream, start: number): TypeNode | undefined {
  if (!s.eat("[") || s.next()?.kind !== "name" || !s.eat(":")) return undefined;
  const key = union(s);
  if (!key || !s.eat("]") || !s.eat(":")) return undefined;
  const values = union(s);
  const close = s.peek();
  if (!values || !close || !s.eat("}")) return undefined;
  return { kind: "map", key, values, start, end: close.end };
}
