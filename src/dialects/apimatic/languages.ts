/**
 * APIMatic Type cells, meaning (grammar §C): what each SDK language's names
 * stand for, and what its wrappers say of presence and null.
 *
 * - TypeScript: `T | undefined` = the key may be absent, `T | null | undefined`
 *   = also null, `T[]`, `Record<string, T>`, `unknown`, `bigint`.
 * - Python: `str`, `int`, `float`, `bool`, `List[T]`, `Dict[str, T]`, `Any`
 *   (null is never shown).
 * - Java: `String`, `Integer`, `Long`, `Double`, `Boolean`, `List<T>`,
 *   `Map<String, T>`, `Object` (null is never shown).
 * - Go: `*T` = may be absent, `models.Optional[T]` = may be null, `[]T`,
 *   `map[string]T`, `uuid.UUID`, `time.Time`, `interface{}`, `models.T`.
 *
 * Model names are linked (``[`Money \| undefined`](../../doc/models/money.md)``):
 * the link gives the doc; a model name without one is looked up by name.
 */

import type { RuleId } from "../../ir/diagnostics.js";
import type { TypeRef } from "../../ir/ir.js";
import type { TypeText } from "../markdown.js";
import { parseType, type TypeNode } from "./type-syntax.js";
import { own } from "../lookup.js";
import { tooDeep, tooDeepMessage } from "../type-depth.js";
import { linkTarget } from "../links.js";

/** The SDK languages whose APIMatic docs are read. */
export const LANGUAGES = ["typescript", "python", "java", "go"] as const;
export type ApimaticLanguage = (typeof LANGUAGES)[number];

/** What a Type cell says. */
export interface TypeReading {
  /** The value type; `nullable` when the cell says null. */
  readonly type: TypeRef;
  /** The cell says the key may be absent (TypeScript `| undefined`), when its language can say so. */
  readonly optional: boolean;
  /** Whether the language shows null at all: when it does not, the `lenient` policy allows it. */
  readonly nullShown: boolean;
}

/** Where a Type cell is, for reports and links. */
export interface TypeContext {
  readonly docId: string;
  report(ruleId: RuleId, message: string): void;
}

const STRING: TypeRef = { kind: "string" };
const INTEGER: TypeRef = { kind: "integer" };
const NUMBER: TypeRef = { kind: "number" };
const BOOLEAN: TypeRef = { kind: "boolean" };
const ANY: TypeRef = { kind: "unknown", reason: "any" };
const DATE_TIME: TypeRef = { kind: "string", format: "date-time" };
const DATE: TypeRef = { kind: "string", format: "date" };
const OBJECT: TypeRef = { kind: "record", values: ANY };

/** Each language's scalar names. */
const SCALARS: Readonly<Record<ApimaticLanguage, Readonly<Record<string, TypeRef>>>> = {
  typescript: { string: STRING, number: NUMBER, bigint: INTEGER, boolean: BOOLEAN, unknown: ANY, any: ANY, object: OBJECT, Date: DATE_TIME },
  python: { str: STRING, int: INTEGER, float: NUMBER, bool: BOOLEAN, Any: ANY, object: OBJECT, dict: OBJECT, datetime: DATE_TIME, date: DATE },
  java: {
    String: STRING,
    Integer: INTEGER,
    int: INTEGER,
    Long: INTEGER,
    long: INTEGER,
    BigInteger: INTEGER,
    Double: NUMBER,
    double: NUMBER,
    Float: NUMBER,
    float: NUMBER,
    BigDecimal: NUMBER,
    Number: NUMBER,
    Boolean: BOOLEAN,
    boolean: BOOLEAN,
    Object: ANY,
    JsonValue: ANY,
    UUID: STRING,
    LocalDate: DATE,
    LocalDateTime: DATE_TIME,
    ZonedDateTime: DATE_TIME,
    OffsetDateTime: DATE_TIME,
  },
  go: {
    string: STRING,
    ...Object.fromEntries(["int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64"].map((n) => [n, INTEGER])),
    float32: NUMBER,
    float64: NUMBER,
    bool: BOOLEAN,
    "interface{}": ANY,
    any: ANY,
    "uuid.UUID": STRING,
    "time.Time": DATE_TIME,
  },
};

/** Generic containers: `List<T>`, `List[T]`, `Record<string, T>`, `Dict[str, T]`, `Map<String, T>`. */
const ARRAYS = new Set(["Array", "List", "list", "ArrayList", "Set", "set"]);
const RECORDS = new Set(["Record", "Dict", "dict", "Map", "HashMap"]);

