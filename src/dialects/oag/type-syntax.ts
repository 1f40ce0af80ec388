/**
 * The syntax of OAG type texts, shared by every client language (grammar
 * §A.5): the text inside a Type cell's bold, entities decoded, read into a
 * small tree that each language then gives meaning (`languages/*.ts`). It
 * knows the shapes, not the names: `List[T]`, `Vec<T>`, `dict(str, T)`
 * (generic names with arguments), Go's `[]T` and `map[K]V`, PHP's `T[]`,
 * C#'s `T?`, `[T]` and `{K: V}` (python-prior, JavaScript), `(T,)`,
 * TypeScript's `{ [key: string]: T; }` and `A | B`, Go's `interface{}`,
 * literals, and python-prior's top-level comma lists (`str, none_type`).
 */

/** One node of a type text. */
export type TypeSyntax =
  /** A name, with generic arguments when `open` is set: `Pet`, `List[Pet]`, `Vec<String>`, `dict(str, int)`. */
  | { readonly kind: "name"; readonly name: string; readonly open: "" | "<" | "[" | "("; readonly args: readonly TypeSyntax[] }
  /** Go `[]T`. */
  | { readonly kind: "slice"; readonly items: TypeSyntax }
  /** Go `map[K]V`. */
  | { readonly kind: "map"; readonly key: TypeSyntax; readonly value: TypeSyntax }
  /** PHP `T[]` (`[]`) and C# `T?` (`?`). */
  | { readonly kind: "suffix"; readonly type: TypeSyntax; readonly suffix: "[]" | "?" }
  /** `[T]` (python-prior, JavaScript arrays; `[str, none_type]`). */
  | { readonly kind: "list"; readonly items: readonly TypeSyntax[] }
  /** `(T,)` (python-prior map values). */
  | { readonly kind: "tuple"; readonly items: readonly TypeSyntax[] }
  /** TypeScript `{ [key: string]: T; }`. */
  | { readonly kind: "index"; readonly key: TypeSyntax; readonly value: TypeSyntax }
  /** `{K: V}` (JavaScript `{String: T}`, python-prior `{str: (T,)}`). */
  | { readonly kind: "dict"; readonly key: TypeSyntax; readonly value: TypeSyntax }
  /** `A | B`. */
  | { readonly kind: "union"; readonly members: readonly TypeSyntax[] }
  /** A top-level comma list (python-prior `str, none_type`). */
  | { readonly kind: "alternatives"; readonly members: readonly TypeSyntax[] }
  /** Go `interface{}` and `interface { GetType() string }`; `body` is what the braces hold, trimmed. */
  | { readonly kind: "interface"; readonly body: string }
  /** A string, number or boolean literal (`'a'`, `"a"`, `1`, `true`). */
  | { readonly kind: "literal"; readonly value: string | number | boolean };

interface Token {
  readonly kind: "name" | "string" | "number" | "punct";
  readonly text: string;
  readonly start: number;
}

/** Identifiers: letters, digits, `_`, `$`, `.`, `\` (PHP namespaces), `::` (Rust paths), a leading `*` (Go pointers). */
const NAME = /\*?[A-Za-z_$\\][\w$.\\]*(?:::[A-Za-z_$][\w$.]*)*/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/y;
const SPACE = /\s+/y;
const PUNCT = "<>[](){},|;:?";

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let at = 0;
  const sticky = (re: RegExp): string | undefined => {
    re.lastIndex = at;
    const m = re.exec(text);
    return m ? m[0] : undefined;
  };
  while (at < text.length) {
    const space = sticky(SPACE);
    if (space) {
      at += space.length;
      continue;
    }
    const name = sticky(NAME);
    if (name) {
      tokens.push({ kind: "name", text: name, start: at });
      at += name.length;
      continue;
    }
    const number = sticky(NUMBER);
    if (number) {
      tokens.push({ kind: "number", text: number, start: at });
      at += number.length;
      continue;
    }
    const string = sticky(STRING);
    if (string) {
      tokens.push({ kind: "string", text: string, start: at });
      at += string.length;
      continue;
    }
    const c = text.charAt(at);
    if (!PUNCT.includes(c)) return undefined;
    tokens.push({ kind: "punct", text: c, start: at });
    at++;
  }
  return tokens;
}

/**
 * Parses a type text into its {@link TypeSyntax}; `undefined` when it is
 * none of the shapes above (unbalanced brackets, stray characters).
 */
