/**
 * APIMatic Type cells, syntax only (grammar §C): one parser for the type
 * expressions of every SDK language APIMatic documents — TypeScript
 * (`Money[] | undefined`, `Record<string, T>`), Python (`List[T]`,
 * `Dict[str, T]`), Java (`List<T>`, `Map<String, T>`) and Go (`*string`,
 * `[]T`, `map[string]T`, `models.Optional[T]`, `interface{}`). What the
 * names mean is each language's reader's business (`languages.ts`).
 */

/** A parsed type expression. Names keep their span in the cell text, so a link over them can be found. */
export type TypeNode =
  /** `string`, `models.Money`, `List<T>`, `Dict[str, T]`, `models.Optional[T]`; `interface{}` as the name `interface{}`. */
  | { readonly kind: "name"; readonly name: string; readonly args: readonly TypeNode[]; readonly start: number; readonly end: number }
  /** `T[]` (TypeScript) or `[]T` (Go). */
  | { readonly kind: "array"; readonly items: TypeNode }
  /** Go's `*T`. */
  | { readonly kind: "pointer"; readonly type: TypeNode }
  /** Go's `map[K]V`. */
  | { readonly kind: "map"; readonly key: TypeNode; readonly value: TypeNode }
  /** `A | B` (TypeScript). */
  | { readonly kind: "union"; readonly members: readonly TypeNode[] };

interface Token {
  readonly text: string;
  readonly start: number;
}

const TOKEN = /\s*(?:([A-Za-z_$][\w$]*)|(\S))/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (TOKEN.lastIndex < text.length && (match = TOKEN.exec(text)) !== null) {
    const word = match[1] ?? match[2] ?? "";
    tokens.push({ text: word, start: match.index + match[0].length - word.length });
  }
  return tokens;
}

/** Thrown inside the parser only; {@link parseType} turns it into `undefined`. */
class SyntaxFailure extends Error {}

/**
 * Parses a Type cell's text (links already flattened to their text); returns
 * `undefined` when it is no type expression of any APIMatic language.
 */
export function parseType(text: string): TypeNode | undefined {
  const tokens = tokenize(text);
  let index = 0;
  const peek = (offset = 0): string | undefined => tokens[index + offset]?.text;
  const expect = (text: string): void => {
    if (peek() !== text) throw new SyntaxFailure();
    index++;
  };
  const isWord = (text: string | undefined): boolean => text !== undefined && /^[A-Za-z_$]/.test(text);

  const union = (): TypeNode => {
    const members = [postfix()];
    while (peek() === "|") {
      index++;
      members.push(postfix());
    }
    return members.length === 1 ? (members[0] as TypeNode) : { kind: "union", members };
  };
  const postfix = (): TypeNode => {
    let node = prefix();
    while (peek() === "[" && peek(1) === "]") {
      index += 2;
      node = { kind: "array", items: node };
    }
    return node;
  };
  const prefix = (): TypeNode => {
    const token = tokens[index];
    if (!token) throw new SyntaxFailure();
    if (token.text === "*") {
      index++;
      return { kind: "pointer", type: prefix() };
    }
    if (token.text === "[" && peek(1) === "]") {
      index += 2;
      return { kind: "array", items: prefix() };
    }
    if (token.text === "(") {
      index++;
      const inner = union();
      expect(")");
      return inner;
    }
    if (token.text === "map" && peek(1) === "[") {
      index += 2;
      const key = union();
      expect("]");
      return { kind: "map", key, value: prefix() };
    }
    if (token.text === "interface" && peek(1) === "{" && peek(2) === "}") {
      index += 3;
      return { kind: "name", name: "interface{}", args: [], start: token.start, end: token.start + "interface".length };
    }
    if (!isWord(token.text)) throw new SyntaxFailure();
    let name = token.text;
    let end = token.start + token.text.length;
    index++;
    while (peek() === "." && isWord(peek(1))) {
      const part = tokens[index + 1] as Token;
      name += `.${part.text}`;
      end = part.start + part.text.length;
      index += 2;
    }
    const args: TypeNode[] = [];
    const open = peek();
    if ((open === "<" || open === "[") && peek(1) !== "]") {
      index++;
      args.push(union());
      while (peek() === ",") {
        index++;
        args.push(union());
      }
      expect(open === "<" ? ">" : "]");
    }
    return { kind: "name", name, args, start: token.start, end };
  };

  try {
    const node = union();
    return index === tokens.length ? node : undefined;
  } catch (error) {
    if (error instanceof SyntaxFailure) return undefined;
    throw error;
  }
}