/** The SDK namespace APIMatic writes before model names (Go's `models.Money`). */
const MODEL_NAMESPACE = "models";

/** Reads a Type cell in `language` (see the module comment). An unreadable cell is `unknown` with an `unknown-type` warning. */
export function readType(language: ApimaticLanguage, cell: TypeText, ctx: TypeContext): TypeReading {
  const nullShown = language === "typescript" || language === "go";
  const text = cell.text.trim();
  if (tooDeep(text)) {
    ctx.report("unknown-type", tooDeepMessage(text));
    return { type: { kind: "unknown", reason: "unparsed", text }, optional: false, nullShown };
  }
  const node = parseType(text);
  if (!node) {
    ctx.report("unknown-type", `Unexpected type \`${text}\`, expected a ${LABELS[language]} type as APIMatic writes it; the type is \`unknown\``);
    return { type: { kind: "unknown", reason: "unparsed", text }, optional: false, nullShown };
  }
  const reader = new Reader(language, cell, ctx);
  let optional = false;
  let top = node;
  if (language === "go" && top.kind === "pointer") {
    // `*string`: a pointer, which may be nil (absent); not null on the wire.
    top = top.type;
  }
  if (language === "typescript" && top.kind === "union" && top.members.some((m) => isName(m, "undefined"))) {
    optional = true;
    const rest = top.members.filter((m) => !isName(m, "undefined"));
    top = rest.length === 1 ? (rest[0] as TypeNode) : { kind: "union", members: rest };
  }
  return { type: reader.read(top), optional, nullShown };
}

/** The languages' names, for messages. */
export const LABELS: Readonly<Record<ApimaticLanguage, string>> = { typescript: "TypeScript", python: "Python", java: "Java", go: "Go" };

function isName(node: TypeNode, name: string): boolean {
  return node.kind === "name" && node.name === name && node.args.length === 0;
}

/** Turns a parsed cell into a {@link TypeRef}, names read the language's way. */
class Reader {
  private readonly language: ApimaticLanguage;
  private readonly cell: TypeText;
  private readonly ctx: TypeContext;

  constructor(language: ApimaticLanguage, cell: TypeText, ctx: TypeContext) {
    this.language = language;
    this.cell = cell;
    this.ctx = ctx;
  }

  read(node: TypeNode): TypeRef {
    switch (node.kind) {
      case "array":
        return { kind: "array", items: this.read(node.items) };
      case "pointer":
        return this.read(node.type);
      case "map":
        return { kind: "record", values: this.read(node.value) };
      case "union": {
        const isNull = (m: TypeNode) => isName(m, "null") || isName(m, "None");
        const members = node.members.filter((m) => !isNull(m)).map((m) => this.read(m));
        const type: TypeRef = members.length === 1 ? (members[0] as TypeRef) : { kind: "union", members };
        return node.members.some(isNull) ? { kind: "nullable", type } : type;
      }
      case "name":
        return this.name(node);
    }
  }

  private name(node: Extract<TypeNode, { kind: "name" }>): TypeRef {
    const { name, args } = node;
    const [first, second] = args;
    if (args.length === 0) {
      const scalar = own(SCALARS[this.language], name);
      if (scalar) return scalar;
    }
    if (first && args.length === 1 && (name === "Optional" || name === `${MODEL_NAMESPACE}.Optional`)) return { kind: "nullable", type: this.read(first) };
    if (first && args.length === 1 && ARRAYS.has(name)) return { kind: "array", items: this.read(first) };
    if (second && args.length === 2 && RECORDS.has(name)) return { kind: "record", values: this.read(second) };
    if (args.length > 0 && name === "Union") return { kind: "union", members: args.map((a) => this.read(a)) };
    const dot = name.lastIndexOf(".");
    const namespace = dot < 0 ? undefined : name.slice(0, dot);
    const bare = name.slice(dot + 1);
    if (args.length > 0 || (namespace !== undefined && namespace !== MODEL_NAMESPACE) || !/^[A-Z]/.test(bare)) {
      const text = this.cell.text.slice(node.start, node.end);
      this.ctx.report("unknown-type", `Unexpected type name \`${text}\`, expected a ${LABELS[this.language]} type or a model name; the type is \`unknown\``);
      return { kind: "unknown", reason: "unparsed", text: this.cell.text.trim() };
    }
    const link = this.cell.links.find((l) => l.start < node.end && node.start < l.end);
    const target = link ? linkTarget(this.ctx.docId, link.url) : undefined;
    return target !== undefined ? { kind: "ref", target, text: { name: bare }, hint: true } : { kind: "named", name: bare };
  }
}