export function parseTypeSyntax(text: string): TypeSyntax | undefined {
  const tokens = tokenize(text);
  if (!tokens || tokens.length === 0) return undefined;
  let i = 0;
  const peek = (offset = 0): Token | undefined => tokens[i + offset];
  const isPunct = (c: string, offset = 0): boolean => {
    const t = peek(offset);
    return t !== undefined && t.kind === "punct" && t.text === c;
  };
  const expect = (c: string): void => {
    if (!isPunct(c)) throw FAIL;
    i++;
  };

  /** `union ("," union)* [","]` up to `close` (not consumed). */
  const list = (close: string): TypeSyntax[] => {
    const items: TypeSyntax[] = [];
    while (!isPunct(close)) {
      items.push(union());
      if (isPunct(",")) i++;
      else break;
    }
    return items;
  };

  const union = (): TypeSyntax => {
    const members = [postfix()];
    while (isPunct("|")) {
      i++;
      members.push(postfix());
    }
    return members.length === 1 ? (members[0] as TypeSyntax) : { kind: "union", members };
  };

  const postfix = (): TypeSyntax => {
    let type = primary();
    for (;;) {
      if (isPunct("[") && isPunct("]", 1)) {
        i += 2;
        type = { kind: "suffix", type, suffix: "[]" };
      } else if (isPunct("?")) {
        i++;
        type = { kind: "suffix", type, suffix: "?" };
      } else return type;
    }
  };

  const primary = (): TypeSyntax => {
    const t = peek();
    if (!t) throw FAIL;
    i++;
    if (t.kind === "string") return { kind: "literal", value: t.text.slice(1, -1) };
    if (t.kind === "number") return { kind: "literal", value: Number(t.text) };
    if (t.kind === "punct") {
      switch (t.text) {
        case "[": {
          if (isPunct("]")) {
            i++;
            return { kind: "slice", items: postfix() };
          }
          const items = list("]");
          expect("]");
          return { kind: "list", items };
        }
        case "(": {
          const items = list(")");
          expect(")");
          return { kind: "tuple", items };
        }
        case "{": {
          if (isPunct("[")) {
            // `{ [key: string]: T; }`
            i++;
            if (peek()?.kind !== "name") throw FAIL;
            i++;
            expect(":");
            const key = union();
            expect("]");
            expect(":");
            const value = union();
            if (isPunct(";")) i++;
            expect("}");
            return { kind: "index", key, value };
          }
          const key = union();
          expect(":");
          const value = union();
          expect("}");
          return { kind: "dict", key, value };
        }
        default:
          throw FAIL;
      }
    }
    if (t.text === "true" || t.text === "false") return { kind: "literal", value: t.text === "true" };
    if (t.text === "interface" && isPunct("{")) return { kind: "interface", body: braced() };
    if (t.text === "map" && isPunct("[") && !isPunct("]", 1)) {
      i++;
      const key = union();
      expect("]");
      return { kind: "map", key, value: postfix() };
    }
    for (const [open, close] of [["<", ">"], ["[", "]"], ["(", ")"]] as const) {
      if (isPunct(open) && !(open === "[" && isPunct("]", 1))) {
        i++;
        const args = list(close);
        expect(close);
        return { kind: "name", name: t.text, open, args };
      }
    }
    return { kind: "name", name: t.text, open: "", args: [] };
  };

  /** The text between balanced braces (Go interface bodies), the braces consumed. */
  const braced = (): string => {
    const open = peek() as Token;
    let depth = 0;
    while (i < tokens.length) {
      const t = tokens[i++] as Token;
      if (t.kind !== "punct") continue;
      if (t.text === "{") depth++;
      else if (t.text === "}" && --depth === 0) return text.slice(open.start + 1, t.start).trim();
    }
    throw FAIL;
  };

  try {
    const members = [union()];
    while (isPunct(",")) {
      i++;
      if (i < tokens.length) members.push(union());
    }
    if (i !== tokens.length) return undefined;
    return members.length === 1 ? members[0] : { kind: "alternatives", members };
  } catch (error) {
    if (error === FAIL) return undefined;
    throw error;
  }
}

/** Thrown inside the parser for text of no known shape; never escapes it. */
const FAIL = new Error("not a type text");

/** The last segment of a qualified name: `models::Pet`, `\Vendor\Model\Pet`, `kotlin.String`, `*os.File` → `Pet`, `Pet`, `String`, `File`. */
export function lastSegment(name: string): string {
  const cut = name.split(/::|\\|\./);
  return (cut[cut.length - 1] ?? name).replace(/^\*/, "");
}
