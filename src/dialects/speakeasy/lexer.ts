/**
 * A tokenizer for the SDK-language type expressions in Speakeasy Type cells,
 * shared by the per-language grammars. Every token keeps its offsets in the
 * {@link TypeText}, so a grammar can tell which names were link text.
 */

import type { TypeText, TypeTextLink } from "../markdown.js";

/** A token of a type expression. */
export type Token =
  | { readonly kind: "name"; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: "string"; readonly value: string; readonly start: number; readonly end: number }
  | { readonly kind: "number"; readonly value: number; readonly start: number; readonly end: number }
  | { readonly kind: "punct"; readonly text: string; readonly start: number; readonly end: number };

/**
 * Names: identifiers joined by `.`, `::` or `\` (`models.X`, `Models::Shared::X`,
 * `Operations\X`, `::String`, `\DateTime`), plus `{}` for Go's `interface{}`.
 */
const NAME = /(?:::|\\)?[A-Za-z_$][\w$]*(?:(?:\.|::|\\)[A-Za-z_$][\w$]*)*(?:\{\})?/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/y;
const PUNCT = /\[\]|[[\]<>(),|?*{}:&]/y;
const SPACE = /\s+/y;

/** Splits `text` into tokens, or returns the offset of the first character it cannot read. */
export function tokenize(text: string): Token[] | { readonly error: number } {
  const tokens: Token[] = [];
  let i = 0;
  const at = (re: RegExp): string | undefined => {
    re.lastIndex = i;
    const m = re.exec(text);
    return m ? m[0] : undefined;
  };
  while (i < text.length) {
    let m: string | undefined;
    if ((m = at(SPACE)) !== undefined) {
      i += m.length;
    } else if ((m = at(STRING)) !== undefined) {
      tokens.push({ kind: "string", value: unquote(m), start: i, end: i + m.length });
      i += m.length;
    } else if ((m = at(NAME)) !== undefined) {
      tokens.push({ kind: "name", text: m, start: i, end: i + m.length });
      i += m.length;
    } else if ((m = at(NUMBER)) !== undefined) {
      tokens.push({ kind: "number", value: Number(m), start: i, end: i + m.length });
      i += m.length;
    } else if ((m = at(PUNCT)) !== undefined) {
      tokens.push({ kind: "punct", text: m, start: i, end: i + m.length });
      i += m.length;
    } else {
      return { error: i };
    }
  }
  return tokens;
}

function unquote(literal: string): string {
  if (literal.startsWith('"')) {
    try {
      return JSON.parse(literal) as string;
    } catch {
      // Not JSON (e.g. a Python escape JSON lacks): fall back to the characters between the quotes.
    }
  }
  return literal.slice(1, -1).replace(/\\(.)/g, "$1");
}

/** The link whose text covers `[start, end)`, if any. */
export function linkCovering(typeText: TypeText, start: number, end: number): TypeTextLink | undefined {
  return typeText.links.find((link) => link.start <= start && end <= link.end);
}

/**
 * A cursor over tokens for recursive-descent grammars.
 * `peek`/`next` return `undefined` at the end.
 */
export class TokenStream {
  readonly tokens: readonly Token[];
  index = 0;

  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
  }

  peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }

  next(): Token | undefined {
    const token = this.tokens[this.index];
    if (token) this.index++;
    return token;
  }

  /** Consumes the punctuation `text` if it comes next. */
  eat(text: string): boolean {
    const token = this.tokens[this.index];
    if (token?.kind === "punct" && token.text === text) {
      this.index++;
      return true;
    }
    return false;
  }

  /** Whether the punctuation `text` comes next. */
  at(text: string): boolean {
    const token = this.tokens[this.index];
    return token?.kind === "punct" && token.text === text;
  }

  get done(): boolean {
    return this.index >= this.tokens.length;
  }
}
